import { orderNumber } from '../../src/notifications/order-notifications.service';
import { jobIdFor } from '../../src/queues/job-catalog';
import { JobName } from '../../src/queues/job-name.enum';
import { JobQueues } from '../../src/queues/job-queues';
import { anOrder } from '../builders/order.builder';
import { aUserRegistered } from '../builders/user-registered.builder';
import { createJobsTestEnvironment, type JobsInstance, type JobsTestEnvironment } from '../support/jobs-test-env';

describe('Order e-mails', () => {
  let env: JobsTestEnvironment;
  let jobs: JobsInstance;

  beforeAll(async () => {
    env = await createJobsTestEnvironment({ ABANDONED_CART_DELAY_SECONDS: '60' });
    jobs = await env.start();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('sends confirmation, receipt and shipping e-mails in PT-BR as the order progresses', async () => {
    const user = aUserRegistered().named('Carlos Pereira').build();
    await env.publish('users.user.registered.v1', user);
    const order = anOrder().forUser(user.userId);
    const number = orderNumber(order.orderId);
    const to = (subject: string) => env.smtp.waitFor((email) => email.envelope.to.includes(user.email) && email.subject === subject);

    await env.publish('orders.order.placed.v1', order.placed());
    const confirmation = await to(`Recebemos seu pedido ${number}`);
    expect(confirmation.text).toMatch(/2 × Bourbon Amarelo \(250 g · Grão\): R\$\s99,80/);
    expect(confirmation.text).toMatch(/Total: R\$\s114,80/);

    await env.publish('orders.order.paid.v1', order.paid());
    const receipt = await to(`Pagamento confirmado: pedido ${number}`);
    expect(receipt.text).toContain('Este e-mail é o seu recibo.');

    await env.publish('orders.order.shipped.v1', order.shipped('BR987654321BR'));
    const shipping = await to(`Seu pedido ${number} foi enviado`);
    expect(shipping.text).toContain('Código de rastreio: BR987654321BR');
  });

  it('tells the customer how much was refunded', async () => {
    const user = aUserRegistered().build();
    await env.publish('users.user.registered.v1', user);

    await env.publish('orders.order.refunded.v1', anOrder().forUser(user.userId).refunded(2500));

    const email = await env.smtp.waitFor((message) => message.envelope.to.includes(user.email));
    expect(email.subject).toMatch(/^Reembolso do pedido #/);
    expect(email.text).toMatch(/Reembolsamos R\$\s25,00/);
    expect(email.text).toContain('Este é um reembolso parcial do pedido.');
  });

  it('sends one abandoned-cart reminder, for the last state of the cart only', async () => {
    const user = aUserRegistered().build();
    await env.publish('users.user.registered.v1', user);
    const cartId = `cart-${user.userId}`;
    // Delay is 60 s: activity 59.5 s ago makes the reminder due almost at once, and the
    // earlier update (whose reminder would be due already) must be superseded.
    const update = (secondsAgo: number, itemCount: number) => ({
      cartId,
      userId: user.userId,
      lines: itemCount ? [{ sku: 'CAFE-BOURBON-250-GRAO', quantity: itemCount }] : [],
      itemCount,
      lastActivityAt: new Date(Date.now() - secondsAgo * 1000).toISOString(),
    });
    await env.publish('orders.cart.updated.v1', update(120, 1));
    await env.publish('orders.cart.updated.v1', update(59.5, 2));

    const reminder = await env.smtp.waitFor((email) => email.envelope.to.includes(user.email));
    expect(reminder.subject).toBe('Você esqueceu alguns cafés no carrinho');
    // Another e-mail to a marker user proves the queue moved on; still one reminder.
    const marker = aUserRegistered().build();
    await env.publish('users.user.registered.v1', marker);
    await env.publish('orders.order.placed.v1', anOrder().forUser(marker.userId).placed());
    await env.smtp.waitFor((email) => email.envelope.to.includes(marker.email));
    expect(env.smtp.messagesTo(user.email)).toHaveLength(1);
  });

  it('sends no reminder for a cart that was emptied', async () => {
    const user = aUserRegistered().build();
    await env.publish('users.user.registered.v1', user);
    const cartId = `cart-${user.userId}`;
    const base = { cartId, userId: user.userId };
    await env.publish('orders.cart.updated.v1', { ...base, lines: [{ sku: 'X', quantity: 1 }], itemCount: 1, lastActivityAt: new Date(Date.now() - 59_500).toISOString() });
    await env.publish('orders.cart.updated.v1', { ...base, lines: [], itemCount: 0, lastActivityAt: new Date().toISOString() });
    const marker = aUserRegistered().build();
    await env.publish('users.user.registered.v1', marker);
    await env.publish('orders.order.placed.v1', anOrder().forUser(marker.userId).placed());
    // Same consumer, same stream: once the marker's order is handled, both cart updates were.
    await env.smtp.waitFor((email) => email.envelope.to.includes(marker.email));

    expect(await jobs.get(JobQueues).find(jobIdFor(JobName.ABANDONED_CART_EMAIL, cartId))).toBeUndefined();
    expect(env.smtp.messagesTo(user.email)).toHaveLength(0);
  });
});
