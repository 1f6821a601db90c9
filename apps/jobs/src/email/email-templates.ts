import type {
  AbandonedCartPayload,
  CourseCompletedEmailPayload,
  EnrollmentCancelledEmailPayload,
  EnrollmentEmailPayload,
  OrderCancelledEmailPayload,
  OrderConfirmationPayload,
  OrderEmailLine,
  PaymentReceiptPayload,
  RefundEmailPayload,
  ShippingEmailPayload,
  WaitlistEmailPayload,
} from '../queues/job-payloads';
import { emailLayout, textLayout } from './email-layout';
import { html, type SafeHtml } from './html';
import { firstName, formatDateTime, formatMoney } from './pt-br-format';
import type { EmailContext, EmailRecipient, RenderedEmail } from './rendered-email';

/** Renders one e-mail in PT-BR from its job payload. Pure: no I/O, same input, same output. */
export type EmailTemplate<Payload> = (payload: Payload, recipient: EmailRecipient, context: EmailContext) => RenderedEmail;

const link = (context: EmailContext, path: string) => new URL(path, context.webUrl).toString();

function linesTable(lines: OrderEmailLine[], totalCents: number, currency: string): SafeHtml {
  const rows = lines.map(
    (line) =>
      html`<tr><td style="padding:4px 0">${line.quantity} × ${line.name}</td><td align="right">${formatMoney(line.unitPriceCents * line.quantity, currency)}</td></tr>`,
  );
  return html`<table role="presentation" width="100%" style="border-collapse:collapse;margin:16px 0">${rows}<tr><td style="padding-top:8px;border-top:1px solid #e5dcd3"><strong>Total</strong></td><td align="right" style="padding-top:8px;border-top:1px solid #e5dcd3"><strong>${formatMoney(totalCents, currency)}</strong></td></tr></table>`;
}

function linesText(lines: OrderEmailLine[], totalCents: number, currency: string): string {
  const items = lines.map((line) => `- ${line.quantity} × ${line.name}: ${formatMoney(line.unitPriceCents * line.quantity, currency)}`);
  return [...items, `Total: ${formatMoney(totalCents, currency)}`].join('\n');
}

function classWhereText(payload: EnrollmentEmailPayload): string {
  return payload.format === 'ONLINE' ? 'Aula online: o link de acesso fica na sua área do aluno.' : `Local: ${payload.location ?? 'a confirmar'}`;
}

function classWhereHtml(payload: EnrollmentEmailPayload): SafeHtml {
  return payload.format === 'ONLINE'
    ? html`<p>Aula online: o link de acesso fica na sua área do aluno.</p>`
    : html`<p><strong>Local:</strong> ${payload.location ?? 'a confirmar'}</p>`;
}

export const orderConfirmationEmail: EmailTemplate<OrderConfirmationPayload> = (order, recipient, context) => {
  const subject = `Recebemos seu pedido ${order.orderNumber}`;
  const deadline = formatDateTime(order.paymentExpiresAt, context.timeZone);
  const action = { label: 'Acompanhar pedido', url: link(context, `/pedidos/${encodeURIComponent(order.orderId)}`) };
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}!`,
      `Recebemos seu pedido ${order.orderNumber}. Assim que o pagamento for confirmado, avisaremos você.`,
      linesText(order.lines, order.totalCents, order.currency),
      `O pagamento precisa ser concluído até ${deadline}; depois disso o pedido é cancelado e os itens voltam ao estoque.`,
      `Acompanhe seu pedido: ${action.url}`,
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}!</p><p>Recebemos seu pedido <strong>${order.orderNumber}</strong>. Assim que o pagamento for confirmado, avisaremos você.</p>${linesTable(order.lines, order.totalCents, order.currency)}<p>O pagamento precisa ser concluído até ${deadline}; depois disso o pedido é cancelado e os itens voltam ao estoque.</p>`,
      action,
    ).value,
  };
};

export const paymentReceiptEmail: EmailTemplate<PaymentReceiptPayload> = (order, recipient, context) => {
  const subject = `Pagamento confirmado: pedido ${order.orderNumber}`;
  const paidAt = formatDateTime(order.paidAt, context.timeZone);
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}!`,
      `Confirmamos o pagamento do pedido ${order.orderNumber} em ${paidAt}. Este e-mail é o seu recibo.`,
      linesText(order.lines, order.totalCents, order.currency),
      'Obrigado por comprar com a gente!',
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}!</p><p>Confirmamos o pagamento do pedido <strong>${order.orderNumber}</strong> em ${paidAt}. Este e-mail é o seu recibo.</p>${linesTable(order.lines, order.totalCents, order.currency)}<p>Obrigado por comprar com a gente!</p>`,
    ).value,
  };
};

export const shippingEmail: EmailTemplate<ShippingEmailPayload> = (shipment, recipient, context) => {
  const subject = `Seu pedido ${shipment.orderNumber} foi enviado`;
  const action = { label: 'Ver pedido', url: link(context, `/pedidos/${encodeURIComponent(shipment.orderId)}`) };
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}!`,
      `Seu pedido ${shipment.orderNumber} foi entregue à transportadora.`,
      `Código de rastreio: ${shipment.trackingCode}`,
      `${action.label}: ${action.url}`,
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}!</p><p>Seu pedido <strong>${shipment.orderNumber}</strong> foi entregue à transportadora.</p><p>Código de rastreio: <strong>${shipment.trackingCode}</strong></p>`,
      action,
    ).value,
  };
};

export const orderCancelledEmail: EmailTemplate<OrderCancelledEmailPayload> = (order, recipient) => {
  const subject = `Pedido ${order.orderNumber} cancelado`;
  const refund =
    order.refundedCents > 0
      ? `Estornamos ${formatMoney(order.refundedCents, order.currency)}; o prazo para o valor aparecer depende do seu meio de pagamento.`
      : 'Nenhum valor foi cobrado.';
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}.`,
      `O pedido ${order.orderNumber} foi cancelado. Motivo: ${order.reason}.`,
      refund,
      'Se tiver alguma dúvida, responda a este e-mail.',
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}.</p><p>O pedido <strong>${order.orderNumber}</strong> foi cancelado. Motivo: ${order.reason}.</p><p>${refund}</p><p>Se tiver alguma dúvida, responda a este e-mail.</p>`,
    ).value,
  };
};

export const refundEmail: EmailTemplate<RefundEmailPayload> = (refund, recipient) => {
  const subject = `Reembolso do pedido ${refund.orderNumber}`;
  const amount = formatMoney(refund.amountCents, refund.currency);
  const scope = refund.fullyRefunded ? 'O pedido foi reembolsado integralmente.' : 'Este é um reembolso parcial do pedido.';
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}.`,
      `Reembolsamos ${amount} referentes ao pedido ${refund.orderNumber}. ${scope}`,
      'O prazo para o valor aparecer depende do seu meio de pagamento.',
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}.</p><p>Reembolsamos <strong>${amount}</strong> referentes ao pedido <strong>${refund.orderNumber}</strong>. ${scope}</p><p>O prazo para o valor aparecer depende do seu meio de pagamento.</p>`,
    ).value,
  };
};

export const enrollmentConfirmationEmail: EmailTemplate<EnrollmentEmailPayload> = (enrollment, recipient, context) => {
  const subject = `Matrícula confirmada: ${enrollment.courseTitle}`;
  const when = formatDateTime(enrollment.sessionStartsAt, context.timeZone);
  const action = { label: 'Ver meus cursos', url: link(context, '/cursos/minhas-matriculas') };
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}!`,
      `Sua matrícula no curso ${enrollment.courseTitle} está confirmada.`,
      `Aula: ${when}`,
      classWhereText(enrollment),
      'Enviaremos um lembrete na véspera da aula.',
      `${action.label}: ${action.url}`,
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}!</p><p>Sua matrícula no curso <strong>${enrollment.courseTitle}</strong> está confirmada.</p><p><strong>Aula:</strong> ${when}</p>${classWhereHtml(enrollment)}<p>Enviaremos um lembrete na véspera da aula.</p>`,
      action,
    ).value,
  };
};

export const waitlistEmail: EmailTemplate<WaitlistEmailPayload> = (enrollment, recipient, context) => {
  const subject = `Você está na lista de espera: ${enrollment.courseTitle}`;
  const when = formatDateTime(enrollment.sessionStartsAt, context.timeZone);
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}!`,
      `A turma de ${when} do curso ${enrollment.courseTitle} está lotada. Seu pagamento foi confirmado e você é o número ${enrollment.waitlistPosition} da lista de espera.`,
      'Se uma vaga abrir, ela é sua automaticamente e avisaremos por e-mail.',
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}!</p><p>A turma de ${when} do curso <strong>${enrollment.courseTitle}</strong> está lotada. Seu pagamento foi confirmado e você é o número <strong>${enrollment.waitlistPosition}</strong> da lista de espera.</p><p>Se uma vaga abrir, ela é sua automaticamente e avisaremos por e-mail.</p>`,
    ).value,
  };
};

export const enrollmentCancelledEmail: EmailTemplate<EnrollmentCancelledEmailPayload> = (enrollment, recipient, context) => {
  const subject = `Matrícula cancelada: ${enrollment.courseTitle}`;
  const when = formatDateTime(enrollment.sessionStartsAt, context.timeZone);
  const why = enrollment.reason === 'ORDER_REFUNDED' ? 'o pedido foi reembolsado' : 'o pedido foi cancelado';
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}.`,
      `Sua matrícula na turma de ${when} do curso ${enrollment.courseTitle} foi cancelada porque ${why}.`,
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}.</p><p>Sua matrícula na turma de ${when} do curso <strong>${enrollment.courseTitle}</strong> foi cancelada porque ${why}.</p>`,
    ).value,
  };
};

export const classReminderEmail: EmailTemplate<EnrollmentEmailPayload> = (enrollment, recipient, context) => {
  const subject = `Lembrete: sua aula de ${enrollment.courseTitle} está chegando`;
  const when = formatDateTime(enrollment.sessionStartsAt, context.timeZone);
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}!`,
      `Lembrete: sua aula do curso ${enrollment.courseTitle} começa ${when}.`,
      classWhereText(enrollment),
      'Chegue com 10 minutos de antecedência. Até lá!',
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}!</p><p>Lembrete: sua aula do curso <strong>${enrollment.courseTitle}</strong> começa ${when}.</p>${classWhereHtml(enrollment)}<p>Chegue com 10 minutos de antecedência. Até lá!</p>`,
    ).value,
  };
};

export const courseCompletedEmail: EmailTemplate<CourseCompletedEmailPayload> = (completion, recipient, context) => {
  const subject = `Parabéns! Você concluiu ${completion.courseTitle}`;
  const action = { label: 'Ver certificado', url: link(context, `/certificados/${encodeURIComponent(completion.certificateCode)}`) };
  return {
    subject,
    text: textLayout([
      `Parabéns, ${firstName(recipient.name)}!`,
      `Você concluiu o curso ${completion.courseTitle}. Código do certificado: ${completion.certificateCode}.`,
      `${action.label}: ${action.url}`,
    ]),
    html: emailLayout(
      subject,
      html`<p>Parabéns, ${firstName(recipient.name)}!</p><p>Você concluiu o curso <strong>${completion.courseTitle}</strong>. Código do certificado: <strong>${completion.certificateCode}</strong>.</p>`,
      action,
    ).value,
  };
};

export const abandonedCartEmail: EmailTemplate<AbandonedCartPayload> = (_cart, recipient, context) => {
  const subject = 'Você esqueceu alguns cafés no carrinho';
  const action = { label: 'Voltar ao carrinho', url: link(context, '/carrinho') };
  return {
    subject,
    text: textLayout([
      `Olá, ${firstName(recipient.name)}!`,
      'Seu carrinho continua esperando por você. Os itens não ficam reservados, então garanta os seus antes que acabem.',
      `${action.label}: ${action.url}`,
    ]),
    html: emailLayout(
      subject,
      html`<p>Olá, ${firstName(recipient.name)}!</p><p>Seu carrinho continua esperando por você. Os itens não ficam reservados, então garanta os seus antes que acabem.</p>`,
      action,
    ).value,
  };
};
