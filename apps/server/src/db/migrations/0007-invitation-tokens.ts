/**
 * Frozen in time: never import app code here, never edit after it has shipped; add a new migration instead.
 * Invitation delivery: `next_attempt_at` is both the lease a sender takes on a row while its email is on the way
 * (so the request that created it and the background sweep, or two server processes, never send it twice) and the
 * back-off after a failed attempt. The sweep's index follows it.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table survey_invitations add column next_attempt_at timestamptz not null default now()`.execute(db);
  await sql`drop index survey_invitations_pending`.execute(db);
  await sql`create index survey_invitations_due on survey_invitations (next_attempt_at) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index survey_invitations_due`.execute(db);
  await sql`create index survey_invitations_pending on survey_invitations (status, created_at) where status = 'pending'`.execute(db);
  await sql`alter table survey_invitations drop column next_attempt_at`.execute(db);
}
