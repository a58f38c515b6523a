/**
 * Frozen in time once shipped: never import app code here; add a new migration instead.
 * Customer value and tiers: one row of computed figures per customer (RFM, CLV, P(alive)) with its tier, and every
 * change of tier (computed or set by hand) for the timeline and for greetings on a tier change.
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
    computed_at timestamptz not null default now()
  )`,
  `create index customer_values_tier on customer_values (org_id, tier)`,
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
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table tier_changes`.execute(db);
  await sql`drop table customer_values`.execute(db);
}
