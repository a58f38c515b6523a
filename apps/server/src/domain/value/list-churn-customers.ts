import type { ChurnCustomerList, ChurnListQuery } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { customerScopeSql, toIsoOrNull, toNumber } from "./value-scope.ts";

interface ChurnRow {
  customer_id: string;
  name: string;
  phone: string | null;
  store_name: string | null;
  manager_name: string | null;
  tier: ChurnCustomerList["items"][number]["tier"];
  clv: string | null;
  annual_value: string | null;
  p_alive: number | null;
  last_purchase_at: Date | null;
  expected_interval_days: number | null;
  days_overdue: number | null;
}

/**
 * The at-risk list to call today (still alive but slipping, highest value first: CLV, then annual value) or the
 * lost customers (most valuable first), within what the actor sees. Archived customers are left out.
 */
export async function listChurnCustomers({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof ChurnListQuery>;
  now?: Date;
}): Promise<ChurnCustomerList> {
  const scope = customerScopeSql(actor, input.storeId);
  if (!scope) return { items: [], total: 0 };
  const where = sql`v.org_id = ${actor.orgId} and ${scope} and c.status = 'active' and v.churn_status = ${input.status}`;
  const order = input.status === "at_risk" ? sql`v.clv desc nulls last, v.annual_value desc nulls last` : sql`v.annual_value desc nulls last`;
  const [rows, count] = await Promise.all([
    sql<ChurnRow>`
      select v.customer_id, c.name, c.phone, s.name as store_name, u.name as manager_name, v.tier, v.clv, v.annual_value,
             v.p_alive, v.last_purchase_at, v.expected_interval_days,
             greatest(0, floor(extract(epoch from (${now.toISOString()}::timestamptz - v.last_purchase_at)) / 86400
                              - v.expected_interval_days))::int as days_overdue
      from customer_values v
      join customers c on c.id = v.customer_id
      left join stores s on s.id = c.home_store_id and s.org_id = c.org_id
      left join users u on u.id = c.account_manager_id and u.org_id = c.org_id
      where ${where}
      order by ${order}, v.customer_id
      limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}
    `.execute(db),
    sql<{ total: string | number }>`select count(*) as total from customer_values v join customers c on c.id = v.customer_id where ${where}`.execute(db),
  ]);
  return {
    total: Number(count.rows[0].total),
    items: rows.rows.map((row) => ({
      customerId: row.customer_id,
      name: row.name,
      phone: row.phone,
      homeStoreName: row.store_name,
      accountManagerName: row.manager_name,
      tier: row.tier,
      clv: toNumber(row.clv),
      annualValue: toNumber(row.annual_value),
      pAlive: row.p_alive,
      lastPurchaseAt: toIsoOrNull(row.last_purchase_at),
      expectedIntervalDays: row.expected_interval_days,
      daysOverdue: row.days_overdue,
    })),
  };
}
