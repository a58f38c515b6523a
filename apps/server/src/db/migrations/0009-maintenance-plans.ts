/**
 * Frozen in time once shipped: never import app code here; add a new migration instead.
 * Maintenance plans: one plan per tier per organisation, each a list of actions (call, visit or greeting on a
 * cadence, with a topic and who does it). Plans generate dated tasks (tasks.source_type = 'plan', source_id = the
 * action) keyed `plan:<plan>:<action>:<customer>:<yyyy-mm-dd>`, so regenerating never duplicates one; a task the
 * plan no longer asks for is dismissed with a reason, so it can be reopened if the plan asks for it again.
 * Service figures: what a call to a company customer records (on-time delivery and inspection pass rate, percent).
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `create table maintenance_plans (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    tier text not null check (tier in ('vip', 'important', 'quality', 'ordinary')),
    is_active boolean not null default true,
    updated_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (org_id, tier)
  )`,
  `create table plan_actions (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    plan_id uuid not null references maintenance_plans(id) on delete cascade,
    position integer not null,
    kind text not null check (kind in ('call', 'visit', 'greeting')),
    cadence text not null check (cadence in ('daily', 'weekly', 'monthly', 'holidays')),
    weekdays smallint[] not null default '{}',
    month_day smallint check (month_day between 1 and 31),
    holidays text[] not null default '{}',
    topic text not null,
    assign_to text not null default 'account_manager' check (assign_to in ('account_manager', 'store', 'greetings')),
    records_service_figures boolean not null default false,
    created_at timestamptz not null default now()
  )`,
  `create index plan_actions_plan on plan_actions (org_id, plan_id, position)`,
  `alter table tasks add column dismissed_reason text`,
  `create index tasks_source on tasks (org_id, source_type, source_id, due_at)`,
  `create table service_figures (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    customer_id uuid not null references customers(id) on delete cascade,
    store_id uuid references stores(id) on delete set null,
    task_id uuid references tasks(id) on delete set null,
    on_time_delivery_rate numeric(5, 2) check (on_time_delivery_rate between 0 and 100),
    inspection_pass_rate numeric(5, 2) check (inspection_pass_rate between 0 and 100),
    recorded_by uuid references users(id) on delete set null,
    recorded_at timestamptz not null default now(),
    check (on_time_delivery_rate is not null or inspection_pass_rate is not null)
  )`,
  `create unique index service_figures_task on service_figures (task_id) where task_id is not null`,
  `create index service_figures_customer on service_figures (org_id, customer_id, recorded_at)`,
  `create index service_figures_recent on service_figures (org_id, recorded_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table service_figures`.execute(db);
  await sql`drop index tasks_source`.execute(db);
  await sql`alter table tasks drop column dismissed_reason`.execute(db);
  await sql`drop table plan_actions`.execute(db);
  await sql`drop table maintenance_plans`.execute(db);
}
