/** The channels the configuration gives: email through the shared Mailer, SMS and WeChat to their outbox files. */
import type { Mailer } from "../../mail/mailer.ts";
import type { ChannelSet } from "./channel.ts";
import { createEmailChannel } from "./email-channel.ts";
import { createOutboxChannel } from "./outbox-channel.ts";

export function createChannels({ mailer, messageOutboxDir }: { mailer: Mailer; messageOutboxDir: string }): ChannelSet {
  return {
    email: createEmailChannel(mailer),
    sms: createOutboxChannel("sms", messageOutboxDir),
    wechat: createOutboxChannel("wechat", messageOutboxDir),
  };
}
