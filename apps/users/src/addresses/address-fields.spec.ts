import { AddressesError } from './addresses.errors';
import { parsePhone, parsePostalCode, parseState } from './address-fields';

const rejected = (attempt: () => unknown) => {
  try {
    attempt();
    return false;
  } catch (error) {
    return error instanceof AddressesError && error.details.field === 'f';
  }
};

describe(parsePostalCode.name, () => {
  it('accepts 8 digits with or without the dash and refuses the rest', () => {
    expect(parsePostalCode('01310-100', 'f')).toBe('01310100');
    expect(parsePostalCode('01310100', 'f')).toBe('01310100');
    for (const bad of ['0131-0100', '013101000', 'ABCDE-123', '00000-000', '']) expect(rejected(() => parsePostalCode(bad, 'f'))).toBe(true);
  });
});

describe(parsePhone.name, () => {
  it('normalises Brazilian mobiles and landlines to E.164', () => {
    expect(parsePhone('(11) 98765-4321', 'f')).toBe('+5511987654321');
    expect(parsePhone('+55 21 3456-7890', 'f')).toBe('+552134567890');
    expect(parsePhone('5511987654321', 'f')).toBe('+5511987654321');
  });

  it('refuses numbers without a valid area code or of another country', () => {
    for (const bad of ['98765-4321', '(01) 98765-4321', '(11) 88765-43210', '+1 415 555 0100', 'telefone']) {
      expect(rejected(() => parsePhone(bad, 'f'))).toBe(true);
    }
  });
});

describe(parseState.name, () => {
  it('accepts the 27 UFs in any case', () => {
    expect(parseState(' df ', 'f')).toBe('DF');
    expect(rejected(() => parseState('BR', 'f'))).toBe(true);
  });
});
