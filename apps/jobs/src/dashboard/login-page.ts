/**
 * The dashboard's sign-in page: an admin pastes an access token (from the `login`
 * mutation); the page posts it and the server answers with an HttpOnly cookie. Static
 * markup, no data interpolated.
 */
export const LOGIN_PAGE = `<!doctype html>
<html lang="pt-BR">
<head><meta charset="utf-8"><title>Filas · Mestres Café</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;max-width:520px;margin:64px auto;color:#2b2118">
<h1>Filas de jobs</h1>
<p>Cole o access token de uma conta ADMIN (mutation <code>login</code> no gateway).</p>
<form id="login">
  <textarea id="token" rows="6" style="width:100%" required></textarea>
  <p><button type="submit">Entrar</button> <span id="error" style="color:#a00"></span></p>
</form>
<script>
document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessToken: document.getElementById('token').value.trim() }),
  });
  if (response.ok) location.href = './';
  else document.getElementById('error').textContent = 'Acesso negado (' + response.status + ')';
});
</script>
</body>
</html>`;
