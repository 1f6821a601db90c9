import { passwordProblem } from './password-policy';

describe(passwordProblem.name, () => {
  const email = 'joana.silva@example.com';

  it.each([
    ['Curta-1', /at least 10/],
    ['x'.repeat(100) + 'Y'.repeat(29), /at most 128/],
    ['somenteletrasminusculas', /at least two/],
    ['1234567890123', /at least two/],
    ['Senha-Joana.Silva-1', /email/],
  ])('refuses %s', (password, why) => {
    expect(passwordProblem(password, email)).toMatch(why);
  });

  it.each(['Torra-Media-2026', 'cafe com leite 42', 'ÁguaFria-Quente', 'pão de queijo!'])('accepts %s', (password) => {
    expect(passwordProblem(password, email)).toBeNull();
  });

  it('counts characters, not bytes', () => {
    expect(passwordProblem('çãõé-çãõé1', email)).toBeNull();
  });
});
