/**
 * Frozen in time once shipped: never import app code here; add a new migration instead.
 * Customer value and tiers: one row of computed figures per customer (RFM, CLV, P(alive), gross profit,
 * cost-to-serve, churn status) with its tier, every change of tier (computed or set by hand) for the timeline and
 * for greetings on a tier change, the organisation's tier rules, and its value settings (unit costs of serving,
 * churn thresholds, the last recompute's model).
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `create table customer_values (
    customer_id uuid primary key references customers(id) on delete cascade,
    org_id uuid not null references orgs(id) on delete cascade,
    tier text check (tier in ('vip', 'important', 'quality', 'ordinary')),
    computed_tier text check (computed_tier in ('vip', 'important', 'quality', 'ordinary')),
    tier_override text check (tier_override in ('vip', 'important', 'quality', 'ordinary')),
    override_reason text,
    override_by uuid references users(id) on delete set null,
    override_at timestamptz,
    computed_at timestamptz not null default now(),
    tier_rank smallint generated always as (
      case tier when 'vip' then 1 when 'important' then 2 when 'quality' then 3 when 'ordinary' then 4 else 5 end
    ) stored,
    orders integer not null default 0,
    first_purchase_at timestamptz,
    last_purchase_at timestamptz,
    revenue numeric(16, 2) not null default 0,
    annual_spend numeric(16, 2) not null default 0,
    annual_value numeric(16, 2),
    gross_profit numeric(16, 2),
    cost_to_serve numeric(16, 2),
    recency_days integer,
    rfm_r smallint,
    rfm_f smallint,
    rfm_m smallint,
    rfm_score smallint,
    rfm_segment text,
    repeat_purchases integer,
    p_alive double precision,
    expected_purchases double precision,
    clv numeric(16, 2),
    clv_top_percent real,
    profit_top_percent real,
    expected_interval_days double precision,
    churn_status text check (churn_status in ('active', 'at_risk', 'lost'))
  )`,
  `create index customer_values_tier on customer_values (org_id, tier)`,
  `create index customer_values_priority on customer_values (org_id, tier_rank, clv desc nulls last, p_alive desc nulls last)`,
  // No index on churn status: the daily recompute rewrites every row, and each index costs it a write per customer,
  // while the at-risk list reads a few thousand rows of one organisation either way.
  `create table tier_changes (
    id uuid primary key default gen_random_uuid(),
    org_id uuid not null references orgs(id) on delete cascade,
    customer_id uuid not null references customers(id) on delete cascade,
    from_tier text,
    to_tier text,
    source text not null check (source in ('computed', 'manual')),
    reason text,
    changed_by uuid references users(id) on delete set null,
    changed_at timestamptz not null default now()
  )`,
  `create index tier_changes_customer on tier_changes (org_id, customer_id, changed_at desc)`,
  `create index tier_changes_recent on tier_changes (org_id, changed_at)`,
  // A customer deleted by cascade looks its tier changes up by customer alone.
  `create index tier_changes_customer_only on tier_changes (customer_id)`,
  `create table tier_rules (
    org_id uuid primary key references orgs(id) on delete cascade,
    rules jsonb not null,
    updated_by uuid references users(id) on delete set null,
    updated_at timestamptz not null default now()
  )`,
  `create table value_settings (
    org_id uuid primary key references orgs(id) on delete cascade,
    interaction_costs jsonb not null default '{}',
    at_risk_interval_multiple double precision not null default 1.5,
    lost_interval_multiple double precision not null default 3,
    at_risk_alive_below double precision not null default 0.5,
    lost_alive_below double precision not null default 0.2,
    last_run jsonb,
    updated_by uuid references users(id) on delete set null,
    updated_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table value_settings`.execute(db);
  await sql`drop table tier_rules`.execute(db);
  await sql`drop table tier_changes`.execute(db);
  await sql`drop table customer_values`.execute(db);
}
