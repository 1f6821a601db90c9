import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CODE = /^[A-Z2-7]{16}$/;

/** RFC 4648 base32 without padding. */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += ALPHABET[(value << (5 - bits)) & 31];
  return output;
}

/**
 * A code as a person may type it (lower case, spaces, hyphens as printed on the
 * certificate) in its stored form, or null when it cannot be a certificate code.
 */
export function normalizeCertificateCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return CODE.test(code) ? code : null;
}

/**
 * Certificate codes: 80 random bits (10 bytes) in base32, 16 characters. Unguessable, so
 * the public verification query cannot be used to enumerate certificates.
 */
@Injectable()
export class CertificateCodes {
  generate(): string {
    return base32(randomBytes(10));
  }
}
