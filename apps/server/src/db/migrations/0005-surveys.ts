/**
 * Frozen in time: never import app code here, never edit after it has shipped; add a new migration instead.
 * Surveys: a working draft per survey, frozen published versions, public/kiosk links, personal invitations with
 * single-use tokens, responses (one per submission key), saved progress, and tasks (closed-loop follow-ups first).
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `create table surveys (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    store_id uuid references stores(id) on delete set null,
    name text not null,
    status text not null default 'draft' check (status in ('draft', 'live', 'closed')),
    template_key text,
    draft jsonb not null,
    draft_updated_at timestamptz not null default now(),
    current_version integer,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index surveys_org on surveys (org_id, updated_at desc)`,
  `create table survey_versions (
    org_id uuid not null references orgs(id) on delete cascade,
    survey_id uuid not null references surveys(id) on delete cascade,
    version integer not null,
    definition jsonb not null,
    published_at timestamptz not null default now(),
    published_by uuid references users(id) on delete set null,
    primary key (survey_id, version)
  )`,
  `create table survey_links (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    survey_id uuid not null references surveys(id) on delete cascade,
    slug text not null unique,
    kind text not null default 'public' check (kind in ('public', 'kiosk')),
    store_id uuid references stores(id) on delete set null,
    label text not null,
    is_active boolean not null default true,
    created_at timestamptz not null default now()
  )`,
  `create index survey_links_survey on survey_links (org_id, survey_id)`,
  `create table survey_invitations (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    survey_id uuid not null references surveys(id) on delete cascade,
    customer_id uuid references customers(id) on delete set null,
    email text not null,
    language text not null default 'zh-CN',
    token_hash text not null unique,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'answered')),
    attempts integer not null default 0,
    error text,
    sent_at timestamptz,
    reminded_at timestamptz,
    answered_at timestamptz,
    response_id uuid,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  `create unique index survey_invitations_customer on survey_invitations (survey_id, customer_id) where customer_id is not null`,
  `create index survey_invitations_survey on survey_invitations (org_id, survey_id, created_at desc)`,
  `create index survey_invitations_pending on survey_invitations (status, created_at) where status = 'pending'`,
  `create table survey_responses (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    survey_id uuid not null references surveys(id) on delete cascade,
    version integer not null,
    link_id uuid references survey_links(id) on delete set null,
    invitation_id uuid references survey_invitations(id) on delete set null,
    customer_id uuid references customers(id) on delete set null,
    store_id uuid references stores(id) on delete set null,
    staff_id uuid references users(id) on delete set null,
    channel text not null check (channel in ('link', 'kiosk', 'email', 'staff', 'import')),
    language text not null,
    submission_key uuid not null,
    answers jsonb not null,
    started_at timestamptz,
    submitted_at timestamptz not null default now(),
    foreign key (survey_id, version) references survey_versions(survey_id, version)
  )`,
  `create unique index survey_responses_submission on survey_responses (survey_id, submission_key)`,
  `create unique index survey_responses_invitation on survey_responses (invitation_id) where invitation_id is not null`,
  `create index survey_responses_report on survey_responses (org_id, survey_id, submitted_at)`,
  `create index survey_responses_customer on survey_responses (org_id, customer_id, submitted_at desc) where customer_id is not null`,
  `create table survey_drafts (
    key_hash text primary key,
    org_id uuid not null references orgs(id) on delete cascade,
    survey_id uuid not null references surveys(id) on delete cascade,
    version integer not null,
    page_index integer not null default 0,
    answers jsonb not null,
    updated_at timestamptz not null default now()
  )`,
  `create index survey_drafts_age on survey_drafts (updated_at)`,
  `create table tasks (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    kind text not null check (kind in ('follow_up', 'call', 'visit', 'greeting')),
    status text not null default 'open' check (status in ('open', 'done', 'dismissed')),
    title text not null,
    detail text,
    customer_id uuid references customers(id) on delete cascade,
    store_id uuid references stores(id) on delete set null,
    assignee_id uuid references users(id) on delete set null,
    source_type text check (source_type in ('survey_response', 'feedback', 'plan')),
    source_id uuid,
    survey_id uuid references surveys(id) on delete set null,
    dedupe_key text not null,
    due_at timestamptz not null,
    outcome text check (outcome in ('reached', 'not_reached', 'issue_found', 'resolved')),
    outcome_note text,
    closed_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    closed_at timestamptz
  )`,
  `create unique index tasks_dedupe on tasks (org_id, dedupe_key)`,
  `create index tasks_assignee on tasks (org_id, assignee_id, status, due_at)`,
  `create index tasks_store on tasks (org_id, store_id, status, due_at)`,
  `create index tasks_customer on tasks (org_id, customer_id, created_at desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["tasks", "survey_drafts", "survey_responses", "survey_invitations", "survey_links", "survey_versions", "surveys"]) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
