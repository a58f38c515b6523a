/**
 * Frozen in time: never import app code here, never edit after it has shipped; add a new migration instead.
 * Indexes that keep the customer list fast at 200k customers (measured with EXPLAIN ANALYZE, see
 * domain/customers/list-customers.ts):
 *  - one btree per sortable column, led by (org_id, status), so every sort reads only one page of index entries
 *    instead of sorting the organisation; last purchase also ascending with never-bought customers last;
 *  - a GIN index over the single characters and character pairs of the lower-cased name, for searches shorter
 *    than three characters (two-character Chinese names, a surname) that the trigram index cannot serve.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create function kexin_name_grams(value text) returns text[] language sql immutable strict parallel safe as $$
      select coalesce(array_agg(distinct gram), '{}')
      from (
        select substr(value, position, 1) as gram from generate_series(1, length(value)) as position
        union all
        select substr(value, position, 2) from generate_series(1, length(value) - 1) as position
      ) grams
      where gram <> ' ' and gram not like '% %'
    $$`,
    sql`create index customers_name_grams on customers using gin (kexin_name_grams(lower(name)))`,
    // status=all (archived included) cannot use the (org_id, status, …) indexes for its order.
    sql`create index customers_org_any_status_last_purchase on customers (org_id, last_purchase_at desc nulls last)`,
    sql`create index customers_org_last_purchase_asc on customers (org_id, status, last_purchase_at asc nulls last)`,
    sql`create index customers_org_total_spent on customers (org_id, status, total_spent)`,
    sql`create index customers_org_purchase_count on customers (org_id, status, purchase_count)`,
    sql`create index customers_org_created on customers (org_id, status, created_at)`,
    sql`create index customers_org_name on customers (org_id, status, name)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ["name_grams", "org_any_status_last_purchase", "org_last_purchase_asc", "org_total_spent", "org_purchase_count", "org_created", "org_name"]) {
    await sql.raw(`drop index customers_${index}`).execute(db);
  }
  await sql`drop function kexin_name_grams(text)`.execute(db);
}
