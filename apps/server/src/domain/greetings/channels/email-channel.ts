/** Greetings by email, through the Mailer it is given (the bulk SMTP sender in the job, or .eml files offline). */
import type { Mailer } from "../../mail/mailer.ts";
import type { ChannelAdapter, OutgoingMessage } from "./channel.ts";

export function createEmailChannel(mailer: Mailer): ChannelAdapter {
  return {
    channel: "email",
    async send(message: OutgoingMessage) {
      await mailer.send({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { "Message-ID": message.messageId, "X-Kexin-Kind": "greeting", "X-Kexin-Delivery": message.deliveryId },
      });
    },
    // An SMTP server keeps no record we can query: a message in flight when the worker died stays uncertain.
    wasDelivered: async () => undefined,
    // The mailer belongs to whoever created it (the worker shares one); closing it is theirs to do.
    close: async () => {},
  };
}
