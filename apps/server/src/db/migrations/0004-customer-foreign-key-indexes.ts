/**
 * Frozen in time. Deleting or erasing a customer makes PostgreSQL find its transactions and interactions by
 * customer_id alone; the (org_id, customer_id, …) indexes cannot serve that, so each delete scanned both tables.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists transactions_customer_id on transactions (customer_id)`.execute(db);
  await sql`create index if not exists interactions_customer_id on interactions (customer_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists interactions_customer_id`.execute(db);
  await sql`drop index if exists transactions_customer_id`.execute(db);
}
