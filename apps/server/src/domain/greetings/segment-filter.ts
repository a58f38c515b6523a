/**
 * A segment as SQL over `customers c left join customer_values v`: active, not erased customers of the
 * organisation that meet every condition given. Shared by the preview count, campaigns and occasion rules, so the
 * count a manager sees is the set that is queued.
 */
import { sql, type RawBuilder } from "kysely";
import type { GreetingChannel, Segment } from "@kexin/contracts";

const DAY_MS = 86_400_000;

/** `from …` for a segment query; the conditions below refer to these aliases. */
export const SEGMENT_FROM = sql`customers c left join customer_values v on v.customer_id = c.id and v.org_id = c.org_id`;

export function segmentConditions(orgId: string, segment: Segment, now: Date): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [
    sql`c.org_id = ${orgId}`,
    sql`c.status = 'active'`,
    sql`c.erased_at is null`,
  ];
  if (segment.tiers?.length) conditions.push(sql`coalesce(v.tier, 'ordinary') = any(${segment.tiers}::text[])`);
  if (segment.storeIds?.length) conditions.push(sql`c.home_store_id = any(${segment.storeIds}::uuid[])`);
  if (segment.tags?.length) conditions.push(sql`c.tags && ${segment.tags}::text[]`);
  if (segment.purchasedWithinDays) {
    conditions.push(sql`c.last_purchase_at >= ${new Date(now.getTime() - segment.purchasedWithinDays * DAY_MS)}`);
  }
  if (segment.notPurchasedForDays) {
    conditions.push(sql`c.last_purchase_at < ${new Date(now.getTime() - segment.notPurchasedForDays * DAY_MS)}`);
  }
  if (segment.kind) conditions.push(sql`c.kind = ${segment.kind}`);
  return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

const ADDRESS_COLUMN: Record<GreetingChannel, RawBuilder<unknown>> = {
  email: sql.ref("c.email"),
  sms: sql.ref("c.phone"),
  wechat: sql.ref("c.wechat"),
};

/** The customer's address on a channel (email, phone, WeChat id), as a SQL expression. */
export const addressOf = (channel: GreetingChannel) => ADDRESS_COLUMN[channel];

/** True when the customer withdrew consent for this channel (a missing key counts as consent). */
export const optedOutOf = (channel: GreetingChannel) => sql<boolean>`((c.consent ->> ${channel})::boolean is false)`;
