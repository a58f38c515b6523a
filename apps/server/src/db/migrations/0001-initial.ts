/**
 * Frozen in time: never import app code here, never edit after it has shipped; add a new migration instead.
 * Every tenant table carries org_id (the future distribution key) and every index leads with it.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = `
    create extension if not exists pg_trgm;
    create table orgs (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      created_at timestamptz not null default now()
    );
    create table stores (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id) on delete cascade,
      code text not null,
      name text not null,
      city text,
      created_at timestamptz not null default now(),
      unique (org_id, code)
    );
    create table users (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id) on delete cascade,
      email text not null,
      name text not null,
      password_hash text not null,
      role text not null check (role in ('admin', 'manager', 'store_manager', 'agent')),
      locale text not null default 'zh-CN',
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      unique (email)
    );
    create table user_stores (
      org_id uuid not null references orgs(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      store_id uuid not null references stores(id) on delete cascade,
      primary key (user_id, store_id)
    );
    create table sessions (
      token_hash text primary key,
      org_id uuid not null references orgs(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create table customers (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id) on delete cascade,
      code text,
      name text not null,
      kind text not null default 'person' check (kind in ('person', 'company')),
      gender text not null default 'unknown' check (gender in ('female', 'male', 'unknown')),
      birthday date,
      phone text,
      email text,
      wechat text,
      city text,
      company text,
      home_store_id uuid references stores(id) on delete set null,
      account_manager_id uuid references users(id) on delete set null,
      preferences text,
      needs text,
      personal_note text,
      tags text[] not null default '{}',
      attributes jsonb not null default '{}',
      consent jsonb not null default '{"email": true, "sms": true, "wechat": true, "phone": true}',
      status text not null default 'active' check (status in ('active', 'archived')),
      erased_at timestamptz,
      search_text text generated always as (
        lower(name || ' ' || coalesce(code, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, ''))
      ) stored,
      first_purchase_at timestamptz,
      last_purchase_at timestamptz,
      purchase_count integer not null default 0,
      total_spent numeric(14, 2) not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index customers_org_code on customers (org_id, code) where code is not null;
    create index customers_org_last_purchase on customers (org_id, status, last_purchase_at desc nulls last);
    create index customers_org_store on customers (org_id, home_store_id, status, last_purchase_at desc nulls last);
    create index customers_search on customers using gin (search_text gin_trgm_ops);
    create index customers_tags on customers using gin (tags);
    create table transactions (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id) on delete cascade,
      customer_id uuid not null references customers(id) on delete cascade,
      store_id uuid references stores(id) on delete set null,
      external_id text,
      occurred_at timestamptz not null,
      channel text,
      amount numeric(14, 2) not null,
      cost numeric(14, 2),
      items jsonb not null default '[]',
      created_at timestamptz not null default now()
    );
    create index transactions_customer on transactions (org_id, customer_id, occurred_at desc);
    create index transactions_org_time on transactions (org_id, occurred_at);
    create unique index transactions_external on transactions (org_id, external_id) where external_id is not null;
    create table interactions (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references orgs(id) on delete cascade,
      customer_id uuid not null references customers(id) on delete cascade,
      store_id uuid references stores(id) on delete set null,
      user_id uuid references users(id) on delete set null,
      kind text not null,
      occurred_at timestamptz not null default now(),
      summary text not null,
      body text,
      created_at timestamptz not null default now()
    );
    create index interactions_customer on interactions (org_id, customer_id, occurred_at desc);
    create table audit_log (
      id uuid primary key default gen_random_uuid(),
      org_id uuid references orgs(id) on delete cascade,
      user_id uuid references users(id) on delete set null,
      action text not null,
      target_type text,
      target_id text,
      details jsonb not null default '{}',
      ip text,
      created_at timestamptz not null default now()
    );
    create index audit_log_org_time on audit_log (org_id, created_at desc);
  `;
  // One statement at a time: PGlite's extended protocol takes a single command per query.
  for (const statement of statements.split(/;\s*\n/).filter((part) => part.trim())) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_log, interactions, transactions, customers, sessions, user_stores, users, stores, orgs`.execute(
    db,
  );
}
