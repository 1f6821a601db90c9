import { AddressesError, AddressesErrorCode } from './addresses.errors';
import type { AddressInput } from './address.input';

/** The 27 federative units (26 states and the Federal District). */
export const BRAZILIAN_STATES = new Set([
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA',
  'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
]);

export interface AddressFields {
  recipient: string;
  street: string;
  number: string;
  complement: string | null;
  district: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
}

const invalid = (field: string, message: string) =>
  new AddressesError(AddressesErrorCode.INVALID_ADDRESS, `${field} ${message}`, { field });

function text(value: string, field: string, max: number): string {
  const cleaned = value.trim().replace(/\s+/g, ' ');
  if (cleaned.length === 0 || cleaned.length > max) throw invalid(field, `must be 1 to ${max} characters`);
  return cleaned;
}

/** CEP: 8 digits, dash optional; stored as digits only. */
export function parsePostalCode(raw: string, field: string): string {
  const match = /^(\d{5})-?(\d{3})$/.exec(raw.trim());
  if (!match || `${match[1]}${match[2]}` === '00000000') throw invalid(field, 'must be a CEP of 8 digits, e.g. 01310-100');
  return `${match[1]}${match[2]}`;
}

/**
 * Brazilian phone: area code (DDD 11 to 99) plus 8 digits (landline) or 9 digits starting with
 * 9 (mobile); punctuation and a leading +55 are accepted. Stored in E.164 (`+55...`).
 */
export function parsePhone(raw: string, field: string): string {
  let digits = raw.replace(/[\s().-]/g, '');
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+55')) throw invalid(field, 'must be a Brazilian number (+55)');
    digits = digits.slice(3);
  } else if (/^55\d{10,11}$/.test(digits)) {
    digits = digits.slice(2);
  }
  const valid = /^[1-9][1-9](?:[2-5]\d{7}|9\d{8})$/.test(digits);
  if (!valid) throw invalid(field, 'must be a phone number with area code, e.g. (11) 98765-4321');
  return `+55${digits}`;
}

export function parseState(raw: string, field: string): string {
  const state = raw.trim().toUpperCase();
  if (!BRAZILIAN_STATES.has(state)) throw invalid(field, 'must be a two-letter state code (UF), e.g. SP');
  return state;
}

/** Validates and normalises an address; errors name the offending field (`input.postalCode`). */
export function parseAddress(input: AddressInput, prefix = 'input'): AddressFields {
  const complement = input.complement?.trim() ? text(input.complement, `${prefix}.complement`, 100) : null;
  return {
    recipient: text(input.recipient, `${prefix}.recipient`, 100),
    street: text(input.street, `${prefix}.street`, 200),
    number: text(input.number, `${prefix}.number`, 20),
    complement,
    district: text(input.district, `${prefix}.district`, 100),
    city: text(input.city, `${prefix}.city`, 100),
    state: parseState(input.state, `${prefix}.state`),
    postalCode: parsePostalCode(input.postalCode, `${prefix}.postalCode`),
    phone: parsePhone(input.phone, `${prefix}.phone`),
  };
}
