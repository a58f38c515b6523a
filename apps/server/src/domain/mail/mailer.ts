/**
 * Outgoing email, behind one small interface so use cases never know whether a message goes to an SMTP server or
 * to the offline outbox. Surveys send invitations through it; greetings and complaint replies will too.
 */

export interface MailMessage {
  /** One recipient address. */
  to: string;
  subject: string;
  /** The plain-text part; every message has one, for clients that do not show HTML. */
  text: string;
  /** The HTML part; user-written values in it must already be escaped (see escapeHtml). */
  html: string;
  /** Extra header lines, e.g. a marker of what kind of message this is. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Where messages go: "smtp" (a real server) or "outbox" (.eml files on disk). */
  readonly kind: "smtp" | "outbox";
  /**
   * Hands the message over; resolves once the SMTP server accepted it (or the file is on disk).
   * @throws MailDeliveryError when it could not be handed over.
   */
  send(message: MailMessage): Promise<{ messageId: string }>;
  /** Closes pooled connections; sends after close fail. */
  close(): Promise<void>;
}

/**
 * A message that was not handed over. `isPermanent` means trying again cannot help (the server refused the
 * recipient with a 5xx reply); otherwise (connection refused, timeout, 4xx) a later attempt may succeed.
 */
export class MailDeliveryError extends Error {
  override readonly name = "MailDeliveryError";
  constructor(
    message: string,
    readonly isPermanent: boolean,
    readonly responseCode?: number,
  ) {
    super(message);
  }
}
