/**
 * Frozen in time once shipped: never import app code here; add a new migration instead.
 * Background jobs: one row per run of a kind of job for an organisation, unique on (org, kind, key) so a periodic
 * job is enqueued once per period however many schedulers tick, and an on-demand job once per key. A worker leases
 * a row (`locked_until`); a row whose lease ran out belongs to a dead worker and is claimed again.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `create table jobs (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    kind text not null,
    key text not null,
    payload jsonb not null default '{}',
    status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
    run_at timestamptz not null default now(),
    attempts integer not null default 0,
    max_attempts integer not null default 5,
    locked_by text,
    locked_until timestamptz,
    last_error text,
    result jsonb,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz
  )`,
  `create unique index jobs_key on jobs (org_id, kind, key)`,
  `create index jobs_due on jobs (run_at) where status in ('queued', 'running')`,
  `create index jobs_recent on jobs (org_id, created_at desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table jobs`.execute(db);
}
