/**
 * Tier recomputation benchmark: `recomputeValues` (RFM, BG/NBD + Gamma-Gamma fits, P(alive), CLV, gross profit,
 * churn status, write-back of every customer's figures, tier rules and tier changes) for 200,000 customers and
 * 2,000,000 transactions on PostgreSQL, against the baseline of the cheapest query that reads every transaction once
 * (count, sum and last purchase per customer) on the same data in the same run.
 *
 *   npx tsx bench/jobs/tiers.ts
 *
 * Environment: KEXIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:55432/postgres; a fresh database is
 * created and dropped), KEXIN_BENCH_CUSTOMERS (200000; about ten purchases each), KEXIN_BENCH_WRITE (0 to skip
 * writing the section of BENCHMARKS.md), KEXIN_BENCH_KEEP (1 to keep the database for a closer look).
 */
import os from "node:os";
import { betaDraw, exponentialDraw, gammaDraw, seededRandom } from "@kexin/analytics";
import { sql } from "kysely";
import type { Database } from "../../apps/server/src/db/database.ts";
import { migrateToLatest } from "../../apps/server/src/db/migrate.ts";
import { recomputeValues } from "../../apps/server/src/domain/value/recompute-values.ts";
import { formatMs, writeBenchmarkSection } from "../support/benchmarks-file.ts";
import { openThrowawayDatabase } from "../support/throwaway-database.ts";

const env = process.env;
const CUSTOMERS = Number(env.KEXIN_BENCH_CUSTOMERS ?? 200_000);
const TARGET_MS = 60_000;
const NOW = new Date("2026-11-20T12:00:00Z");

/** Known parameters the data is drawn from: BG/NBD for purchase timing and dropout, Gamma-Gamma for spend. */
const TRUTH = { bgnbd: { r: 0.8, alpha: 16.5, a: 0.5, b: 5 }, gammaGamma: { p: 6, q: 4, v: 75 } };
const INSERT_ROWS = 100_000;

/**
 * CUSTOMERS customers over three stores, each with a first purchase 30–730 days back and repeat purchases drawn from
 * the BG/NBD process (λ ~ Gamma(r, α) per day, dropout p ~ Beta(a, b) after each repeat) up to now, so the fits have
 * real structure to find (about 10.4 purchases per customer; the table reports the real count). Amounts follow
 * Gamma-Gamma (mean ≈ ¥150);
 * 80% of purchases have a cost of 60–75% of the amount.
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
  await sql`
    insert into customers (org_id, code, name, home_store_id)
    select ${org.id}, 'B' || n, '客户' || n, (${storeIds}::uuid[])[1 + (n % 3)]
    from generate_series(1, ${CUSTOMERS}::int) as n
  `.execute(db);
  await sql`create temporary table bench_customers as
    select row_number() over (order by code)::int as k, id, home_store_id from customers where org_id = ${org.id}`.execute(db);
  await sql`create unique index on bench_customers (k)`.execute(db);

  const random = seededRandom(42);
  const { r, alpha, a, b } = TRUTH.bgnbd;
  const { p, q, v } = TRUTH.gammaGamma;
  let batch = { k: [] as number[], daysAgo: [] as number[], amount: [] as number[], cost: [] as (number | null)[] };
  const flush = async () => {
    if (batch.k.length === 0) return;
    await sql`
      insert into transactions (org_id, customer_id, store_id, occurred_at, amount, cost)
      select ${org.id}, c.id, c.home_store_id, ${NOW.toISOString()}::timestamptz - t.days_ago * interval '1 day', t.amount, t.cost
      from unnest(${batch.k}::int[], ${batch.daysAgo}::float8[], ${batch.amount}::numeric[], ${batch.cost}::numeric[])
        as t(k, days_ago, amount, cost)
      join bench_customers c on c.k = t.k
    `.execute(db);
    batch = { k: [], daysAgo: [], amount: [], cost: [] };
  };
  for (let k = 1; k <= CUSTOMERS; k++) {
    const age = 30 + random() * 700;
    const rate = gammaDraw(random, r, alpha);
    const dropout = betaDraw(random, a, b);
    const scale = gammaDraw(random, q, v);
    const purchase = (time: number) => {
      const amount = Math.round(Math.max(1, gammaDraw(random, p, scale)) * 100) / 100;
      batch.k.push(k);
      batch.daysAgo.push(age - time);
      batch.amount.push(amount);
      batch.cost.push(random() < 0.8 ? Math.round(amount * (0.6 + random() * 0.15) * 100) / 100 : null);
    };
    purchase(0);
    for (let time = exponentialDraw(random, rate); time <= age; time += exponentialDraw(random, rate)) {
      purchase(time);
      if (random() < dropout) break;
    }
    if (batch.k.length >= INSERT_ROWS) await flush();
  }
  await flush();
  await sql`analyze customers`.execute(db);
  await sql`analyze transactions`.execute(db);
  return { orgId: org.id, seconds: (performance.now() - started) / 1000 };
}

async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await call();
  return { ms: performance.now() - started, result };
}

const { database, dispose } = await openThrowawayDatabase("postgres", { keep: env.KEXIN_BENCH_KEEP === "1" });
try {
  console.error(`generating ${CUSTOMERS.toLocaleString("en")} customers and their purchases…`);
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
  const spendModel = summary.model.gammaGamma
    ? `Gamma-Gamma p = ${summary.model.gammaGamma.p.toFixed(2)}, q = ${summary.model.gammaGamma.q.toFixed(2)}, v = ${summary.model.gammaGamma.v.toFixed(1)}`
    : "no Gamma-Gamma fit";
  const body = `\`recomputeValues\` for one organisation on PostgreSQL: one SQL scan aggregating transactions per customer and
day, RFM scores, BG/NBD and Gamma-Gamma fits, P(alive), expected purchases and 12-month CLV per customer (all from
@kexin/analytics), gross profit, churn status, the write-back of every customer's figures in batches of 10,000 rows
(\`insert … select from unnest(…) on conflict do update\`) and the tier rules with tier changes, against the baseline of
one grouped scan (\`select customer_id, count(*), sum(amount), max(occurred_at) … group by customer_id\`, median of 3).
Data drawn in ${seconds.toFixed(0)} s from BG/NBD r = ${TRUTH.bgnbd.r}, α = ${(TRUTH.bgnbd.alpha / 7).toFixed(2)} (weeks, the model's unit), a = ${TRUTH.bgnbd.a}, b = ${TRUTH.bgnbd.b}
and Gamma-Gamma p = ${TRUTH.gammaGamma.p}, q = ${TRUTH.gammaGamma.q}, v = ${TRUTH.gammaGamma.v}; fitted: ${model}; ${spendModel}${summary.model.note ? ` (${summary.model.note})` : ""}.

${table}

Machine: ${machine}. Command: \`npx tsx bench/jobs/tiers.ts\`.`;
  console.log(`\n${body}\n`);
  if (env.KEXIN_BENCH_WRITE !== "0") writeBenchmarkSection("## Tier recomputation for 200,000 customers and 2,000,000 transactions", body);
} finally {
  await dispose();
}
