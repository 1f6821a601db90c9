/** PT-BR formatting for e-mails: money and dates as a Brazilian customer reads them. */

const money = new Map<string, Intl.NumberFormat>();

/** `formatMoney(12990, 'BRL')` -> `R$ 129,90` (with a no-break space, as Intl writes it). */
export function formatMoney(cents: number, currency: string): string {
  let format = money.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('pt-BR', { style: 'currency', currency });
    money.set(currency, format);
  }
  return format.format(cents / 100);
}

/** `sábado, 14 de março de 2026 às 09:00` in the shop's time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('pt-BR', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat('pt-BR', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${day} às ${time}`;
}

/** First name for a greeting: `Ana Souza` -> `Ana`. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}
