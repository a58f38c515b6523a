import type { Config } from "../../config.ts";
import type { Mailer } from "./mailer.ts";
import { createOutboxMailer } from "./outbox-mailer.ts";
import { createSmtpMailer } from "./smtp-mailer.ts";

/** The mailer the configuration asks for: SMTP when KEXIN_SMTP_URL is set, otherwise .eml files in the outbox. */
export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom" | "outboxDir">): Mailer {
  return config.smtpUrl
    ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
    : createOutboxMailer({ directory: config.outboxDir, from: config.mailFrom });
}
