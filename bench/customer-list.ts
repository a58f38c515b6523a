/**
 * Customer-list API benchmark: GET /api/customers over real HTTP on loopback at 200,000 customers, on PGlite and
 * on PostgreSQL, against the baseline of the same SQL (captured from the list use case) run directly on the
 * database in the same run. Prints a markdown table and writes it to BENCHMARKS.md.
 *
 *   npx tsx bench/customer-list.ts
 *
 * Environment: KEXIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:55432/postgres; a fresh database
 * kexin_bench_<hex> is created in it and dropped afterwards), KEXIN_BENCH_DATABASES (pglite,postgres),
 * KEXIN_BENCH_CUSTOMERS (200000), KEXIN_BENCH_REQUESTS (200 per scenario), KEXIN_BENCH_WRITE (0 to skip the file).
 */
import http from "node:http";
import os from "node:os";
import { CustomerListQuery } from "@kexin/contracts";
import { CompiledQuery, sql } from "kysely";
import { loadConfig } from "../apps/server/src/config.ts";
import type { Database } from "../apps/server/src/db/database.ts";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";
import type { Actor } from "../apps/server/src/domain/auth/actor.ts";
import { listCustomers } from "../apps/server/src/domain/customers/list-customers.ts";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../apps/server/src/domain/demo/demo-logins.ts";
import { generateCustomers } from "../apps/server/src/domain/demo/generate-customers.ts";
import { seedDemo } from "../apps/server/src/domain/demo/seed-demo.ts";
import { buildApp } from "../apps/server/src/http/app.ts";
import { formatMs, writeBenchmarkSection } from "./support/benchmarks-file.ts";
import { benchDatabaseKinds, openThrowawayDatabase, type BenchDatabaseKind } from "./support/throwaway-database.ts";
import { capturingKysely } from "./support/capture-sql.ts";
import { sampleLatency, type LatencySummary } from "./support/measure.ts";

const env = process.env;
const DATABASES = benchDatabaseKinds("pglite,postgres");
const CUSTOMERS = Number(env.KEXIN_BENCH_CUSTOMERS ?? 200_000);
const REQUESTS = Number(env.KEXIN_BENCH_REQUESTS ?? 200);
const SCENARIO_BUDGET_MS = 30_000;
const TARGET_P95_MS = 50;

interface Scenario {
  name: string;
  query: (stores: Record<string, string>) => Record<string, string | number>;
}

/** A realistic mix of what staff do on the customer list. */
const SCENARIOS: Scenario[] = [
  { name: "page 1, default sort (last purchase)", query: () => ({}) },
  { name: "search q=王 (commonest surname)", query: () => ({ q: "王" }) },
  { name: "search q=王伟 (full name)", query: () => ({ q: "王伟" }) },
  { name: "search q=1381 (phone fragment)", query: () => ({ q: "1381" }) },
  { name: "search q=smith (Latin name)", query: () => ({ q: "smith" }) },
  { name: "store SH01 + bought within 30 days", query: (stores) => ({ storeId: stores.SH01, activeWithinDays: 30 }) },
  { name: "tag VIP", query: () => ({ tag: "VIP" }) },
  { name: "sort by total spent", query: () => ({ sort: "totalSpent" }) },
  { name: "deep page 50", query: () => ({ page: 50 }) },
];

interface Row {
  scenario: string;
  database: string;
  total: number;
  api: LatencySummary;
  sql: LatencySummary;
}

/** The demo organisation's stores and staff, with CUSTOMERS generated customers instead of the demo's 2,000. */
async function prepare(database: Database, kind: string): Promise<{ stores: Record<string, string>; actor: Actor }> {
  await migrateToLatest(database.db);
  const { orgId } = await seedDemo(database.db, { customerCount: 0 });
  const stores = await database.db.selectFrom("stores").select(["id", "code"]).where("org_id", "=", orgId).execute();
  const staff = await database.db.selectFrom("users").select(["id", "email", "name", "role"]).where("org_id", "=", orgId).execute();
  const started = performance.now();
  await database.db.transaction().execute((trx) =>
    generateCustomers({
      db: trx,
      orgId,
      count: CUSTOMERS,
      storeIds: stores.map((store) => store.id),
      accountManagerIds: staff.filter((user) => user.role !== "admin").map((user) => user.id),
      seed: 42,
    }),
  );
  // What autovacuum would have done by the time anyone searches: statistics and the visibility map.
  await sql`vacuum analyze customers`.execute(database.db);
  console.log(`${kind}: ${CUSTOMERS} customers generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const admin = staff.find((user) => user.email === DEMO_LOGINS[0].email)!;
  return {
    stores: Object.fromEntries(stores.map((store) => [store.code, store.id])),
    actor: { userId: admin.id, orgId, role: "admin", storeIds: [], name: admin.name },
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(url: string, options: { method?: string; cookie?: string; body?: unknown } = {}) {
  return new Promise<{ status: number; body: string; cookies: string[] }>((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const outgoing = http.request(
      url,
      {
        agent,
        method: options.method ?? "GET",
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), cookies: response.headers["set-cookie"] ?? [] }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}

async function explain(database: Database, query: CompiledQuery): Promise<string> {
  const result = await database.db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]),
  );
  return result.rows.map((row) => Object.values(row)[0]).join("\n");
}

/** Interrupted runs still drop their PostgreSQL database and delete their PGlite directory. */
let disposeCurrent: (() => Promise<void>) | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void (disposeCurrent?.() ?? Promise.resolve()).finally(() => process.exit(130)));
}

async function benchmark(kind: BenchDatabaseKind): Promise<Row[]> {
  const { database, dispose } = await openThrowawayDatabase(kind);
  disposeCurrent = dispose;
  const config = { ...loadConfig({ KEXIN_LOG_LEVEL: "silent", KEXIN_LOGIN_RATE_LIMIT: "1000" }), webDistDir: "/nonexistent" };
  const app = await buildApp({ db: database.db, config, databaseKind: database.kind });
  try {
    const { stores, actor } = await prepare(database, kind);
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    const login = await request(`${base}/api/auth/login`, { method: "POST", body: { email: DEMO_LOGINS[0].email, password: DEMO_PASSWORD } });
    if (login.status !== 200) throw new Error(`demo admin sign-in failed: ${login.status} ${login.body}`);
    const cookie = login.cookies.map((value) => value.split(";")[0]).join("; ");
    const rows: Row[] = [];
    for (const scenario of SCENARIOS) {
      const query = scenario.query(stores);
      const url = `${base}/api/customers?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))}`;
      const first = await request(url, { cookie });
      if (first.status !== 200) throw new Error(`${scenario.name}: GET ${url} answered ${first.status} ${first.body}`);
      const total = (JSON.parse(first.body) as { total: number }).total;
      const capture = capturingKysely(database.db);
      await listCustomers({ db: capture.db, actor, input: CustomerListQuery.parse(query) });
      const statements = capture.captured;
      const options = { warmUp: 5, count: REQUESTS, budgetMs: SCENARIO_BUDGET_MS };
      const api = await sampleLatency(async () => {
        const response = await request(url, { cookie });
        if (response.status !== 200) throw new Error(`${scenario.name}: ${response.status}`);
      }, options);
      const direct = await sampleLatency(() => Promise.all(statements.map((statement) => database.db.executeQuery(statement))), options);
      rows.push({ scenario: scenario.name, database: kind, total, api, sql: direct });
      console.log(`${kind} | ${scenario.name} | ${total} rows | API p50 ${formatMs(api.p50)} p95 ${formatMs(api.p95)} | SQL p50 ${formatMs(direct.p50)} p95 ${formatMs(direct.p95)} (n=${api.count})`);
      if (api.p95 > TARGET_P95_MS) {
        for (const statement of statements) console.log(`\n-- ${kind}: ${scenario.name}\n${statement.sql}\n${await explain(database, statement)}\n`);
      }
    }
    return rows;
  } finally {
    await app.close();
    await dispose();
  }
}

function table(rows: Row[]): string {
  const lines = [
    "| scenario | database | matches | API p50 ms | API p95 ms | SQL p50 ms | SQL p95 ms | API/SQL (p50) | n |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    const ratio = (row.api.p50 / row.sql.p50).toFixed(1);
    lines.push(
      `| ${row.scenario} | ${row.database} | ${row.total} | ${formatMs(row.api.p50)} | ${formatMs(row.api.p95)} | ` +
        `${formatMs(row.sql.p50)} | ${formatMs(row.sql.p95)} | ${ratio} | ${row.api.count} |`,
    );
  }
  return lines.join("\n");
}

const loadBefore = os.loadavg()[0];
const rows: Row[] = [];
for (const kind of DATABASES) rows.push(...(await benchmark(kind)));
const markdown = table(rows);
console.log(`\n${markdown}\n`);
const failing = rows.filter((row) => row.database === "postgres" && row.api.p95 > TARGET_P95_MS);
const machine =
  `${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
  `Node ${process.version}, ${os.type()} ${os.release()}; 1-minute load average ${loadBefore.toFixed(1)} at the start, ` +
  `${os.loadavg()[0].toFixed(1)} at the end`;
const body = `
Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.

    npx tsx bench/customer-list.ts

${CUSTOMERS.toLocaleString("en")} customers generated by \`generateCustomers\` (seed 42) into the demo organisation, then
\`vacuum analyze\`. Each scenario is GET /api/customers as the demo admin over HTTP on loopback (keep-alive, one request at
a time, 5 warm-up requests, then up to ${REQUESTS} measured or ${SCENARIO_BUDGET_MS / 1000} s), against the baseline: the two
statements the list use case runs (page and count, captured from \`listCustomers\`) executed directly through the same
Kysely connection, in parallel as the use case does. Page size 20. "matches" is the total the API reported (counted up to 10,000, then reported as "more").
PGlite is on disk (a temporary directory); PostgreSQL is the local server, a fresh database. Target: API p95 under
${TARGET_P95_MS} ms on PostgreSQL — ${failing.length === 0 ? "met by every scenario" : `missed by ${failing.map((row) => row.scenario).join("; ")}`}.

${markdown}
`;
if (env.KEXIN_BENCH_WRITE !== "0") writeBenchmarkSection(`## Customer list API (${Math.round(CUSTOMERS / 1000)}k customers)`, body);
agent.destroy();
