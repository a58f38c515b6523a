import { CUSTOMER_TIERS, type CustomerTier, type ServiceFigureReport, ServiceFigureReportQuery } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { assertStoreScope, storeScope } from "../auth/authorize.ts";
import { localDay, PLAN_TIME_ZONE } from "./plan-calendar.ts";

/** Customers shown when trending per customer: those with the most records. */
export const REPORT_CUSTOMER_LIMIT = 12;

/** The `count` months ending with the one `now` falls in (Asia/Shanghai), as yyyy-mm, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const [year, month] = localDay(now).split("-").map(Number);
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

interface Row {
  key: string;
  label: string;
  tier: CustomerTier | null;
  month: string;
  on_time: string | null;
  inspection: string | null;
  records: string;
}

const round = (value: string | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/**
 * B2B service figures trended by month: the average on-time delivery and inspection pass rate per tier (the tier in
 * force today) or per customer (the most-recorded ones), over the last `months` months, within the actor's stores.
 * Cost: one grouped scan of service_figures over its (org_id, recorded_at) index.
 * @throws AppError store.not_found for a store outside the actor's reach.
 */
export async function getServiceFigureReport({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof ServiceFigureReportQuery>;
  now?: Date;
}): Promise<ServiceFigureReport> {
  if (input.storeId) assertStoreScope(actor, input.storeId, "store");
  const months = lastMonths(now, input.months);
  const scope = storeScope(actor);
  const conditions = [
    sql`f.org_id = ${actor.orgId}`,
    sql`f.recorded_at >= (${`${months[0]}-01`}::date::timestamp at time zone ${PLAN_TIME_ZONE})`,
    sql`c.erased_at is null`,
    ...(scope ? [sql`c.home_store_id = any(${scope}::uuid[])`] : []),
    ...(input.storeId ? [sql`c.home_store_id = ${input.storeId}`] : []),
  ];
  const byTier = input.groupBy === "tier";
  const key = byTier ? sql`coalesce(v.tier, 'none')` : sql`c.id::text`;
  const label = byTier ? sql`coalesce(v.tier, 'none')` : sql`min(c.name)`;
  const { rows } = await sql<Row>`
    select ${key} as key, ${label} as label, min(v.tier) as tier,
           to_char(f.recorded_at at time zone ${PLAN_TIME_ZONE}, 'YYYY-MM') as month,
           avg(f.on_time_delivery_rate) as on_time, avg(f.inspection_pass_rate) as inspection, count(*) as records
    from service_figures f
    join customers c on c.id = f.customer_id and c.org_id = f.org_id
    left join customer_values v on v.customer_id = c.id and v.org_id = c.org_id
    where ${sql.join(conditions, sql` and `)}
    group by ${key}, month
  `.execute(db);

  const series = new Map<string, ServiceFigureReport["series"][number]>();
  for (const row of rows) {
    let entry = series.get(row.key);
    if (!entry) {
      entry = {
        key: row.key,
        label: row.label,
        tier: row.tier,
        onTimeDeliveryRate: months.map(() => null),
        inspectionPassRate: months.map(() => null),
        records: 0,
      };
      series.set(row.key, entry);
    }
    const index = months.indexOf(row.month);
    if (index < 0) continue;
    entry.onTimeDeliveryRate[index] = round(row.on_time);
    entry.inspectionPassRate[index] = round(row.inspection);
    entry.records += Number(row.records);
  }
  const tierOrder = (key: string) => {
    const index = CUSTOMER_TIERS.indexOf(key as CustomerTier);
    return index < 0 ? CUSTOMER_TIERS.length : index;
  };
  const ordered = [...series.values()].sort((a, b) =>
    byTier ? tierOrder(a.key) - tierOrder(b.key) : b.records - a.records || a.label.localeCompare(b.label),
  );
  return { months, series: byTier ? ordered : ordered.slice(0, REPORT_CUSTOMER_LIMIT) };
}
