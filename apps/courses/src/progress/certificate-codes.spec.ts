import { base32, CertificateCodes, normalizeCertificateCode } from './certificate-codes';

describe(CertificateCodes.name, () => {
  it('encodes bytes as RFC 4648 base32', () => {
    expect(base32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32(Buffer.from('f'))).toBe('MY');
  });

  it('generates 16-character codes that differ each time', () => {
    const codes = new CertificateCodes();
    const generated = new Set(Array.from({ length: 200 }, () => codes.generate()));
    expect(generated.size).toBe(200);
    for (const code of generated) expect(code).toMatch(/^[A-Z2-7]{16}$/);
  });

  it('accepts a code typed in lower case with spaces and hyphens', () => {
    expect(normalizeCertificateCode(' abcd-efgh-ijkl-mn23 ')).toBe('ABCDEFGHIJKLMN23');
  });

  it('rejects what cannot be a code', () => {
    expect(normalizeCertificateCode('ABCDEFGHIJKLMN2')).toBeNull();
    expect(normalizeCertificateCode('ABCDEFGHIJKLMN01')).toBeNull();
    expect(normalizeCertificateCode("' OR 1=1 --")).toBeNull();
  });
});
