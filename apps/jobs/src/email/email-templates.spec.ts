import { classReminderEmail, enrollmentConfirmationEmail, orderConfirmationEmail, paymentReceiptEmail } from './email-templates';

const recipient = { userId: 'u-1', email: 'ana@example.com', name: 'Ana Souza' };
const context = { webUrl: 'https://mestrescafe.com.br', timeZone: 'America/Sao_Paulo' };
const order = {
  userId: 'u-1',
  orderId: 'o-1',
  orderNumber: '#0193A1B2',
  totalCents: 11480,
  currency: 'BRL',
  lines: [{ name: 'Bourbon Amarelo (250 g · Grão)', quantity: 2, unitPriceCents: 4990 }],
};
const enrollment = {
  userId: 'u-1',
  enrollmentId: 'e-1',
  courseTitle: 'Latte Art',
  courseSlug: 'latte-art',
  sessionId: 's-1',
  sessionStartsAt: '2026-03-14T12:00:00Z',
  sessionEndsAt: '2026-03-14T16:00:00Z',
  format: 'IN_PERSON' as const,
  location: 'Rua A, 1',
};

describe(orderConfirmationEmail.name, () => {
  it('writes the order in PT-BR with Brazilian money and the payment deadline in the shop time zone', () => {
    const email = orderConfirmationEmail({ ...order, paymentExpiresAt: '2026-03-14T15:30:00Z' }, recipient, context);

    expect(email.subject).toBe('Recebemos seu pedido #0193A1B2');
    expect(email.text).toMatch(/2 × Bourbon Amarelo \(250 g · Grão\): R\$\s99,80/);
    expect(email.text).toMatch(/Total: R\$\s114,80/);
    expect(email.text).toContain('até sábado, 14 de março de 2026 às 12:30');
  });

  it('escapes customer data in the HTML and links to the order', () => {
    const email = orderConfirmationEmail({ ...order, paymentExpiresAt: '2026-03-14T15:30:00Z' }, { ...recipient, name: '<b>Ana</b> Souza' }, context);

    expect(email.html).toContain('Olá, &lt;b&gt;Ana&lt;/b&gt;!');
    expect(email.html).not.toContain('<b>Ana</b>');
    expect(email.html).toContain('href="https://mestrescafe.com.br/pedidos/o-1"');
  });
});

describe(paymentReceiptEmail.name, () => {
  it('says when the payment was confirmed', () => {
    const email = paymentReceiptEmail({ ...order, paidAt: '2026-03-14T13:05:00Z' }, recipient, context);

    expect(email.text).toContain('Confirmamos o pagamento do pedido #0193A1B2 em sábado, 14 de março de 2026 às 10:05.');
  });
});

describe(enrollmentConfirmationEmail.name, () => {
  it('gives the class time and place', () => {
    const email = enrollmentConfirmationEmail(enrollment, recipient, context);

    expect(email.subject).toBe('Matrícula confirmada: Latte Art');
    expect(email.text).toContain('Aula: sábado, 14 de março de 2026 às 09:00');
    expect(email.text).toContain('Local: Rua A, 1');
  });
});

describe(classReminderEmail.name, () => {
  it('points online students to the student area instead of an address', () => {
    const email = classReminderEmail({ ...enrollment, format: 'ONLINE', location: null }, recipient, context);

    expect(email.text).toContain('Aula online: o link de acesso fica na sua área do aluno.');
    expect(email.html).not.toContain('Local:');
  });
});
