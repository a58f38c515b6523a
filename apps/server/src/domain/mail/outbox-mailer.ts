/**
 * The outbox adapter, for machines without an SMTP server: each message becomes an RFC 822 .eml file (the same
 * bytes an SMTP server would receive) that any mail client opens. A file is written under a temporary name,
 * flushed, then renamed, so a reader of the directory never sees half a message.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { MailDeliveryError, type Mailer, type MailMessage } from "./mailer.ts";

export interface OutboxMailerOptions {
  /** Where .eml files go; created when missing. */
  directory: string;
  from: string;
}

export function createOutboxMailer({ directory, from }: OutboxMailerOptions): Mailer {
  // The stream transport composes the message exactly as SMTP would send it, without sending it anywhere.
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: "outbox",
    async send(message: MailMessage) {
      const info = await composer.sendMail({ from, ...message });
      const raw = info.message as Buffer;
      // Names carry no part of the message (addresses are not file-name safe): a sortable time and random hex.
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(6).toString("hex")}.eml`;
      const temporary = join(directory, `.${name}.tmp`);
      try {
        await mkdir(directory, { recursive: true });
        const file = await open(temporary, "wx");
        try {
          await file.writeFile(raw);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, join(directory, name));
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => {});
        throw new MailDeliveryError(`could not write to the outbox ${directory}: ${(error as Error).message}`, false);
      }
      return { messageId: info.messageId };
    },
    async close() {},
  };
}
