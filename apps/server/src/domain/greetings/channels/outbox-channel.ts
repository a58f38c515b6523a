/**
 * The offline SMS / WeChat adapter: each message is one JSON line appended to `<directory>/<channel>-<yyyy-mm-dd>.jsonl`
 * (UTC day) with a single write and an fsync, for a gateway script (or a person) to pick up. The delivery id is the
 * last key of the line, so finding `"deliveryId":"<id>"}` proves the whole line was written: that is how a delivery
 * left in flight by a dead worker is settled without guessing.
 */
import { mkdir, open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { GreetingChannel } from "@kexin/contracts";
import { ChannelDeliveryError, type ChannelAdapter, type OutgoingMessage } from "./channel.ts";

const DAY_MS = 86_400_000;

const fileFor = (directory: string, channel: GreetingChannel, at: Date) =>
  join(directory, `${channel}-${at.toISOString().slice(0, 10)}.jsonl`);

export function createOutboxChannel(channel: Exclude<GreetingChannel, "email">, directory: string): ChannelAdapter {
  return {
    channel,
    async send(message: OutgoingMessage) {
      const line = `${JSON.stringify({
        at: new Date().toISOString(),
        channel,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        deliveryId: message.deliveryId,
      })}\n`;
      try {
        await mkdir(directory, { recursive: true });
        const file = await open(fileFor(directory, channel, new Date()), "a");
        try {
          await file.write(line);
          await file.sync();
        } finally {
          await file.close();
        }
      } catch (error) {
        throw new ChannelDeliveryError(`could not write to the ${channel} outbox ${directory}: ${(error as Error).message}`, false);
      }
    },
    async wasDelivered(deliveryId: string, since: Date) {
      const needle = `"deliveryId":"${deliveryId}"}`;
      // Files of the day the attempt began (by either clock) and after; names sort by date.
      const from = fileFor(directory, channel, new Date(Math.min(since.getTime(), Date.now()) - DAY_MS));
      const names = await readdir(directory).catch(() => [] as string[]);
      for (const name of names.filter((file) => file.startsWith(`${channel}-`) && join(directory, file) >= from)) {
        const contents = await readFile(join(directory, name), "utf8").catch(() => "");
        if (contents.includes(needle)) return true;
      }
      return false;
    },
    close: async () => {},
  };
}
