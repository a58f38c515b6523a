/**
 * Tier recomputation benchmark: `recomputeValues` (RFM, BG/NBD + Gamma-Gamma fits, P(alive), CLV, gross profit,
 * churn status, write-back of every customer's figures, tier rules and tier changes) for 200,000 customers and
 * 2,000,000 transactions on PostgreSQL, against the baseline of the cheapest query that reads every transaction once
 * (count, sum and last purchase per customer) on the same data in the same run.
 *
 *   npx tsx bench/jobs/tiers.ts
 *
 * Environment: KEXIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:55432/postgres; a fresh database is
 * created and dropped), KEXIN_BENCH_CUSTOMERS (200000), KEXIN_BENCH_TRANSACTIONS (2000000), KEXIN_BENCH_WRITE (1 to
 * write the section of BENCHMARKS.md), KEXIN_BENCH_KEEP (1 to keep the database for a closer look).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase, type Database } from "../../apps/server/src/db/database.ts";
import { migrateToLatest } from "../../apps/server/src/db/migrate.ts";
import { recomputeValues } from "../../apps/server/src/domain/value/recompute-values.ts";
import { formatMs, writeBenchmarkSection } from "../support/benchmarks-file.ts";

const env = process.env;
const POSTGRES_URL = env.KEXIN_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:55432/postgres";
const CUSTOMERS = Number(env.KEXIN_BENCH_CUSTOMERS ?? 200_000);
const TRANSACTIONS = Number(env.KEXIN_BENCH_TRANSACTIONS ?? 2_000_000);
const TARGET_MS = 60_000;
const NOW = new Date("2026-11-20T12:00:00Z");
const BATCH_CUSTOMERS = 25_000;

async function openTarget(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const databaseName = `kexin_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${databaseName}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${databaseName}`;
  const database = await openDatabase(url.toString());
  if (env.KEXIN_BENCH_KEEP === "1") console.error(`keeping the database: ${url.toString()}`);
  return {
    database,
    dispose: async () => {
      await database.close();
      if (env.KEXIN_BENCH_KEEP !== "1") await admin(`drop database if exists ${databaseName} with (force)`);
    },
  };
}

/**
 * CUSTOMERS customers over three stores and TRANSACTIONS purchases generated in the database: the number of purchases
 * per customer is skewed (a few buy often, many once or twice), each buys at a steady pace from a first purchase up to
 * two years back until some point since (so some are alive, some slipping, some gone); 80% of purchases have a cost.
 */
async function generate(database: Database): Promise<{ orgId: string; seconds: number }> {
  const { db } = database;
  await migrateToLatest(db);
  const org = await db.insertInto("orgs").values({ name: "Bench org" }).returning("id").executeTakeFirstOrThrow();
  const stores = await db
    .insertInto("stores")
    .values(["SH01", "BJ01", "GZ01"].map((code) => ({ org_id: org.id, code, name: code })))
    .returning("id")
    .execute();
  const storeIds = stores.map((store) => store.id);
  const started = performance.now();
  await sql`select setseed(0.42)`.execute(db);
  await sql`
    insert into customers (org_id, code, name, home_store_id)
    select ${org.id}, 'B' || n, '客户' || n, (${storeIds}::uuid[])[1 + (n % 3)]
    from generate_series(1, ${CUSTOMERS}::int) as n
  `.execute(db);
  await sql`create temporary table bench_customers as
    select row_number() over (order by code)::int as k, id, home_store_id from customers where org_id = ${org.id}`.execute(db);
  await sql`create unique index on bench_customers (k)`.execute(db);
  // How many purchases each customer makes: TRANSACTIONS draws of a customer, skewed towards low numbers.
  await sql`create temporary table bench_counts as
    select k, count(*)::int as n
    from (select 1 + floor(${CUSTOMERS} * power(random(), 1.6))::int as k from generate_series(1, ${TRANSACTIONS}::int)) as pick
    group by k`.execute(db);
  // Customer k's first purchase lies 30–730 days back and the n purchases follow at a steady pace over a fraction
  // (30–100%) of the time since: some are still buying, some stopped long ago.
  for (let from = 1; from <= CUSTOMERS; from += BATCH_CUSTOMERS) {
    await sql`
      insert into transactions (org_id, customer_id, store_id, occurred_at, amount, cost)
      select ${org.id}, c.id, c.home_store_id,
             ${NOW.toISOString()}::timestamptz - b.start_days * interval '1 day'
               + ((j + random()) * b.start_days * b.share / b.n) * interval '1 day',
             round((20 + random() * 300)::numeric, 2),
             case when random() < 0.8 then round((random() * 0.15 + 0.6)::numeric * (20 + random() * 300)::numeric, 2) end
      from (select k, n, 30 + (k * 7919) % 700 as start_days, 0.3 + ((k * 104729) % 71) / 100.0 as share
            from bench_counts where k >= ${from} and k < ${from + BATCH_CUSTOMERS}) as b
      join bench_customers c on c.k = b.k
      cross join lateral generate_series(0, b.n - 1) as j
    `.execute(db);
  }
  await sql`analyze customers`.execute(db);
  await sql`analyze transactions`.execute(db);
  return { orgId: org.id, seconds: (performance.now() - started) / 1000 };
}

async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await call();
  return { ms: performance.now() - started, result };
}

const { database, dispose } = await openTarget();
try {
  console.error(`generating ${CUSTOMERS.toLocaleString("en")} customers and ${TRANSACTIONS.toLocaleString("en")} transactions…`);
  const { orgId, seconds } = await generate(database);
  const baselineQuery = () =>
    sql`select customer_id, count(*), sum(amount), max(occurred_at) from transactions where org_id = ${orgId} group by customer_id`.execute(database.db);
  await baselineQuery(); // warm-up: buffers
  const baseline = [await timed(baselineQuery), await timed(baselineQuery), await timed(baselineQuery)].map((run) => run.ms).sort((a, b) => a - b)[1];
  console.error("recomputing (first run: every customer gets a tier)…");
  const first = await timed(() => recomputeValues({ db: database.db, orgId, now: NOW }));
  console.error("recomputing again (no tier changes)…");
  const second = await timed(() => recomputeValues({ db: database.db, orgId, now: NOW }));
  const summary = first.result;
  const rows = [
    ["first run (every customer's first tier recorded)", first.ms, summary.tierChanges],
    ["second run (nothing changed)", second.ms, second.result.tierChanges],
  ] as const;
  const table = [
    "| run | customers | buyers | transactions | recompute | tier changes | baseline: one grouped scan | recompute ÷ scan | target < 60 s |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ...rows.map(
      ([name, ms, changes]) =>
        `| ${name} | ${summary.customers.toLocaleString("en")} | ${summary.buyers.toLocaleString("en")} | ${summary.transactions.toLocaleString("en")} | ` +
        `${formatMs(ms)} ms | ${changes.toLocaleString("en")} | ${formatMs(baseline)} ms | ${(ms / baseline).toFixed(1)} | ${ms < TARGET_MS ? "met" : "NOT met"} |`,
    ),
  ].join("\n");
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)} at the end`;
  const model = summary.model.bgnbd
    ? `BG/NBD r = ${summary.model.bgnbd.r.toFixed(3)}, α = ${summary.model.bgnbd.alpha.toFixed(2)}, a = ${summary.model.bgnbd.a.toFixed(3)}, b = ${summary.model.bgnbd.b.toFixed(3)}`
    : `no BG/NBD fit (${summary.model.note})`;
  const body = `\`recomputeValues\` for one organisation on PostgreSQL: one SQL scan aggregating transactions per customer and
day, RFM scores, BG/NBD and Gamma-Gamma fits, P(alive), expected purchases and 12-month CLV per customer (all from
@kexin/analytics), gross profit, churn status, the write-back of every customer's figures in batches of 10,000 rows
(\`insert … select from unnest(…) on conflict do update\`) and the tier rules with tier changes, against the baseline of
one grouped scan (\`select customer_id, count(*), sum(amount), max(occurred_at) … group by customer_id\`, median of 3).
Data generated in the database in ${seconds.toFixed(0)} s; ${model}.

${table}

Machine: ${machine}. Command: \`npx tsx bench/jobs/tiers.ts\`.`;
  console.log(`\n${body}\n`);
  if (env.KEXIN_BENCH_WRITE === "1") writeBenchmarkSection("## Tier recomputation for 200,000 customers and 2,000,000 transactions", body);
} finally {
  await dispose();
}
