/**
 * Frozen in time once shipped: never import app code here; add a new migration instead.
 * Every letter updates its delivery row twice (claimed, then settled), and since its status is indexed neither update
 * can stay in place: each adds an entry to every index of the table. Two of them served little: a customer's few
 * deliveries (the timeline) are found by the unique (org, customer, occasion, channel) index, and the organisation's
 * delivery list counts every row by status anyway before it sorts one page. Dropping them takes a third off the
 * index writes of a campaign.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index message_deliveries_customer`.execute(db);
  await sql`drop index message_deliveries_recent`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index message_deliveries_customer on message_deliveries (org_id, customer_id, updated_at desc)`.execute(db);
  await sql`create index message_deliveries_recent on message_deliveries (org_id, updated_at desc)`.execute(db);
}
