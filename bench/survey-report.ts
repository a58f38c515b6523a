/**
 * Survey report benchmark: the overview report (distributions, CSAT/NPS/CES with intervals, monthly trend with
 * significance, breakdown by store, open-text themes) over 1,000,000 stored answers, against the baseline of the
 * cheapest query that reads every answer once (count and one average) on the same data in the same run.
 *
 *   npx tsx bench/survey-report.ts
 *
 * Environment: KEXIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:55432/postgres; a fresh database is
 * created and dropped), KEXIN_BENCH_DATABASES (postgres; add pglite to measure the embedded database too),
 * KEXIN_BENCH_ANSWERS (1000000), KEXIN_BENCH_RUNS (5), KEXIN_BENCH_WRITE (0 to skip writing BENCHMARKS.md).
 */
import os from "node:os";
import { OverviewQuery } from "@kexin/contracts";
import { sql } from "kysely";
import type { Database } from "../apps/server/src/db/database.ts";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";
import { systemActor } from "../apps/server/src/domain/auth/system-actor.ts";
import { getOverviewReport } from "../apps/server/src/domain/reports/get-overview-report.ts";
import { buildPublishedSurvey } from "../apps/server/src/testing/surveys.ts";
import { formatMs, writeBenchmarkSection } from "./support/benchmarks-file.ts";
import { benchDatabaseKinds, openThrowawayDatabase, type BenchDatabaseKind } from "./support/throwaway-database.ts";

const env = process.env;
const DATABASES = benchDatabaseKinds("postgres");
const ANSWERS = Number(env.KEXIN_BENCH_ANSWERS ?? 1_000_000);
const RUNS = Number(env.KEXIN_BENCH_RUNS ?? 5);
const TARGET_MS = 2_000;
const NOW = new Date("2026-11-20T12:00:00Z");

const definition = {
  title: { "zh-CN": "购物满意度", en: "Shopping satisfaction" },
  languages: ["zh-CN", "en"],
  pages: [
    {
      key: "main",
      questions: [
        { key: "csat", type: "csat", title: { "zh-CN": "总体满意度" } },
        { key: "nps", type: "nps", title: { "zh-CN": "推荐意愿" } },
        { key: "ces", type: "ces", title: { "zh-CN": "办理容易" } },
        { key: "staff", type: "likert", points: 5, title: { "zh-CN": "店员服务" } },
        { key: "speed", type: "likert", points: 5, title: { "zh-CN": "结账速度" } },
        {
          key: "visit",
          type: "single_choice",
          title: { "zh-CN": "来店目的" },
          options: [
            { key: "daily", label: { "zh-CN": "日常采购" } },
            { key: "gift", label: { "zh-CN": "买礼物" } },
            { key: "browse", label: { "zh-CN": "随便逛逛" } },
          ],
        },
        { key: "comment", type: "text", required: false, title: { "zh-CN": "意见建议" } },
      ],
    },
  ],
};

/** ANSWERS answers over the year before NOW, three stores, generated in the database in batches of 100,000. */
async function generateAnswers(database: Database): Promise<{ orgId: string; surveyId: string; seconds: number }> {
  const { db } = database;
  await migrateToLatest(db);
  const org = await db.insertInto("orgs").values({ name: "Bench org" }).returning("id").executeTakeFirstOrThrow();
  const stores = await db
    .insertInto("stores")
    .values(["SH01", "BJ01", "GZ01"].map((code) => ({ org_id: org.id, code, name: code })))
    .returning("id")
    .execute();
  const survey = await buildPublishedSurvey(db, org.id, definition);
  const started = performance.now();
  await sql`select setseed(0.42)`.execute(db);
  for (let offset = 0; offset < ANSWERS; offset += 100_000) {
    const batch = Math.min(100_000, ANSWERS - offset);
    await sql`
      insert into survey_responses (org_id, survey_id, version, link_id, store_id, channel, language, submission_key,
                                    answers, submitted_at)
      select ${org.id}, ${survey.surveyId}, 1, ${survey.linkId},
             (array[${stores[0].id}, ${stores[1].id}, ${stores[2].id}]::uuid[])[1 + (n % 3)],
             case when n % 5 = 0 then 'kiosk' else 'link' end, case when n % 10 = 0 then 'en' else 'zh-CN' end,
             gen_random_uuid(),
             jsonb_strip_nulls(jsonb_build_object(
               'csat', least(5, greatest(1, round(3.9 + random() * 2 - 1 + (n % 3) * 0.1)::int)),
               'nps', least(10, greatest(0, round(7.5 + (random() - 0.5) * 7)::int)),
               'ces', least(7, greatest(1, round(5 + (random() - 0.5) * 4)::int)),
               'staff', 1 + floor(random() * 5)::int,
               'speed', 1 + floor(random() * 5)::int,
               'visit', (array['daily', 'gift', 'browse'])[1 + (n % 3)],
               'comment', case when n % 20 = 0 then (array['排队时间太长，收银台太少', '店员很热情，环境干净',
                 'The staff were friendly', '生鲜不够新鲜，价格偏贵'])[1 + (n / 20) % 4] end)),
             ${NOW}::timestamptz - (random() * interval '365 days')
      from generate_series(${offset + 1}::int, ${offset + batch}::int) as n
    `.execute(db);
  }
  await sql`analyze survey_responses`.execute(db);
  return { orgId: org.id, surveyId: survey.surveyId, seconds: (performance.now() - started) / 1000 };
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Row {
  database: string;
  generateSeconds: number;
  report: number;
  reportWorst: number;
  reportByStore: number;
  baseline: number;
  responses: number;
}

async function measure(name: BenchDatabaseKind): Promise<Row> {
  const { database, dispose } = await openThrowawayDatabase(name);
  try {
    const { orgId, surveyId, seconds } = await generateAnswers(database);
    const actor = systemActor(orgId);
    const overview = (groupBy?: string) =>
      getOverviewReport({ db: database.db, actor, surveyId, input: OverviewQuery.parse({ groupBy }), now: NOW });
    const baselineQuery = () =>
      sql`select count(*), avg((answers->>'csat')::int) from survey_responses
          where org_id = ${orgId} and survey_id = ${surveyId}`.execute(database.db);
    const first = await overview(); // warm-up: caches, JIT, buffers
    await baselineQuery();
    const report: number[] = [];
    const byStore: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      baseline.push(await timed(baselineQuery));
      report.push(await timed(() => overview()));
      byStore.push(await timed(() => overview("store")));
    }
    return {
      database: name,
      generateSeconds: seconds,
      report: median(report),
      reportWorst: Math.max(...report),
      reportByStore: median(byStore),
      baseline: median(baseline),
      responses: first.scope.responses,
    };
  } finally {
    await dispose();
  }
}

const rows: Row[] = [];
for (const name of DATABASES) {
  console.error(`measuring ${name} (${ANSWERS.toLocaleString("en")} answers)…`);
  rows.push(await measure(name));
}
const table = [
  "| database | answers | overview report (median) | worst of runs | with breakdown by store | baseline: one scan (count + avg) | report ÷ scan | target < 2 s |",
  "|---|---:|---:|---:|---:|---:|---:|---|",
  ...rows.map(
    (row) =>
      `| ${row.database} | ${row.responses.toLocaleString("en")} | ${formatMs(row.report)} ms | ${formatMs(row.reportWorst)} ms | ` +
      `${formatMs(row.reportByStore)} ms | ${formatMs(row.baseline)} ms | ${(row.report / row.baseline).toFixed(1)} | ` +
      `${row.reportByStore < TARGET_MS && row.reportWorst < TARGET_MS ? "met" : "NOT met"} |`,
  ),
].join("\n");
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)} at the end`;
const body = `The survey overview (every question's distribution, CSAT/NPS/CES with 95% intervals, monthly trend with
significance tests, open-text themes; and again with a breakdown by store) computed by \`getOverviewReport\` over
${ANSWERS.toLocaleString("en")} stored answers (7 questions, 12 months, 3 stores), median of ${RUNS} runs after one
warm-up, against the baseline of the cheapest query that reads every answer once. Answers generated in the database
(${rows.map((row) => `${row.database} ${row.generateSeconds.toFixed(0)} s`).join(", ")}).

${table}

Machine: ${machine}. Command: \`npx tsx bench/survey-report.ts\`.`;
console.log(`\n${body}\n`);
if (env.KEXIN_BENCH_WRITE !== "0") writeBenchmarkSection("## Survey report over 1,000,000 answers", body);
