/**
 * Frozen in time once shipped: never import app code here; add a new migration instead.
 * Complaints (投诉): tickets with a human number (TS-<year>-<n>, counted per organisation and year), their timers
 * (due times computed in business minutes at filing and kept on the row, so later policy changes never move an old
 * ticket's deadlines), an event history (notes, replies, escalations…), the organisation's business hours and SLA
 * policies, and one public link per store. An escalation event is unique per (complaint, level), which is what makes
 * the escalation job idempotent; an email event is unique per Message-ID, so a message delivered twice threads once.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `create table complaint_settings (
    org_id uuid primary key references orgs(id) on delete cascade,
    time_zone text not null default 'Asia/Shanghai',
    work_days smallint[] not null default '{1,2,3,4,5}',
    opens_minute smallint not null default 540 check (opens_minute between 0 and 1440),
    closes_minute smallint not null default 1080 check (closes_minute between 0 and 1440),
    holidays text[] not null default '{}',
    extra_workdays text[] not null default '{}',
    recovery_survey_id uuid references surveys(id) on delete set null,
    staff_kpi_threshold_percent numeric(5, 2) not null default 10,
    updated_at timestamptz not null default now(),
    check (opens_minute < closes_minute)
  )`,
  `create table complaint_sla_policies (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
    tier text check (tier in ('vip', 'important', 'quality', 'ordinary')),
    first_response_minutes integer not null check (first_response_minutes > 0),
    resolution_minutes integer not null check (resolution_minutes > 0)
  )`,
  `create unique index complaint_sla_policies_key on complaint_sla_policies (org_id, severity, coalesce(tier, '*'))`,
  `create table complaint_counters (
    org_id uuid not null references orgs(id) on delete cascade,
    year integer not null,
    last_number integer not null,
    primary key (org_id, year)
  )`,
  `create table complaint_store_links (
    org_id uuid not null references orgs(id) on delete cascade,
    store_id uuid not null references stores(id) on delete cascade,
    slug text not null unique,
    is_active boolean not null default true,
    created_at timestamptz not null default now(),
    primary key (org_id, store_id)
  )`,
  `create table complaints (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    number text not null,
    store_id uuid references stores(id) on delete set null,
    customer_id uuid references customers(id) on delete set null,
    category text not null check (category in ('rude_staff', 'poor_service', 'untrained_staff', 'product_quality',
      'poor_choice', 'price', 'delivery', 'changed_needs', 'other')),
    severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
    channel text not null check (channel in ('dashboard', 'public_page', 'email', 'api')),
    subject text not null,
    body text not null,
    language text not null default 'zh-CN',
    contact_name text,
    contact_email text,
    contact_phone text,
    staff_id uuid references users(id) on delete set null,
    staff_name text,
    customer_tier text check (customer_tier in ('vip', 'important', 'quality', 'ordinary')),
    status text not null default 'open' check (status in ('open', 'in_progress', 'resolved', 'closed')),
    assignee_id uuid references users(id) on delete set null,
    first_response_minutes integer not null,
    resolution_minutes integer not null,
    first_response_due_at timestamptz not null,
    resolution_started_at timestamptz not null,
    resolution_due_at timestamptz not null,
    first_responded_at timestamptz,
    resolved_at timestamptz,
    closed_at timestamptz,
    escalation_level smallint not null default 0,
    resolution_note text,
    compensation_amount numeric(14, 2),
    compensation_kind text,
    compensation_note text,
    recovery_status text check (recovery_status in ('pending', 'sent', 'failed', 'answered', 'skipped')),
    recovery_survey_id uuid references surveys(id) on delete set null,
    recovery_invitation_id uuid references survey_invitations(id) on delete set null,
    recovery_reason text,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (org_id, number)
  )`,
  `create index complaints_recent on complaints (org_id, created_at desc, id desc)`,
  `create index complaints_store on complaints (org_id, store_id, status, created_at desc)`,
  `create index complaints_customer on complaints (org_id, customer_id, created_at) where customer_id is not null`,
  `create index complaints_staff on complaints (org_id, staff_id) where staff_id is not null`,
  `create index complaints_unfinished on complaints (org_id, first_response_due_at, resolution_due_at)
    where status in ('open', 'in_progress')`,
  `create table complaint_events (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    complaint_id uuid not null references complaints(id) on delete cascade,
    kind text not null check (kind in ('filed', 'note', 'reply', 'customer_reply', 'assigned', 'status', 'escalated',
      'resolved', 'reopened', 'closed', 'recovery_survey', 'updated')),
    body text,
    channel text check (channel in ('email', 'phone', 'in_person', 'wechat')),
    level smallint,
    to_status text check (to_status in ('open', 'in_progress', 'resolved', 'closed')),
    recipients text[] not null default '{}',
    message_id text,
    notified_at timestamptz,
    notify_lease_until timestamptz,
    notify_error text,
    user_id uuid references users(id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  `create index complaint_events_complaint on complaint_events (org_id, complaint_id, created_at)`,
  `create unique index complaint_events_escalation on complaint_events (complaint_id, level) where kind = 'escalated'`,
  `create unique index complaint_events_message on complaint_events (org_id, message_id) where message_id is not null`,
  `create index complaint_events_unnotified on complaint_events (org_id, created_at)
    where kind = 'escalated' and notified_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["complaint_events", "complaints", "complaint_store_links", "complaint_counters", "complaint_sla_policies", "complaint_settings"]) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
