import { isPermanentSmtpFailure } from './mailer';

const smtpError = (code: string, responseCode?: number) => Object.assign(new Error('smtp'), { code, responseCode });

describe(isPermanentSmtpFailure.name, () => {
  it('gives up on a recipient the server refused with 5xx', () => {
    expect(isPermanentSmtpFailure(smtpError('EENVELOPE', 550))).toBe(true);
  });

  it('retries a temporary 4xx refusal', () => {
    expect(isPermanentSmtpFailure(smtpError('EENVELOPE', 451))).toBe(false);
  });

  it('retries connection failures and timeouts', () => {
    expect(isPermanentSmtpFailure(smtpError('ECONNECTION'))).toBe(false);
    expect(isPermanentSmtpFailure(smtpError('ETIMEDOUT'))).toBe(false);
  });

  it('retries authentication failures, which an operator can fix', () => {
    expect(isPermanentSmtpFailure(smtpError('EAUTH', 535))).toBe(false);
  });
});
