/** One row of a customer's timeline as the API shows it: a purchase or an interaction. */
import { TimelineEventKind, type TimelineEvent } from "@kexin/contracts";
import { toIso } from "./customer-record.ts";

export interface TimelineRow {
  id: string;
  kind: string;
  occurred_at: Date;
  /** For purchases, the sales channel. */
  summary: string | null;
  body: string | null;
  amount: string | null;
  item_count: number | null;
  store_name: string | null;
  actor_name: string | null;
}

/** Interactions written by other parts of Kexin may carry kinds the timeline contract does not list yet. */
const toEventKind = (kind: string): TimelineEvent["kind"] => {
  const parsed = TimelineEventKind.safeParse(kind);
  return parsed.success ? parsed.data : "other";
};

export function presentTimelineEvent(row: TimelineRow): TimelineEvent {
  const isPurchase = row.kind === "purchase";
  return {
    id: row.id,
    kind: toEventKind(row.kind),
    at: toIso(row.occurred_at)!,
    summary: row.summary ?? "",
    body: row.body,
    amount: row.amount === null ? null : Number(row.amount),
    itemCount: isPurchase && row.item_count ? row.item_count : null,
    storeName: row.store_name,
    actorName: row.actor_name,
  };
}
