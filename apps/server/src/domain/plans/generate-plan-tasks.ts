/**
 * Turns the organisation's plans into dated tasks for a horizon of calendar days (Asia/Shanghai), in four
 * set-based statements whatever the number of customers:
 *   1. open plan tasks in the horizon that the plans no longer ask for (the customer changed tier, the action was
 *      edited or removed, the plan switched off) are dismissed, with dismissed_reason = 'plan_no_longer_applies';
 *   2. tasks dismissed that way which the plans ask for again (the tier changed back) are reopened;
 *   3. open tasks whose action changed topic or kind take the new one;
 *   4. the tasks the plans ask for are inserted with `on conflict (org_id, dedupe_key) do nothing`.
 * The dedupe key `plan:<plan>:<action>:<customer>:<yyyy-mm-dd>` makes a regeneration a no-op and a crash part-way
 * harmless (everything runs in one transaction anyway). Concurrent generators for one organisation queue on a
 * transaction-scoped advisory lock, so they neither duplicate (the unique index would stop that) nor deadlock.
 *
 * Who: the customer's account manager when the action says so and that colleague is active (else nobody: the task
 * sits with the customer's home store); the store for "store" actions; "greetings" actions create no task (the
 * greetings module sends those letters).
 * Cost: O(customers in planned tiers × days in the horizon) rows, joined on customer_values (org_id, tier).
 */
import type { PlanGeneration } from "@kexin/contracts";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import { addDays, holidaysBetween, localDay, PLAN_TIME_ZONE } from "./plan-calendar.ts";
import { ensureDefaultPlans } from "./plan-record.ts";

export const DEFAULT_HORIZON_DAYS = 7;
export const PLAN_DISMISSED_REASON = "plan_no_longer_applies";
/** How far ahead existing plan tasks are checked against the plans (a year: no horizon is longer). */
const MAX_CHECK_DAYS = 366;

interface GenerateInput {
  db: Kysely<DB>;
  orgId: string;
  now?: Date;
  /** Calendar days from today (today included). */
  days?: number;
  /** Only these customers (after one customer's tier changed); every customer when omitted. */
  customerIds?: string[];
  /**
   * Derive each new task's id from its dedupe key (md5, with the version and variant digits of a version-4 UUID so
   * it passes the API's uuid check) instead of a random one: the demo seed's data, ids included, must repeat with
   * its seed. Ids are no secret (every read checks the actor's reach).
   */
  hasDerivedIds?: boolean;
}

/** The `days` and `desired` CTEs: one row per task the plans ask for, with its dedupe key. */
function desiredTasks(orgId: string, start: string, end: string, customerIds: string[] | undefined): RawBuilder<unknown> {
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
  const holidays = holidaysBetween(start, end);
  const onlyCustomers = customerIds ? sql`and c.id = any(${customerIds}::uuid[])` : sql``;
  return sql`
    days as (
      select day, extract(isodow from day)::int as weekday, extract(day from day)::int as month_day,
             extract(day from (date_trunc('month', day) + interval '1 month' - interval '1 day'))::int as month_length
      from (select ${start}::date + offset_days as day from generate_series(0, ${days - 1}) as offset_days) series
    ),
    holidays as (
      select * from unnest(${holidays.map((h) => h.day)}::date[], ${holidays.map((h) => h.holiday)}::text[]) as h(day, holiday)
    ),
    desired as materialized (
      select 'plan:' || p.id || ':' || a.id || ':' || c.id || ':' || to_char(d.day, 'YYYY-MM-DD') as dedupe_key,
             d.day, a.id as action_id, a.kind, a.topic as title, c.id as customer_id, c.home_store_id as store_id,
             case when a.assign_to = 'account_manager' then u.id end as assignee_id,
             ((d.day + 1)::timestamp - interval '1 second') at time zone ${PLAN_TIME_ZONE} as due_at
      from maintenance_plans p
      join plan_actions a on a.plan_id = p.id and a.org_id = p.org_id and a.assign_to <> 'greetings'
      join customer_values v on v.org_id = p.org_id and v.tier = p.tier
      join customers c on c.id = v.customer_id and c.org_id = p.org_id and c.erased_at is null and c.status = 'active'
      left join users u on u.id = c.account_manager_id and u.org_id = c.org_id and u.disabled_at is null
      join days d on (
        a.cadence = 'daily'
        or (a.cadence = 'weekly' and d.weekday = any(a.weekdays))
        or (a.cadence = 'monthly' and d.month_day = least(a.month_day, d.month_length))
        or (a.cadence = 'holidays' and exists (
          select 1 from holidays h where h.day = d.day and h.holiday = any(a.holidays)))
      )
      where p.org_id = ${orgId} and p.is_active ${onlyCustomers}
    )`;
}

/**
 * Generates (and reconciles) plan tasks for today and the next `days − 1` days.
 * @returns how many tasks were created, dismissed, reopened and brought in line, and the horizon.
 */
export async function generatePlanTasks({
  db,
  orgId,
  now = new Date(),
  days = DEFAULT_HORIZON_DAYS,
  customerIds,
  hasDerivedIds = false,
}: GenerateInput): Promise<PlanGeneration> {
  const start = localDay(now);
  const end = addDays(start, days - 1);
  await ensureDefaultPlans(db, orgId);
  if (customerIds?.length === 0) return { created: 0, dismissed: 0, reopened: 0, updated: 0, horizonStart: start, horizonEnd: end };
  const onlyCustomers = customerIds ? sql`and t.customer_id = any(${customerIds}::uuid[])` : sql``;
  const fromToday = sql`t.due_at >= (${start}::date::timestamp at time zone ${PLAN_TIME_ZONE})`;

  // Inside the caller's transaction when there is one (the demo seed runs in its own).
  const inTransaction = <T>(work: (trx: Kysely<DB>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  return inTransaction(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`plans.generate:${orgId}`}))`.execute(trx);
    // Whole-set work: hash joins are right whatever the row estimates say, and the estimates are often wrong here
    // (the embedded database never runs autovacuum's ANALYZE), where a nested loop over every customer for every
    // task would take minutes. Set for this transaction only, and put back for a caller's transaction.
    const { rows: setting } = await sql<{ previous: string }>`
      select current_setting('enable_nestloop') as previous, set_config('enable_nestloop', 'off', true)
    `.execute(trx);
    // Tasks are created up to the horizon, but checked up to the last open plan task (an earlier, longer horizon
    // may have created some further out): a task beyond today's horizon that no longer applies is dismissed too.
    const { rows: furthest } = await sql<{ day: string | null }>`
      select to_char(max(t.due_at) at time zone ${PLAN_TIME_ZONE}, 'YYYY-MM-DD') as day from tasks t
      where t.org_id = ${orgId} and t.source_type = 'plan' and t.status in ('open', 'dismissed') and ${fromToday} ${onlyCustomers}
    `.execute(trx);
    const latest = furthest[0]?.day && furthest[0].day > end ? furthest[0].day : end;
    const cap = addDays(start, MAX_CHECK_DAYS - 1);
    const checkEnd = latest < cap ? latest : cap;
    const desired = desiredTasks(orgId, start, checkEnd, customerIds);
    const inWindow = sql`${fromToday} and t.due_at < ((${checkEnd}::date + 1)::timestamp at time zone ${PLAN_TIME_ZONE})`;
    const count = async (statement: RawBuilder<unknown>) => {
      const { rows } = await sql<{ count: string }>`with ${desired}, changed as (${statement}) select count(*) as count from changed`.execute(trx);
      return Number(rows[0]?.count ?? 0);
    };
    const dismissed = await count(
      sql`update tasks t set status = 'dismissed', dismissed_reason = ${PLAN_DISMISSED_REASON}, closed_at = ${now}, closed_by = null
          where t.org_id = ${orgId} and t.source_type = 'plan' and t.status = 'open' and ${inWindow} ${onlyCustomers}
            and not exists (select 1 from desired d where d.dedupe_key = t.dedupe_key)
          returning 1`,
    );
    const reopened = await count(
      sql`update tasks t set status = 'open', dismissed_reason = null, closed_at = null, closed_by = null
          where t.org_id = ${orgId} and t.source_type = 'plan' and t.status = 'dismissed'
            and t.dismissed_reason = ${PLAN_DISMISSED_REASON} and ${inWindow} ${onlyCustomers}
            and exists (select 1 from desired d where d.dedupe_key = t.dedupe_key)
          returning 1`,
    );
    const updated = await count(
      sql`update tasks t set title = d.title, kind = d.kind
          from desired d
          where t.org_id = ${orgId} and t.dedupe_key = d.dedupe_key and t.status = 'open'
            and (t.title <> d.title or t.kind <> d.kind)
          returning 1`,
    );
    const created = await count(
      sql`insert into tasks (id, org_id, kind, title, customer_id, store_id, assignee_id, source_type, source_id, dedupe_key, due_at)
          select ${hasDerivedIds ? sql`overlay(overlay(md5(${orgId} || d.dedupe_key) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid` : sql`gen_random_uuid()`}, ${orgId}, d.kind, d.title, d.customer_id, d.store_id, d.assignee_id, 'plan', d.action_id, d.dedupe_key, d.due_at
          from desired d
          where d.day <= ${end}::date
          order by d.dedupe_key
          on conflict (org_id, dedupe_key) do nothing
          returning 1`,
    );
    await sql`select set_config('enable_nestloop', ${setting[0]?.previous ?? "on"}, true)`.execute(trx);
    return { created, dismissed, reopened, updated, horizonStart: start, horizonEnd: end };
  });
}
