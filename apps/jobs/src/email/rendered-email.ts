/** A ready-to-send e-mail body: subject, plain text and HTML alternatives. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Who an e-mail goes to (from the recipients projection). */
export interface EmailRecipient {
  userId: string;
  email: string;
  name: string;
}

/** Settings every template may use. */
export interface EmailContext {
  /** Base URL of the storefront, for links. */
  webUrl: string;
  /** Dates are written in this zone (the shop's). */
  timeZone: string;
}
