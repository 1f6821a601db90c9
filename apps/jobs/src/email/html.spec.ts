import { escapeHtml, html, safeUrl } from './html';

describe(html.name, () => {
  it('escapes interpolated text', () => {
    const name = '<script>alert("x")</script> & Cia';
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cia</p>');
  });

  it('keeps nested fragments as markup and escapes their values', () => {
    const items = ['<b>', 'café'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>&lt;b&gt;</li><li>café</li></ul>');
  });

  it('renders null and undefined as nothing', () => {
    expect(html`<p>${null}${undefined}</p>`.value).toBe('<p></p>');
  });
});

describe(escapeHtml.name, () => {
  it('escapes quotes so values are safe inside attributes', () => {
    expect(escapeHtml(`" onclick='x'`)).toBe('&quot; onclick=&#39;x&#39;');
  });
});

describe(safeUrl.name, () => {
  it('refuses javascript: URLs', () => {
    expect(safeUrl('javascript:alert(1)')).toBe('#');
  });

  it('keeps https URLs', () => {
    expect(safeUrl('https://rastreio.example.com/?c=AB123')).toBe('https://rastreio.example.com/?c=AB123');
  });
});
