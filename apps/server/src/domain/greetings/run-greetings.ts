/**
 * One pass of the greetings worker for one organisation: queue due campaigns and today's occasions, then send what
 * is due (outside quiet hours) until the deadline. Safe to run again at any point, by any number of workers.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ChannelSet } from "./channels/channel.ts";
import { loadGreetingSettings } from "./greeting-settings.ts";
import { planDeliveries, type PlanResult } from "./plan-deliveries.ts";
import { sendDueDeliveries, type SendResult } from "./send-due-deliveries.ts";

export interface RunGreetingsInput {
  db: Kysely<DB>;
  orgId: string;
  channels: ChannelSet;
  now: Date;
  deadline: Date;
  messageIdDomain: string;
  claimSize?: number;
  onBatchSent?: (count: number) => Promise<void> | void;
}

export async function runGreetings(input: RunGreetingsInput): Promise<{ planned: PlanResult; sent: SendResult }> {
  const settings = await loadGreetingSettings(input.db, input.orgId);
  const planned = await planDeliveries({ db: input.db, orgId: input.orgId, now: input.now, settings });
  const sent = await sendDueDeliveries({ ...input, settings });
  return { planned, sent };
}

/** The domain of an address like `Kexin <no-reply@example.com>`, for Message-IDs. */
export function messageIdDomainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? "kexin.localhost";
}
