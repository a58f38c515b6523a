import type { PriorityList, ValueCustomerListQuery } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { customerScopeSql, toNumber } from "./value-scope.ts";

/** The order customers are served in when stock or service is short. */
export const PRIORITY_ORDER = sql`v.tier_rank, v.clv desc nulls last, v.p_alive desc nulls last, v.customer_id`;

/**
 * Who is served first when supply is short: tier (VIP first), then CLV, then P(alive); one page, ranked within
 * what the actor sees. Cost: the (org_id, tier_rank) index, then a sort within the first tiers the page reaches
 * (figures that change daily are deliberately not indexed, so the daily recompute updates rows in place).
 */
export async function listPriority({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof ValueCustomerListQuery>;
}): Promise<PriorityList> {
  const scope = customerScopeSql(actor, input.storeId);
  if (!scope) return { items: [], total: 0 };
  const offset = (input.page - 1) * input.pageSize;
  const [rows, count] = await Promise.all([
    sql<{ customer_id: string; name: string; phone: string | null; store_name: string | null; tier: PriorityList["items"][number]["tier"]; clv: string | null; p_alive: number | null }>`
      select v.customer_id, c.name, c.phone, s.name as store_name, v.tier, v.clv, v.p_alive
      from customer_values v
      join customers c on c.id = v.customer_id
      left join stores s on s.id = c.home_store_id and s.org_id = c.org_id
      where v.org_id = ${actor.orgId} and ${scope} and c.status = 'active'
      order by ${PRIORITY_ORDER}
      limit ${input.pageSize} offset ${offset}
    `.execute(db),
    sql<{ total: string | number }>`
      select count(*) as total from customer_values v join customers c on c.id = v.customer_id
      where v.org_id = ${actor.orgId} and ${scope} and c.status = 'active'
    `.execute(db),
  ]);
  return {
    total: Number(count.rows[0].total),
    items: rows.rows.map((row, index) => ({
      rank: offset + index + 1,
      customerId: row.customer_id,
      name: row.name,
      phone: row.phone,
      homeStoreName: row.store_name,
      tier: row.tier,
      clv: toNumber(row.clv),
      pAlive: row.p_alive,
    })),
  };
}
