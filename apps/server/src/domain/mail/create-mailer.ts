import type { Config } from "../../config.ts";
import type { Mailer } from "./mailer.ts";
import { createBulkSmtpMailer } from "./bulk-smtp/index.ts";
import { createOutboxMailer } from "./outbox-mailer.ts";
import { createSmtpMailer } from "./smtp-mailer.ts";

/** The mailer the configuration asks for: SMTP when KEXIN_SMTP_URL is set, otherwise .eml files in the outbox. */
export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom" | "outboxDir">): Mailer {
  return config.smtpUrl
    ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
    : createOutboxMailer({ directory: config.outboxDir, from: config.mailFrom });
}

/**
 * The mailer for campaigns (greetings): with KEXIN_SMTP_URL, the pipelining bulk sender (a tenth of nodemailer's CPU
 * per message, see bulk-smtp/); offline, the same .eml outbox as createMailer. Its owner closes it after the run.
 */
export function createCampaignMailer(config: Pick<Config, "smtpUrl" | "mailFrom" | "outboxDir">): Mailer {
  return config.smtpUrl
    ? createBulkSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
    : createOutboxMailer({ directory: config.outboxDir, from: config.mailFrom });
}
