import {
  csat,
  customerEffortScore,
  meanInterval,
  netPromoterScore,
  seededRandom,
  waveTrend,
  wilsonInterval,
} from "@kexin/analytics";
import type { OverviewReport, SurveyDefinitionInput } from "@kexin/contracts";
import { OverviewQuery } from "@kexin/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildPublishedSurvey, publishNextVersion } from "../../testing/surveys.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { getOverviewReport } from "./get-overview-report.ts";
import { insertAnswers, insertDraft, OVERVIEW_DEFINITION, pick, type TestAnswer } from "./report-test-data.ts";

const t = (zh: string, en: string) => ({ "zh-CN": zh, en });

const int = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const day = (iso: string) => new Date(`${iso}T04:00:00Z`);

interface Fixture {
  org: TestOrg;
  surveyId: string;
  answers: (TestAnswer & { tier: string | null })[];
}

async function buildFixture(db: Database["db"]): Promise<Fixture> {
  const org = await buildOrg(db);
  const { surveyId } = await buildPublishedSurvey(db, org.orgId, OVERVIEW_DEFINITION);
  const gold = await buildCustomer(db, org.orgId, { tags: ["vip", "new"] });
  const silver = await buildCustomer(db, org.orgId, { tags: [] });
  await db.updateTable("customers").set({ attributes: JSON.stringify({ tier: "gold" }) }).where("id", "=", gold.id).execute();
  await db.updateTable("customers").set({ attributes: JSON.stringify({ tier: "silver" }) }).where("id", "=", silver.id).execute();
  const random = seededRandom(11);
  const answers: Fixture["answers"] = [];
  const months = ["2025-01-10", "2025-02-12", "2025-03-14"];
  for (let i = 0; i < 150; i++) {
    const month = i < 40 ? 0 : i < 90 ? 1 : 2;
    // March is clearly better, so its changes are significant.
    const lift = month === 2 ? 2 : 0;
    const customer = pick(random, [gold, silver, null]);
    const answer: Record<string, unknown> = {
      overall: Math.min(5, int(random, 1, 5) + (lift ? 1 : 0)),
      recommend: Math.min(10, int(random, 0, 10) + lift * 2),
      effort: int(random, 1, 7),
      staff: int(random, 1, 5),
      visit: pick(random, ["first", "regular"]),
      aspects: { clean: int(random, 1, 5), fast: int(random, 1, 5) },
      versus: { us: int(random, 1, 5), rival: int(random, 1, 5) },
      reliable: { expectation: int(random, 1, 7), perception: int(random, 1, 7) },
      wifi: { functional: int(random, 1, 5), dysfunctional: int(random, 1, 5) },
    };
    if (random() < 0.7) answer.reasons = ["price", "near", "quality"].filter(() => random() < 0.5).concat("quality").filter((v, k, a) => a.indexOf(v) === k);
    if (random() < 0.5) answer.comment = pick(random, ["排队太久了", "服务很好，店员热情", "价格有点贵"]);
    answers.push({
      answers: answer,
      storeId: i % 3 === 0 ? org.storeB : org.storeA,
      staffId: i % 2 === 0 ? org.users.agent.id : null,
      customerId: customer?.id ?? null,
      tier: customer === gold ? "gold" : customer === silver ? "silver" : null,
      channel: pick(random, ["link", "kiosk", "email"] as const),
      language: pick(random, ["zh-CN", "en"] as const),
      submittedAt: day(months[month]),
    });
  }
  await insertAnswers(db, org.orgId, surveyId, answers);
  return { org, surveyId, answers };
}

const query = (input: Record<string, unknown> = {}) => OverviewQuery.parse(input);
const numbers = (answers: readonly TestAnswer[], key: string) => answers.map((a) => a.answers[key]).filter((v): v is number => typeof v === "number");
const scaleQuestion = (report: OverviewReport, key: string) => {
  const question = report.questions.find((q) => q.question.key === key)!;
  if (question.distribution.kind !== "scale") throw new Error(`${key} is not a scale question`);
  return question.distribution;
};

describe.each(testDatabaseKinds)("overview report on $name", (kind) => {
  let database: Database;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await kind.create();
    fixture = await buildFixture(database.db);
  });
  afterAll(() => database.close());

  it("computes every score with analytics on the same answers", async () => {
    const { db } = database;
    const report = await getOverviewReport({ db, actor: fixture.org.users.admin.actor, surveyId: fixture.surveyId, input: query() });
    const all = fixture.answers;
    expect(report.scope.responses).toBe(150);
    expect(report.scope.versions).toEqual([1]);

    const nps = netPromoterScore(numbers(all, "recommend"));
    expect(scaleQuestion(report, "recommend").nps).toEqual({
      n: nps.n, promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors,
      nps: nps.nps, standardError: nps.standardError, lower: nps.lower, upper: nps.upper,
    });
    const satisfaction = csat(numbers(all, "overall"));
    const wilson = wilsonInterval(satisfaction.satisfied, satisfaction.n);
    expect(scaleQuestion(report, "overall").csat).toEqual({
      n: 150, satisfied: satisfaction.satisfied, percent: satisfaction.percent, lower: 100 * wilson.lower, upper: 100 * wilson.upper,
    });
    const ces = customerEffortScore(numbers(all, "effort"));
    const cesInterval = meanInterval(numbers(all, "effort"));
    const reportedCes = scaleQuestion(report, "effort").ces!;
    expect(reportedCes.mean).toBeCloseTo(ces.mean, 12);
    expect(reportedCes.easyShare).toBe(ces.easyShare);
    expect(reportedCes.score100).toBeCloseTo(ces.score100, 10);
    expect(reportedCes.lower).toBeCloseTo(cesInterval.lower, 10);
    expect(reportedCes.upper).toBeCloseTo(cesInterval.upper, 10);
    const staff = scaleQuestion(report, "staff").stats;
    const staffInterval = meanInterval(numbers(all, "staff"));
    expect(staff.mean!.mean).toBeCloseTo(staffInterval.mean, 12);
    expect(staff.mean!.lower).toBeCloseTo(staffInterval.lower, 10);
    expect(staff.mean!.upper).toBeCloseTo(staffInterval.upper, 10);
    expect(staff.counts.map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
    for (const { value, count } of staff.counts) expect(count).toBe(numbers(all, "staff").filter((v) => v === value).length);
  });

  it("counts choices, rows, pairs and text answers", async () => {
    const report = await getOverviewReport({ db: database.db, actor: fixture.org.users.admin.actor, surveyId: fixture.surveyId, input: query() });
    const all = fixture.answers.map((a) => a.answers);
    const byKey = new Map(report.questions.map((q) => [q.question.key, q]));
    const visit = byKey.get("visit")!.distribution;
    expect(visit.kind).toBe("choice");
    if (visit.kind === "choice") {
      expect(visit.options.map((o) => [o.key, o.count])).toEqual([
        ["first", all.filter((a) => a.visit === "first").length],
        ["regular", all.filter((a) => a.visit === "regular").length],
      ]);
    }
    const reasons = byKey.get("reasons")!;
    const withReasons = all.filter((a) => Array.isArray(a.reasons));
    expect(reasons.answered).toBe(withReasons.length);
    if (reasons.distribution.kind === "choice") {
      const price = reasons.distribution.options.find((o) => o.key === "price")!;
      expect(price.count).toBe(withReasons.filter((a) => (a.reasons as string[]).includes("price")).length);
      expect(price.share).toBeCloseTo(price.count / withReasons.length, 12);
    }
    const aspects = byKey.get("aspects")!.distribution;
    if (aspects.kind !== "rows") throw new Error("aspects is a matrix");
    const fast = aspects.rows.find((r) => r.row === "fast")!;
    const fastValues = all.map((a) => (a.aspects as Record<string, number>).fast);
    expect(fast.stats.mean!.mean).toBeCloseTo(meanInterval(fastValues).mean, 12);
    expect(fast.stats.mean!.lower).toBeCloseTo(meanInterval(fastValues).lower, 10);
    const versus = byKey.get("versus")!.distribution;
    if (versus.kind !== "rows") throw new Error("versus has rows");
    expect(versus.rows.map((r) => r.row)).toEqual(["us", "rival"]);
    const reliable = byKey.get("reliable")!.distribution;
    if (reliable.kind !== "pair") throw new Error("reliable is a pair");
    const perception = all.map((a) => (a.reliable as Record<string, number>).perception);
    expect(reliable.parts[1].part).toBe("perception");
    expect(reliable.parts[1].stats.mean!.mean).toBeCloseTo(meanInterval(perception).mean, 12);
    const comment = byKey.get("comment")!;
    expect(comment.answered).toBe(all.filter((a) => typeof a.comment === "string").length);
    if (comment.distribution.kind !== "text") throw new Error("comment is text");
    // Themes come from the feedback inbox's text analysis (jieba), over the same answers.
    expect(comment.distribution.themes.length).toBeGreaterThan(0);
    for (const theme of comment.distribution.themes) {
      expect(theme.count).toBeLessThanOrEqual(comment.answered);
      expect(theme.count).toBe(all.filter((a) => typeof a.comment === "string" && a.comment.includes(theme.term)).length);
    }
  });

  it("marks significant changes month over month with waveTrend on the same answers", async () => {
    const report = await getOverviewReport({ db: database.db, actor: fixture.org.users.admin.actor, surveyId: fixture.surveyId, input: query({ interval: "month" }) });
    expect(report.keyMetrics.map((m) => [m.question, m.metric])).toEqual([["overall", "csat"], ["recommend", "nps"], ["effort", "ces"]]);
    const months = (start: string) => fixture.answers.filter((a) => a.submittedAt!.toISOString().startsWith(start.slice(0, 7)));
    const series = report.trend.series.find((s) => s.question === "recommend")!;
    expect(series.periods.map((p) => p.start)).toEqual(["2025-01-01", "2025-02-01", "2025-03-01"]);
    expect(series.periods[0].change).toBeNull();
    for (let i = 1; i < 3; i++) {
      const period = series.periods[i];
      const expected = waveTrend(numbers(months(series.periods[i - 1].start), "recommend"), numbers(months(period.start), "recommend"), { kind: "nps" });
      expect(period.value).toBeCloseTo(netPromoterScore(numbers(months(period.start), "recommend")).nps, 10);
      expect(period.change!.pValue).toBeCloseTo(expected.pValue, 10);
      expect(period.change!.isSignificant).toBe(expected.isSignificant);
      expect(period.change!.direction).toBe(expected.direction);
    }
    expect(series.periods[2].change!.isSignificant).toBe(true);
    expect(series.periods[2].change!.direction).toBe("up");
    const overall = report.trend.series.find((s) => s.question === "overall")!;
    const expectedCsat = waveTrend(numbers(months("2025-02"), "overall"), numbers(months("2025-03"), "overall"), { kind: "top-box", scale: { min: 1, max: 5 }, boxes: 2 });
    expect(overall.periods[2].change!.pValue).toBeCloseTo(expectedCsat.pValue, 10);
    const effort = report.trend.series.find((s) => s.question === "effort")!;
    const expectedCes = waveTrend(numbers(months("2025-01"), "effort"), numbers(months("2025-02"), "effort"), { kind: "mean", scale: { min: 1, max: 7 } });
    expect(effort.periods[1].change!.pValue).toBeCloseTo(expectedCes.pValue, 10);

    const weekly = await getOverviewReport({ db: database.db, actor: fixture.org.users.admin.actor, surveyId: fixture.surveyId, input: query({ interval: "week" }) });
    const weeks = weekly.trend.series[0].periods;
    expect(weeks[0].start).toBe("2025-01-06"); // the Monday of 10 January 2025
    expect(weeks.length).toBe(10); // 6 Jan … 10 Mar, empty weeks kept
    expect(weeks.filter((w) => w.n > 0).length).toBe(3);
    expect(weeks[1]).toMatchObject({ n: 0, value: null, change: null });
  });

  it("breaks the key metrics down by store, channel, staff, language, tag and customer attribute", async () => {
    const { db } = database;
    const actor = fixture.org.users.admin.actor;
    const byStore = await getOverviewReport({ db, actor, surveyId: fixture.surveyId, input: query({ groupBy: "store" }) });
    const storeB = byStore.breakdown!.groups.find((g) => g.key === fixture.org.storeB)!;
    const inB = fixture.answers.filter((a) => a.storeId === fixture.org.storeB);
    expect(storeB.label).toBe("Store B");
    expect(storeB.responses).toBe(inB.length);
    expect(storeB.metrics.find((m) => m.question === "recommend")!.value).toBeCloseTo(netPromoterScore(numbers(inB, "recommend")).nps, 10);

    const byTier = await getOverviewReport({ db, actor, surveyId: fixture.surveyId, input: query({ groupBy: "attribute:tier" }) });
    for (const tier of ["gold", "silver", null]) {
      const group = byTier.breakdown!.groups.find((g) => g.key === tier)!;
      const answers = fixture.answers.filter((a) => a.tier === tier);
      expect(group.responses).toBe(answers.length);
      const reported = group.metrics.find((m) => m.question === "overall")!;
      expect(reported.value).toBeCloseTo(csat(numbers(answers, "overall")).percent, 10);
    }
    const byTag = await getOverviewReport({ db, actor, surveyId: fixture.surveyId, input: query({ groupBy: "tag" }) });
    const gold = fixture.answers.filter((a) => a.tier === "gold").length;
    expect(byTag.breakdown!.groups.find((g) => g.key === "vip")!.responses).toBe(gold);
    expect(byTag.breakdown!.groups.find((g) => g.key === "new")!.responses).toBe(gold);
    expect(byTag.breakdown!.groups.find((g) => g.key === null)!.responses).toBe(150 - gold);

    const byStaff = await getOverviewReport({ db, actor, surveyId: fixture.surveyId, input: query({ groupBy: "staff" }) });
    expect(byStaff.breakdown!.groups.find((g) => g.key === fixture.org.users.agent.id)).toMatchObject({ label: "agent user", responses: 75 });
    for (const groupBy of ["channel", "language"] as const) {
      const report = await getOverviewReport({ db, actor, surveyId: fixture.surveyId, input: query({ groupBy }) });
      expect(report.breakdown!.groups.reduce((total, g) => total + g.responses, 0)).toBe(150);
    }
  });

  it("shows a store manager only the answers of their store, and filters by date and channel", async () => {
    const { db } = database;
    const onlyB = await getOverviewReport({ db, actor: fixture.org.users.storeManagerB.actor, surveyId: fixture.surveyId, input: query() });
    const inB = fixture.answers.filter((a) => a.storeId === fixture.org.storeB);
    expect(onlyB.scope.responses).toBe(inB.length);
    expect(scaleQuestion(onlyB, "recommend").nps!.nps).toBeCloseTo(netPromoterScore(numbers(inB, "recommend")).nps, 10);
    // Drafts carry no store: a store-bound role reading an organisation-wide survey gets no completion.
    expect(onlyB.completion).toBeNull();
    await expect(
      getOverviewReport({ db, actor: fixture.org.users.store_manager.actor, surveyId: fixture.surveyId, input: query({ storeId: fixture.org.storeB }) }),
    ).rejects.toMatchObject({ code: "store.not_found" });

    const february = await getOverviewReport({
      db, actor: fixture.org.users.admin.actor, surveyId: fixture.surveyId, input: query({ from: "2025-02-01", to: "2025-02-28", channel: "kiosk" }),
    });
    const expected = fixture.answers.filter((a) => a.submittedAt!.toISOString().startsWith("2025-02") && a.channel === "kiosk");
    expect(february.scope.responses).toBe(expected.length);
    expect(scaleQuestion(february, "overall").csat!.satisfied).toBe(csat(numbers(expected, "overall")).satisfied);
    await expect(
      getOverviewReport({ db, actor: fixture.org.users.admin.actor, surveyId: fixture.surveyId, input: query({ from: "2025-03-01", to: "2025-02-01" }) }),
    ).rejects.toMatchObject({ code: "report.invalid_dates", field: "to" });
  });

  it("answers not found for a store survey outside the actor's stores", async () => {
    const { db } = database;
    const { surveyId } = await buildPublishedSurvey(db, fixture.org.orgId, OVERVIEW_DEFINITION, { storeId: fixture.org.storeA });
    await expect(getOverviewReport({ db, actor: fixture.org.users.storeManagerB.actor, surveyId, input: query() })).rejects.toMatchObject({
      code: "survey.not_found",
    });
    const other = await buildOrg(db, "Other org");
    await expect(getOverviewReport({ db, actor: other.users.admin.actor, surveyId, input: query() })).rejects.toMatchObject({ code: "survey.not_found" });
  });

  it("reports completion and drop-off from drafts", async () => {
    const { db } = database;
    const org = await buildOrg(db);
    const { surveyId } = await buildPublishedSurvey(db, org.orgId, OVERVIEW_DEFINITION, { storeId: org.storeA });
    await insertAnswers(db, org.orgId, surveyId, [
      { answers: { overall: 5, recommend: 9 }, storeId: org.storeA },
      { answers: { overall: 4, recommend: 7 }, storeId: org.storeA },
    ]);
    await insertDraft(db, org.orgId, surveyId, { pageIndex: 0, answers: { overall: 2 } });
    await insertDraft(db, org.orgId, surveyId, { pageIndex: 1, answers: { overall: 3, recommend: 5 } });
    const report = await getOverviewReport({ db, actor: org.users.store_manager.actor, surveyId, input: query() });
    expect(report.completion).toMatchObject({ started: 4, submitted: 2, rate: 0.5 });
    expect(report.completion!.pages).toEqual([
      { page: "first", index: 0, reached: 4, stoppedHere: 1 },
      { page: "second", index: 1, reached: 3, stoppedHere: 1 },
    ]);
    expect(report.completion!.questions.find((q) => q.question === "recommend")).toEqual({ question: "recommend", reached: 3, rate: 0.75 });
    const filtered = await getOverviewReport({ db, actor: org.users.admin.actor, surveyId, input: query({ channel: "link" }) });
    expect(filtered.completion).toBeNull();
  });

  it("reads answers across versions by question key, and one version alone when asked", async () => {
    const { db } = database;
    const org = await buildOrg(db);
    const { surveyId } = await buildPublishedSurvey(db, org.orgId, OVERVIEW_DEFINITION);
    await insertAnswers(db, org.orgId, surveyId, [
      { answers: { overall: 5, recommend: 10, staff: 2 } },
      { answers: { overall: 1, recommend: 0, staff: 3 } },
    ]);
    const second = structuredClone(OVERVIEW_DEFINITION) as SurveyDefinitionInput;
    second.pages[0].questions.push({ key: "parking", type: "likert", points: 7, title: t("停车", "Parking") });
    // "staff" becomes a 7-point question: its version-1 answers (on 5 points) are not mixed in.
    second.pages[0].questions = second.pages[0].questions.map((q) => (q.key === "staff" ? { ...q, points: 7 } : q)) as typeof second.pages[0]["questions"];
    const version = await publishNextVersion(db, surveyId, second);
    await insertAnswers(db, org.orgId, surveyId, [
      { version, answers: { overall: 4, recommend: 9, parking: 6, staff: 7 } },
      { version, answers: { overall: 4, recommend: 8, parking: 2, staff: 6 } },
      { version, answers: { overall: 2, recommend: 3, parking: 7, staff: 7 } },
    ]);
    const actor = org.users.admin.actor;
    const report = await getOverviewReport({ db, actor, surveyId, input: query({ groupBy: "store" }) });
    expect(report.scope.versions).toEqual([1, 2]);
    expect(scaleQuestion(report, "recommend").nps).toMatchObject({ n: 5, nps: netPromoterScore([10, 0, 9, 8, 3]).nps });
    expect(scaleQuestion(report, "parking").stats.mean!.mean).toBeCloseTo(5, 12);
    expect(scaleQuestion(report, "parking").stats.n).toBe(3);
    expect(scaleQuestion(report, "staff").stats).toMatchObject({ min: 1, max: 7, n: 3 });
    const first = await getOverviewReport({ db, actor, surveyId, input: query({ version: 1 }) });
    expect(first.scope.responses).toBe(2);
    expect(first.questions.some((q) => q.question.key === "parking")).toBe(false);
    expect(scaleQuestion(first, "staff").stats).toMatchObject({ max: 5, n: 2 });
    await expect(getOverviewReport({ db, actor, surveyId, input: query({ version: 9 }) })).rejects.toMatchObject({
      code: "report.unknown_version",
      field: "version",
    });
  });
});
