/**
 * Frozen in time once shipped: never import app code here; add a new migration instead.
 * Greetings and letters: templates (liquid), occasion rules, campaigns, per-organisation quiet hours, and
 * message_deliveries — one row per (customer, occasion, channel), unique, which is the idempotency record: a message
 * is only handed to a channel after its row was committed as 'sending', so it goes out at most once.
 */
import { sql, type Kysely } from "kysely";

const CLOCK = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;
const CHANNELS = `('email', 'sms', 'wechat')`;

const statements = [
  `create table greeting_settings (
    org_id uuid primary key references orgs(id) on delete cascade,
    time_zone text not null default 'Asia/Shanghai',
    quiet_start text not null default '21:00' check (quiet_start ~ ${CLOCK}),
    quiet_end text not null default '09:00' check (quiet_end ~ ${CLOCK}),
    updated_at timestamptz not null default now()
  )`,
  `create table greeting_templates (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    builtin_key text,
    purpose text not null,
    language text not null check (language in ('zh-CN', 'en', 'zh-TW')),
    name text not null,
    subject text not null,
    body text not null,
    is_archived boolean not null default false,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index greeting_templates_builtin on greeting_templates (org_id, builtin_key, language)
    where builtin_key is not null`,
  `create table greeting_rules (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    name text not null,
    occasion text not null check (occasion in ('spring_festival', 'mid_autumn', 'dragon_boat', 'national_day',
      'birthday', 'after_purchase', 'tier_change', 'win_back')),
    template_id uuid not null references greeting_templates(id),
    channel text not null check (channel in ${CHANNELS}),
    send_time text not null default '09:00' check (send_time ~ ${CLOCK}),
    days_after integer check (days_after between 0 and 3650),
    segment jsonb not null default '{}',
    is_active boolean not null default true,
    last_planned_on date,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index greeting_rules_org on greeting_rules (org_id) where is_active`,
  `create table greeting_campaigns (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    name text not null,
    template_id uuid not null references greeting_templates(id),
    channel text not null check (channel in ${CHANNELS}),
    segment jsonb not null default '{}',
    scheduled_at timestamptz not null,
    status text not null default 'scheduled' check (status in ('scheduled', 'sending', 'done', 'cancelled')),
    estimated_count integer not null default 0,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index greeting_campaigns_due on greeting_campaigns (org_id, scheduled_at)
    where status in ('scheduled', 'sending')`,
  `create table message_deliveries (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    customer_id uuid not null references customers(id) on delete cascade,
    occasion_key text not null,
    channel text not null check (channel in ${CHANNELS}),
    template_id uuid references greeting_templates(id) on delete set null,
    rule_id uuid references greeting_rules(id) on delete set null,
    campaign_id uuid references greeting_campaigns(id) on delete set null,
    status text not null default 'pending'
      check (status in ('pending', 'sending', 'sent', 'skipped', 'uncertain', 'failed')),
    reason text,
    recipient text,
    subject text,
    message_id text,
    claim_token text,
    attempts integer not null default 0,
    due_at timestamptz not null,
    claimed_at timestamptz,
    sent_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index message_deliveries_once on message_deliveries (org_id, customer_id, occasion_key, channel)`,
  `create index message_deliveries_due on message_deliveries (org_id, due_at) where status = 'pending'`,
  `create index message_deliveries_in_flight on message_deliveries (org_id, claimed_at) where status = 'sending'`,
  `create index message_deliveries_customer on message_deliveries (org_id, customer_id, updated_at desc)`,
  `create index message_deliveries_campaign on message_deliveries (campaign_id, status) where campaign_id is not null`,
  `create index message_deliveries_recent on message_deliveries (org_id, updated_at desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table message_deliveries`.execute(db);
  await sql`drop table greeting_campaigns`.execute(db);
  await sql`drop table greeting_rules`.execute(db);
  await sql`drop table greeting_templates`.execute(db);
  await sql`drop table greeting_settings`.execute(db);
}
