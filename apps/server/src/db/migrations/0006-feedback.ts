/**
 * Frozen in time: never import app code here, never edit after it has shipped; add a new migration instead.
 * The feedback inbox: one row per thing a customer said, with the sentiment and themes computed on arrival.
 * Indexes serve the inbox (newest first, by store, status, assignee, customer), the theme filter (GIN on themes),
 * text search (trigrams on body; pg_trgm comes with 0001) and idempotent import ((org, channel, source_ref)).
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `create table feedback (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    store_id uuid references stores(id) on delete set null,
    customer_id uuid references customers(id) on delete set null,
    channel text not null check (channel in ('phone', 'email', 'wechat', 'weibo', 'app_store', 'in_person', 'web', 'other')),
    source_ref text,
    author_name text,
    author_contact text,
    body text not null,
    rating smallint check (rating between 1 and 5),
    language text not null default 'und',
    sentiment real not null default 0 check (sentiment between -1 and 1),
    themes text[] not null default '{}',
    status text not null default 'new' check (status in ('new', 'in_progress', 'closed')),
    assignee_id uuid references users(id) on delete set null,
    received_at timestamptz not null default now(),
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index feedback_source_ref on feedback (org_id, channel, source_ref) where source_ref is not null`,
  `create index feedback_inbox on feedback (org_id, received_at desc, id desc)`,
  `create index feedback_store on feedback (org_id, store_id, received_at desc)`,
  `create index feedback_status on feedback (org_id, status, received_at desc)`,
  `create index feedback_assignee on feedback (org_id, assignee_id, status) where assignee_id is not null`,
  `create index feedback_customer on feedback (org_id, customer_id, received_at desc) where customer_id is not null`,
  `create index feedback_themes on feedback using gin (themes)`,
  `create index feedback_body_search on feedback using gin (body gin_trgm_ops)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table feedback`).execute(db);
}
