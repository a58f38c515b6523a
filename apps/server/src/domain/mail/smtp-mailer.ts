/**
 * The SMTP adapter: nodemailer's pooled transport, so a batch of invitations reuses a few connections instead of
 * opening one per message. Timeouts are shorter than nodemailer's defaults (minutes) because a sender holds a
 * lease on each row while its email is on the way; a hung server must fail the attempt well within that lease.
 */
import nodemailer from "nodemailer";
import { MailDeliveryError, type Mailer, type MailMessage } from "./mailer.ts";

export interface SmtpMailerOptions {
  /** smtp://user:password@host:port or smtps://… (TLS from the start). */
  url: string;
  /** The From header, e.g. `Kexin <no-reply@example.com>`. */
  from: string;
  /** Connections kept open at most; also how many messages are in flight at once. */
  maxConnections?: number;
}

export function createSmtpMailer({ url, from, maxConnections = 5 }: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    // Messages are built from our own text only: never let a value make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: "smtp",
    async send(message: MailMessage) {
      let info: { messageId: string; rejected?: unknown[] };
      try {
        info = await transport.sendMail({ from, ...message });
      } catch (error) {
        throw toDeliveryError(error);
      }
      if (info.rejected && info.rejected.length > 0) {
        throw new MailDeliveryError(`the SMTP server refused the recipient ${message.to}`, true);
      }
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}

/** Nodemailer errors carry `code` (EENVELOPE, ECONNECTION, …) and the server's `responseCode` when it replied. */
function toDeliveryError(error: unknown): MailDeliveryError {
  const details = (error ?? {}) as { message?: string; code?: string; responseCode?: number };
  const message = (details.message ?? String(error)).slice(0, 500);
  const responseCode = typeof details.responseCode === "number" ? details.responseCode : undefined;
  // A 5xx reply to the recipient is final (no such mailbox, relaying denied); anything else may pass later.
  const isPermanent = details.code === "EENVELOPE" && responseCode !== undefined && responseCode >= 500;
  return new MailDeliveryError(message, isPermanent, responseCode);
}
