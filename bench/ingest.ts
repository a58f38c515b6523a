/**
 * Survey ingest benchmark: public answers posted over HTTP on loopback (autocannon, unique submission keys) to a
 * Kexin server in its own process, on PGlite and on PostgreSQL, against the baseline of a plain INSERT of the same
 * rows on the same database in the same run (same concurrency on PostgreSQL; PGlite has one connection).
 * Afterwards the stored rows are counted: every 2xx must be a row.
 *
 *   npx tsx bench/ingest.ts
 *
 * Environment: KEXIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:55432/postgres; a fresh database is
 * created and dropped), KEXIN_BENCH_DATABASES (pglite,postgres), KEXIN_BENCH_SECONDS (60), KEXIN_BENCH_CONNECTIONS
 * (32), KEXIN_BENCH_WRITE (0 to skip writing BENCHMARKS.md).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import os from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { sql } from "kysely";
import { openDatabase, type Database } from "../apps/server/src/db/database.ts";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";
import { buildPublishedSurvey } from "../apps/server/src/testing/surveys.ts";
import { writeBenchmarkSection } from "./support/benchmarks-file.ts";
import { benchDatabaseKinds, createThrowawayDatabase, type BenchDatabaseKind } from "./support/throwaway-database.ts";

const env = process.env;
const DATABASES = benchDatabaseKinds("pglite,postgres");
const SECONDS = Number(env.KEXIN_BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(env.KEXIN_BENCH_CONNECTIONS ?? 32);
const TARGET_RATE = 2_000;
const TARGET_P99_MS = 100;
const repoRoot = resolve(import.meta.dirname, "..");

/** A short after-purchase questionnaire: what a counter QR code collects. */
const definition = {
  title: { "zh-CN": "购物满意度", en: "Shopping satisfaction" },
  languages: ["zh-CN", "en"],
  pages: [
    {
      key: "main",
      questions: [
        { key: "csat", type: "csat", title: { "zh-CN": "总体满意度" } },
        { key: "nps", type: "nps", title: { "zh-CN": "推荐意愿" } },
        { key: "staff", type: "likert", points: 5, title: { "zh-CN": "店员服务" } },
        { key: "speed", type: "likert", points: 5, title: { "zh-CN": "结账速度" } },
        { key: "comment", type: "text", required: false, title: { "zh-CN": "意见建议" } },
      ],
    },
  ],
};

function answersFor(index: number) {
  return {
    csat: 1 + (index % 5),
    nps: index % 11,
    staff: 1 + ((index * 7) % 5),
    speed: 1 + ((index * 3) % 5),
    comment: index % 4 === 0 ? "排队时间有点长，店员态度很好" : "",
  };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

interface Target {
  name: BenchDatabaseKind;
  /** DATABASE_URL for the server process. */
  url: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

async function makeTarget(name: BenchDatabaseKind): Promise<Target> {
  const { url, drop } = await createThrowawayDatabase(name);
  return { name, url, open: () => openDatabase(url), dispose: drop };
}

interface Prepared {
  orgId: string;
  surveyId: string;
  version: number;
  slug: string;
  linkId: string;
}

async function prepare(target: Target): Promise<Prepared> {
  const database = await target.open();
  try {
    await migrateToLatest(database.db);
    const org = await database.db.insertInto("orgs").values({ name: "Bench org" }).returning("id").executeTakeFirstOrThrow();
    const survey = await buildPublishedSurvey(database.db, org.id, definition, { linkKind: "public" });
    return { orgId: org.id, ...survey };
  } finally {
    await database.close();
  }
}

/** The baseline: the same rows inserted with plain INSERT statements, one per row, for `seconds`. */
async function plainInsertRate(target: Target, prepared: Prepared, seconds: number): Promise<number> {
  const database = await target.open();
  const concurrency = target.name === "pglite" ? 1 : CONNECTIONS;
  let inserted = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      await sql`
        insert into survey_responses (org_id, survey_id, version, link_id, channel, language, submission_key, answers)
        values (${prepared.orgId}, ${prepared.surveyId}, ${prepared.version}, ${prepared.linkId}, 'link', 'zh-CN',
                ${randomUUID()}, ${JSON.stringify(answersFor(inserted))}::jsonb)
      `.execute(database.db);
      inserted++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await sql`delete from survey_responses where survey_id = ${prepared.surveyId}`.execute(database.db);
  await database.close();
  return inserted / elapsed;
}

async function startServer(target: Target): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const port = await freePort();
  // KEXIN_BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = env.KEXIN_BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", resolve(env.KEXIN_BENCH_PROFILE)] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", join(repoRoot, "apps/server/src/main.ts")], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: target.url,
      KEXIN_DEMO: "never",
      KEXIN_LOG_LEVEL: "warn",
      KEXIN_SUBMIT_RATE_LIMIT: "100000000",
      KEXIN_WEB_DIST: "/nonexistent",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error("the server exited during start-up");
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not yet listening
    }
    if (attempt > 600) throw new Error("the server did not start within 60 s");
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((done) => (child.exitCode !== null ? done(null) : child.once("exit", done)));
    },
  };
}

interface Row {
  database: string;
  answersPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  acknowledged: number;
  stored: number;
  insertsPerSecond: number;
}

async function runAutocannon(baseUrl: string, prepared: Prepared, seconds: number): Promise<autocannon.Result> {
  let sequence = 0;
  return autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/api/public/responses",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            slug: prepared.slug,
            version: prepared.version,
            submissionKey: randomUUID(),
            language: "zh-CN",
            answers: answersFor(sequence++),
          }),
        }),
      },
    ],
  });
}

async function measure(name: BenchDatabaseKind): Promise<Row> {
  const target = await makeTarget(name);
  try {
    const prepared = await prepare(target);
    const insertsPerSecond = await plainInsertRate(target, prepared, Math.min(SECONDS, 20));
    const server = await startServer(target);
    let result: autocannon.Result;
    try {
      await runAutocannon(server.baseUrl, prepared, 3); // warm-up: caches, JIT, connection pool
      result = await runAutocannon(server.baseUrl, prepared, SECONDS);
    } finally {
      await server.stop();
    }
    const database = await target.open();
    const stored = await database.db
      .selectFrom("survey_responses")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where("survey_id", "=", prepared.surveyId)
      .executeTakeFirstOrThrow();
    await database.close();
    const acknowledged = result["2xx"];
    return {
      database: name,
      answersPerSecond: acknowledged / SECONDS,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      acknowledged,
      stored: Number(stored.count),
      insertsPerSecond,
    };
  } finally {
    await target.dispose();
  }
}

const rows: Row[] = [];
for (const name of DATABASES) {
  console.error(`measuring ${name} (${SECONDS} s of load, ${CONNECTIONS} connections)…`);
  rows.push(await measure(name));
}

const header =
  "| database | answers/s (HTTP) | plain INSERT rows/s | HTTP ÷ INSERT | p50 ms | p99 ms | errors | non-2xx | stored − acknowledged (warm-up included) |\n" +
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
const table = rows
  .map(
    (row) =>
      `| ${row.database} | ${row.answersPerSecond.toFixed(0)} | ${row.insertsPerSecond.toFixed(0)} | ` +
      `${(row.answersPerSecond / row.insertsPerSecond).toFixed(2)} | ${row.p50} | ${row.p99} | ${row.errors} | ` +
      `${row.non2xx} | ${row.stored - row.acknowledged} |`,
  )
  .join("\n");
const postgres = rows.find((row) => row.database === "postgres");
const verdict = postgres
  ? `PostgreSQL target (≥ ${TARGET_RATE} answers/s, p99 < ${TARGET_P99_MS} ms, zero errors): ` +
    (postgres.answersPerSecond >= TARGET_RATE && postgres.p99 < TARGET_P99_MS && postgres.errors + postgres.non2xx === 0
      ? "met"
      : "NOT met")
  : "PostgreSQL not measured in this run";
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)} at the end`;
const body = `Public survey answers posted over HTTP on loopback by autocannon (${CONNECTIONS} connections, ${SECONDS} s, each
request a new submission key) to a Kexin server in its own process, against the baseline of a plain one-row INSERT
of the same rows on the same database in the same run (${CONNECTIONS} connections on PostgreSQL, PGlite's single
connection). autocannon runs on the same 2 cores as the server and the database. "stored − acknowledged" counts the
3 s warm-up's answers, which are stored too; it is never negative when nothing acknowledged was lost. The server
stores answers that arrive together in one statement (group commit, \`group-insert.ts\`); each is acknowledged only
after the commit that holds it.

${header}
${table}

${verdict}.

Machine: ${machine}. Command: \`npx tsx bench/ingest.ts\`.`;
console.log(`\n${body}\n`);
if (env.KEXIN_BENCH_WRITE !== "0") writeBenchmarkSection("## Survey ingest (public answers over HTTP)", body);
