import { sql, type Kysely } from "kysely";
import type { Timeline, TimelineQuery } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findCustomer } from "./customer-record.ts";
import { presentTimelineEvent, type TimelineRow } from "./timeline-event.ts";

/**
 * Everything that happened with a customer — purchases and interactions merged — newest first. Paged by keyset:
 * pass the `at` of the last event shown as `before` to get the next page. Each side is read through its
 * (org_id, customer_id, occurred_at desc) index and cut to the page size before merging, so a customer with years of
 * history costs no more than one with a week.
 * @throws AppError customer.not_found outside the actor's organisation or stores.
 */
export async function getTimeline({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof TimelineQuery>;
}): Promise<Timeline> {
  await findCustomer(db, actor, id);
  const take = input.limit + 1;
  const before = input.before ? new Date(input.before) : null;
  const purchasesBefore = before ? sql`and t.occurred_at < ${before}` : sql``;
  const interactionsBefore = before ? sql`and i.occurred_at < ${before}` : sql``;
  const tierChangesBefore = before ? sql`and tc.changed_at < ${before}` : sql``;
  const messagesBefore = before ? sql`and md.updated_at < ${before}` : sql``;
  const { rows } = await sql<TimelineRow>`
    select * from (
      (select t.id, 'purchase' as kind, t.occurred_at, t.channel as summary, null::text as body, t.amount,
              jsonb_array_length(t.items) as item_count, s.name as store_name, null::text as actor_name
       from transactions t
       left join stores s on s.id = t.store_id and s.org_id = t.org_id
       where t.org_id = ${actor.orgId} and t.customer_id = ${id} ${purchasesBefore}
       order by t.occurred_at desc limit ${take})
      union all
      (select i.id, i.kind, i.occurred_at, i.summary, i.body, null::numeric as amount,
              null::int as item_count, s.name as store_name, u.name as actor_name
       from interactions i
       left join stores s on s.id = i.store_id and s.org_id = i.org_id
       left join users u on u.id = i.user_id and u.org_id = i.org_id
       where i.org_id = ${actor.orgId} and i.customer_id = ${id} ${interactionsBefore}
       order by i.occurred_at desc limit ${take})
      union all
      -- Tier changes: summary "from→to" in tier keys (none for no tier), body the reason.
      (select tc.id, 'tier' as kind, tc.changed_at as occurred_at,
              coalesce(tc.from_tier, 'none') || '→' || coalesce(tc.to_tier, 'none') as summary, tc.reason as body,
              null::numeric as amount, null::int as item_count, null::text as store_name, u.name as actor_name
       from tier_changes tc
       left join users u on u.id = tc.changed_by and u.org_id = tc.org_id
       where tc.org_id = ${actor.orgId} and tc.customer_id = ${id} ${tierChangesBefore}
       order by tc.changed_at desc limit ${take})
      union all
      -- Greetings (message_deliveries) once settled: summary "channel · status · subject", body the reason.
      (select md.id, 'message' as kind, md.updated_at as occurred_at,
              md.channel || ' · ' || md.status || coalesce(' · ' || md.subject, '') as summary, md.reason as body,
              null::numeric as amount, null::int as item_count, null::text as store_name, null::text as actor_name
       from message_deliveries md
       where md.org_id = ${actor.orgId} and md.customer_id = ${id} and md.status in ('sent', 'skipped', 'uncertain', 'failed')
         ${messagesBefore}
       order by md.updated_at desc limit ${take})
    ) events
    order by occurred_at desc, id desc
    limit ${take}
  `.execute(db);
  return { items: rows.slice(0, input.limit).map(presentTimelineEvent), hasMore: rows.length > input.limit };
}
