import { estimatePls, histogramCsat, histogramNps, histogramWaveTrend, type Histogram } from "@kexin/analytics";
import { SurveyDefinition } from "@kexin/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { evaluateClosedLoop } from "../surveys/answering/closed-loop.ts";
import { sentimentScore } from "../text/index.ts";
import { DEMO_STORES } from "./demo-logins.ts";
import { DAY_MS, parseAnchorDate } from "./draws.ts";
import { monthStartNear } from "./plan-demo-responses.ts";
import { CSAT_IMPROVEMENT_DAYS_BEFORE, DEMO_SURVEY_COUNTS } from "./seed-demo-surveys.ts";
import { seedDemo } from "./seed-demo.ts";
import { ECSI_TRUE_PATHS, ecsiPlsModel } from "./simulate-ecsi-answers.ts";
import { WEAKEST_SUPERMARKET_INDICATOR } from "./simulate-survey-answers.ts";

const ANCHOR = "2025-06-30";
const anchorTime = parseAnchorDate(ANCHOR);
// 1,000 customers are enough for every documented count (about 400 of them can be emailed) and seed in half the time.
const CUSTOMERS = 1000;

interface ResponseRow {
  id: string;
  survey: string;
  channel: string;
  language: string;
  customer_id: string | null;
  home_store_id: string | null;
  store_code: string | null;
  link_kind: string | null;
  invitation_id: string | null;
  answers: Record<string, unknown>;
  submitted_at: Date;
}

/** One hash per table the survey seed writes, over every column but the secret ones (slugs, token hashes). */
async function surveyDigest(database: Database, orgId: string): Promise<Record<string, string>> {
  const { rows } = await sql<Record<string, string>>`
    select
      (select md5(string_agg(concat_ws('|', id, name, status, template_key, draft::text, current_version, created_by, created_at, updated_at), ',' order by id))
         from surveys where org_id = ${orgId}) as surveys,
      (select md5(string_agg(concat_ws('|', survey_id, version, definition::text, published_at, published_by), ',' order by survey_id))
         from survey_versions where org_id = ${orgId}) as versions,
      (select md5(string_agg(concat_ws('|', id, survey_id, kind, store_id, label, is_active, created_at), ',' order by id))
         from survey_links where org_id = ${orgId}) as links,
      (select md5(string_agg(concat_ws('|', id, survey_id, customer_id, email, language, status, attempts, error, sent_at,
              reminded_at, answered_at, response_id, created_by, created_at), ',' order by id))
         from survey_invitations where org_id = ${orgId}) as invitations,
      (select md5(string_agg(concat_ws('|', id, survey_id, version, link_id, invitation_id, customer_id, store_id, channel,
              language, submission_key, answers::text, started_at, submitted_at), ',' order by id))
         from survey_responses where org_id = ${orgId}) as responses,
      (select md5(string_agg(concat_ws('|', id, status, title, detail, customer_id, store_id, assignee_id, source_id, survey_id,
              dedupe_key, due_at, outcome, outcome_note, closed_by, created_at, closed_at), ',' order by id))
         from tasks where org_id = ${orgId} and source_type is distinct from 'plan') as tasks, -- plan tasks: seed-demo-plans
      (select md5(string_agg(concat_ws('|', id, customer_id, store_id, user_id, kind, occurred_at, summary, body), ',' order by id))
         from interactions where org_id = ${orgId} and kind in ('survey', 'task')) as timeline
  `.execute(database.db);
  return rows[0];
}

const histogramOf = (values: number[]): Histogram => {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([value, count]) => ({ value, count }));
};
const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe.each(testDatabaseKinds)("demo surveys on $name", (kind) => {
  let database: Database;
  let orgId: string;
  let responses: ResponseRow[];
  let surveys: { id: string; name: string; template_key: string; status: string; current_version: number; definition: SurveyDefinition }[];
  const bySurvey = (template: string) => responses.filter((row) => row.survey === template);

  beforeAll(async () => {
    database = await kind.create();
    ({ orgId } = await seedDemo(database.db, { anchorDate: ANCHOR, customerCount: CUSTOMERS }));
    const surveyRows = await database.db
      .selectFrom("surveys as s")
      .innerJoin("survey_versions as v", (join) => join.onRef("v.survey_id", "=", "s.id").on("v.version", "=", 1))
      .select(["s.id", "s.name", "s.template_key", "s.status", "s.current_version", "v.definition"])
      .where("s.org_id", "=", orgId)
      .execute();
    surveys = surveyRows.map((row) => ({
      ...row,
      template_key: row.template_key!,
      current_version: row.current_version!,
      definition: SurveyDefinition.parse(row.definition),
    }));
    const { rows } = await sql<ResponseRow>`
      select r.id, s.template_key as survey, r.channel, r.language, r.customer_id, c.home_store_id, st.code as store_code,
             l.kind as link_kind, r.invitation_id, r.answers, r.submitted_at
      from survey_responses r
        join surveys s on s.id = r.survey_id
        left join customers c on c.id = r.customer_id
        left join stores st on st.id = r.store_id
        left join survey_links l on l.id = r.link_id
      where r.org_id = ${orgId}
      order by r.submitted_at`.execute(database.db);
    responses = rows;
  });
  afterAll(async () => {
    await database.close();
  });

  it("seeds four live surveys from templates with the documented answers, channels and invitations", async () => {
    expect(surveys.map((survey) => [survey.name, survey.template_key, survey.status, survey.current_version]).sort()).toEqual([
      ["客户满意度指数 (ECSI)", "ecsi-model", "live", 1],
      ["年度客户关系 NPS", "nps-relationship", "live", 1],
      ["购后满意度回访", "csat-after-purchase", "live", 1],
      ["超市满意度指数", "supermarket-index", "live", 1],
    ]);
    const csat = bySurvey("csat-after-purchase");
    expect(csat).toHaveLength(DEMO_SURVEY_COUNTS.csatResponses);
    expect(new Set(csat.map((row) => `${row.channel}/${row.link_kind}/${row.store_code}`))).toEqual(
      new Set([`link/public/${DEMO_STORES[0].code}`, `link/public/${DEMO_STORES[1].code}`, `kiosk/kiosk/${DEMO_STORES[0].code}`]),
    );
    const nps = bySurvey("nps-relationship");
    expect(nps).toHaveLength(DEMO_SURVEY_COUNTS.npsAnswered);
    expect(nps.every((row) => row.channel === "email")).toBe(true);
    const ecsi = bySurvey("ecsi-model");
    expect(ecsi.filter((row) => row.channel === "email")).toHaveLength(DEMO_SURVEY_COUNTS.ecsiAnswered);
    expect(ecsi.filter((row) => row.channel === "link")).toHaveLength(DEMO_SURVEY_COUNTS.ecsiLinkResponses);
    expect(bySurvey("supermarket-index")).toHaveLength(DEMO_SURVEY_COUNTS.supermarketResponses);

    // Identified exactly when answered through an invitation, and then filed under the customer's home store.
    for (const row of responses) {
      expect(row.customer_id !== null).toBe(row.invitation_id !== null);
      if (row.customer_id) expect(row.store_code).not.toBeNull();
    }
    const { rows: misfiled } = await sql<{ n: number }>`
      select count(*)::int as n from survey_responses r join customers c on c.id = r.customer_id
      where r.org_id = ${orgId} and r.store_id is distinct from c.home_store_id`.execute(database.db);
    expect(misfiled[0].n).toBe(0);

    const { rows: invitations } = await sql<{ survey: string; status: string; n: number; linked: number; reminded: number }>`
      select s.template_key as survey, i.status, count(*)::int as n,
             count(*) filter (where r.invitation_id = i.id and r.customer_id = i.customer_id)::int as linked,
             count(*) filter (where i.reminded_at is not null)::int as reminded
      from survey_invitations i join surveys s on s.id = i.survey_id
        left join survey_responses r on r.id = i.response_id
      where i.org_id = ${orgId} group by 1, 2 order by 1, 2`.execute(database.db);
    expect(invitations).toEqual([
      { survey: "ecsi-model", status: "answered", n: DEMO_SURVEY_COUNTS.ecsiAnswered, linked: DEMO_SURVEY_COUNTS.ecsiAnswered, reminded: expect.any(Number) },
      { survey: "ecsi-model", status: "sent", n: DEMO_SURVEY_COUNTS.ecsiUnanswered, linked: 0, reminded: DEMO_SURVEY_COUNTS.ecsiUnanswered },
      { survey: "nps-relationship", status: "answered", n: DEMO_SURVEY_COUNTS.npsAnswered, linked: DEMO_SURVEY_COUNTS.npsAnswered, reminded: expect.any(Number) },
      { survey: "nps-relationship", status: "failed", n: DEMO_SURVEY_COUNTS.npsFailed, linked: 0, reminded: 0 },
      { survey: "nps-relationship", status: "sent", n: DEMO_SURVEY_COUNTS.npsUnanswered, linked: 0, reminded: DEMO_SURVEY_COUNTS.npsUnanswered },
    ]);
  });

  it("spreads answers over the year before the anchor, denser recently, mostly in Chinese", () => {
    const times = responses.map((row) => new Date(row.submitted_at).getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(anchorTime - 365 * DAY_MS);
    expect(Math.max(...times)).toBeLessThan(anchorTime);
    const inQuarter = (quarter: number) =>
      times.filter((time) => time >= anchorTime - (4 - quarter) * 91 * DAY_MS && time < anchorTime - (3 - quarter) * 91 * DAY_MS).length;
    expect(inQuarter(3)).toBeGreaterThan(1.8 * inQuarter(0));
    const english = responses.filter((row) => row.language === "en").length / responses.length;
    expect(english).toBeGreaterThan(0.03);
    expect(english).toBeLessThan(0.15);
    expect(responses.every((row) => row.language === "en" || row.language === "zh-CN")).toBe(true);
  });

  it("puts the designed structure in the answers: a CSAT step up, a weaker second store, NPS about +20, checkout weakest", () => {
    const csat = bySurvey("csat-after-purchase");
    const improvementStart = monthStartNear(anchorTime, CSAT_IMPROVEMENT_DAYS_BEFORE);
    const monthBefore = monthStartNear(improvementStart - 15 * DAY_MS, 0);
    const monthAfter = monthStartNear(improvementStart + 45 * DAY_MS, 0);
    const scoresBetween = (from: number, to: number) =>
      csat.filter((row) => +new Date(row.submitted_at) >= from && +new Date(row.submitted_at) < to).map((row) => row.answers.overall_csat as number);
    const trend = histogramWaveTrend(histogramOf(scoresBetween(monthBefore, improvementStart)), histogramOf(scoresBetween(improvementStart, monthAfter)), {
      kind: "top-box",
      scale: { min: 1, max: 5 },
      boxes: 2,
    });
    expect(trend.direction).toBe("up");
    const overall = histogramCsat(histogramOf(csat.map((row) => row.answers.overall_csat as number))).percent;
    expect(overall).toBeGreaterThan(68);
    expect(overall).toBeLessThan(85);
    for (const attribute of ["staff_attitude", "service_speed"]) {
      const ratings = (code: string) =>
        csat.filter((row) => row.store_code === code && typeof row.answers[attribute] === "number").map((row) => row.answers[attribute] as number);
      expect(meanOf(ratings(DEMO_STORES[0].code)) - meanOf(ratings(DEMO_STORES[1].code))).toBeGreaterThan(0.15);
    }

    const nps = histogramNps(histogramOf(bySurvey("nps-relationship").map((row) => row.answers.nps as number))).nps;
    expect(nps).toBeGreaterThan(5);
    expect(nps).toBeLessThan(35);

    const supermarket = bySurvey("supermarket-index");
    const indicatorMeans = Object.fromEntries(
      ["goods_variety", "goods_in_stock", "price_level", "price_promotions", "service_attitude", "service_help", WEAKEST_SUPERMARKET_INDICATOR, "conv_parking"].map(
        (key) => [key, meanOf(supermarket.filter((row) => typeof row.answers[key] === "number").map((row) => row.answers[key] as number))],
      ),
    );
    const { [WEAKEST_SUPERMARKET_INDICATOR]: weakest, ...others } = indicatorMeans;
    expect(Math.min(...Object.values(others)) - weakest).toBeGreaterThan(0.5);
  });

  it("writes comments that agree with the scores", () => {
    const csat = bySurvey("csat-after-purchase").filter((row) => typeof row.answers.improvement === "string");
    const sentiment = (rows: ResponseRow[]) => meanOf(rows.map((row) => sentimentScore(row.answers.improvement as string)));
    expect(sentiment(csat.filter((row) => (row.answers.overall_csat as number) <= 2))).toBeLessThan(-0.2);
    expect(sentiment(csat.filter((row) => row.answers.overall_csat === 5))).toBeGreaterThan(0);
    const english = csat.filter((row) => row.language === "en");
    expect(english.length).toBeGreaterThan(0);
    expect(english.every((row) => /^[\x20-\x7e’]+$/.test(row.answers.improvement as string))).toBe(true);
  });

  it("gives ECSI answers from which PLS recovers the chosen path coefficients", () => {
    const survey = surveys.find((candidate) => candidate.template_key === "ecsi-model")!;
    const model = ecsiPlsModel(survey.definition);
    const rows = bySurvey("ecsi-model");
    const items = model.constructs.flatMap((construct) => construct.indicators);
    const data = Object.fromEntries(items.map((item) => [item, Float64Array.from(rows, (row) => row.answers[item] as number)]));
    const result = estimatePls(data, model);
    expect(result.cases.used).toBe(DEMO_SURVEY_COUNTS.ecsiAnswered + DEMO_SURVEY_COUNTS.ecsiLinkResponses);
    const errors = result.paths.map((path) => path.estimate - ECSI_TRUE_PATHS[`${path.from}→${path.to}`]);
    // About three standard errors at 400 answers (≈0.045 each) plus PLS's attenuation of strong paths.
    for (const error of errors) expect(Math.abs(error)).toBeLessThan(0.15);
    expect(meanOf(errors.map(Math.abs))).toBeLessThan(0.07);
  });

  it("opens follow-up tasks for low scores only, as the closed loop would, and leaves timeline entries", async () => {
    const tasks = await database.db
      .selectFrom("tasks")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("source_type", "=", "survey_response")
      .execute();
    const definitions = new Map(surveys.map((survey) => [survey.template_key, survey.definition]));
    const expected = responses.filter((row) => evaluateClosedLoop(definitions.get(row.survey)!, row.answers as never).length > 0);
    const low = (row: ResponseRow) =>
      row.survey === "nps-relationship"
        ? (row.answers.nps as number) <= 6
        : ((row.answers.overall_csat ?? row.answers.recent_csat) as number) <= 2;
    expect(expected.every(low)).toBe(true);
    expect(responses.filter(low)).toHaveLength(expected.length);
    expect(tasks.map((task) => task.source_id).sort()).toEqual(expected.map((row) => row.id).sort());

    const byId = new Map(responses.map((row) => [row.id, row]));
    for (const task of tasks) {
      const response = byId.get(task.source_id!)!;
      expect(task.customer_id).toBe(response.customer_id);
      expect(task.dedupe_key).toBe(`survey_response:${response.id}:0`);
      if (task.status !== "open") expect(task.closed_at && task.closed_by).toBeTruthy();
      if (task.status === "done") expect(task.outcome).not.toBeNull();
    }
    const anonymous = tasks.filter((task) => task.customer_id === null);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((task) => task.assignee_id === null && task.store_id !== null)).toBe(true);
    const npsTasks = tasks.filter((task) => byId.get(task.source_id!)!.survey === "nps-relationship");
    expect(npsTasks.length).toBeGreaterThan(30);
    expect(npsTasks.every((task) => task.assignee_id !== null && task.title.startsWith("NPS "))).toBe(true);
    const open = tasks.filter((task) => task.status === "open");
    expect(tasks.filter((task) => task.status === "done").length).toBeGreaterThan(open.length);
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((task) => task.due_at.getTime() < anchorTime).length).toBeGreaterThan(0);

    const { rows: timeline } = await sql<{ identified: number; entries: number; matching: number; task_lines: number }>`
      select (select count(*)::int from survey_responses where org_id = ${orgId} and customer_id is not null) as identified,
             (select count(*)::int from interactions where org_id = ${orgId} and kind = 'survey') as entries,
             (select count(*)::int from interactions i join survey_responses r
                on r.customer_id = i.customer_id and r.submitted_at = i.occurred_at
              where i.org_id = ${orgId} and i.kind = 'survey') as matching,
             (select count(*)::int from interactions i join tasks t on t.customer_id = i.customer_id and t.title = i.summary
              where i.org_id = ${orgId} and i.kind = 'task' and t.source_type = 'survey_response') as task_lines`.execute(database.db);
    expect(timeline[0].entries).toBe(timeline[0].identified);
    expect(timeline[0].matching).toBe(timeline[0].identified);
    expect(timeline[0].task_lines).toBe(tasks.filter((task) => task.customer_id !== null).length);
  });

  it("seeds identical survey rows again for the same seed and anchor", async () => {
    const before = await surveyDigest(database, orgId);
    expect(Object.values(before).every((digest) => typeof digest === "string")).toBe(true);
    const again = await seedDemo(database.db, { anchorDate: ANCHOR, customerCount: CUSTOMERS, reset: true });
    expect(again.orgId).toBe(orgId);
    expect(await surveyDigest(database, orgId)).toEqual(before);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from surveys`.execute(database.db);
    expect(rows[0].n).toBe(4);
  });
});
