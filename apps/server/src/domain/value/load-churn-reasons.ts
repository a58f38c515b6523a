/**
 * Why slipping and lost customers leave: the categories of their complaints (the churn-reason taxonomy of the
 * complaints desk) and the themes of their negative feedback (exit feedback), counted in customers, most first.
 */
import { NEGATIVE_SENTIMENT_BELOW } from "@kexin/contracts";
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../../db/schema.ts";

export async function loadChurnReasons(
  db: Kysely<DB>,
  orgId: string,
  scope: RawBuilder<SqlBool>,
): Promise<{ reasons: { reason: string; customers: number }[]; feedbackThemes: { theme: string; customers: number }[] }> {
  const [complaints, feedback] = await Promise.all([
    sql<{ reason: string; customers: string | number }>`
      select k.category as reason, count(distinct k.customer_id) as customers
      from complaints k
      join customer_values v on v.customer_id = k.customer_id and v.org_id = k.org_id
      join customers c on c.id = v.customer_id
      where k.org_id = ${orgId} and ${scope} and v.churn_status in ('at_risk', 'lost')
      group by k.category
      order by count(distinct k.customer_id) desc, k.category
    `.execute(db),
    sql<{ theme: string; customers: string | number }>`
      select theme, count(distinct f.customer_id) as customers
      from feedback f
      cross join lateral unnest(f.themes) as theme
      join customer_values v on v.customer_id = f.customer_id and v.org_id = f.org_id
      join customers c on c.id = v.customer_id
      where f.org_id = ${orgId} and ${scope} and v.churn_status in ('at_risk', 'lost')
        and f.sentiment < cast(${NEGATIVE_SENTIMENT_BELOW} as real)
      group by theme
      order by count(distinct f.customer_id) desc, theme
      limit 10
    `.execute(db),
  ]);
  return {
    reasons: complaints.rows.map((row) => ({ reason: row.reason, customers: Number(row.customers) })),
    feedbackThemes: feedback.rows.map((row) => ({ theme: row.theme, customers: Number(row.customers) })),
  };
}
