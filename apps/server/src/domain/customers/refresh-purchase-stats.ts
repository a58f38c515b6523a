import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

/**
 * Recomputes each customer's purchase figures (first/last purchase, count, total spent) from transactions.
 * They are stored on the customer row so the archive can be filtered and sorted fast at 200k customers.
 * Call it inside the same transaction that wrote the transactions. Pass customer ids to limit the work.
 */
export async function refreshPurchaseStats(db: Kysely<DB>, orgId: string, customerIds?: string[]): Promise<void> {
  if (customerIds && customerIds.length === 0) return;
  const scope = customerIds ? sql`and c.id = any(${customerIds}::uuid[])` : sql``;
  await sql`
    update customers c set
      first_purchase_at = s.first_at,
      last_purchase_at = s.last_at,
      purchase_count = coalesce(s.n, 0),
      total_spent = coalesce(s.total, 0),
      updated_at = now()
    from (
      select c2.id,
             min(t.occurred_at) as first_at,
             max(t.occurred_at) as last_at,
             count(t.id)::int as n,
             sum(t.amount) as total
      from customers c2
      left join transactions t on t.customer_id = c2.id and t.org_id = c2.org_id
      where c2.org_id = ${orgId} ${customerIds ? sql`and c2.id = any(${customerIds}::uuid[])` : sql``}
      group by c2.id
    ) s
    where c.id = s.id and c.org_id = ${orgId} ${scope}
  `.execute(db);
}
