/**
 * Frozen in time: never import app code here, never edit after it has shipped; add a new migration instead.
 * import_jobs: one row per real import, so the dashboard can poll progress and the outcome survives a restart.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_jobs (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id) on delete cascade,
      user_id uuid references users(id) on delete set null,
      kind text not null check (kind in ('customers', 'transactions')),
      file_name text not null,
      status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
      total_rows integer not null default 0,
      processed_rows integer not null default 0,
      report jsonb,
      message text,
      heartbeat_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )
  `.execute(db);
  await sql`create index import_jobs_org_time on import_jobs (org_id, created_at desc)`.execute(db);
  await sql`create index import_jobs_running on import_jobs (status, heartbeat_at) where status = 'running'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table import_jobs`.execute(db);
}
