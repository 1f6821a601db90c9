import { html, safeUrl, type SafeHtml } from './html';

export interface EmailAction {
  label: string;
  url: string;
}

/** Wraps a body in the shared, inline-styled layout that e-mail clients render reliably. */
export function emailLayout(title: string, body: SafeHtml, action?: EmailAction): SafeHtml {
  const button = action
    ? html`<p style="margin:24px 0"><a href="${safeUrl(action.url)}" style="background:#5b3a29;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none">${action.label}</a></p>`
    : null;
  return html`<!doctype html>
<html lang="pt-BR">
<head><meta charset="utf-8"><title>${title}</title></head>
<body style="margin:0;background:#f6f1eb;font-family:Arial,Helvetica,sans-serif;color:#2b2118">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:6px">
<tr><td style="padding:24px 32px;background:#5b3a29;color:#ffffff;font-size:20px;font-weight:bold;border-radius:6px 6px 0 0">Mestres Café</td></tr>
<tr><td style="padding:32px">
${body}
${button}
</td></tr>
<tr><td style="padding:16px 32px;font-size:12px;color:#7a6a5d">Mestres Café · Você recebeu este e-mail porque tem uma conta conosco.</td></tr>
</table>
</td></tr></table>
</body>
</html>`;
}

/** The plain-text alternative: paragraphs separated by blank lines, plus the signature. */
export function textLayout(paragraphs: Array<string | null | undefined>): string {
  return [...paragraphs.filter((p): p is string => Boolean(p)), '— Equipe Mestres Café'].join('\n\n') + '\n';
}
