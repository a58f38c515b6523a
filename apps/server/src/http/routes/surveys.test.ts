import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SurveyDefinition,
  type SurveyDetail,
  type SurveyList,
  type SurveyResponseList,
  type SurveyTemplateList,
  type SurveyVersionDetail,
} from "@kexin/contracts";
import type { Database } from "../../db/database.ts";
import { insertResponse, testDefinition } from "../../domain/surveys/survey-test-data.ts";
import { surveyTemplates } from "../../domain/surveys/templates/index.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

describe.each(testDatabaseKinds)("survey building on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;

  const call = (who: SessionKey, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  /** Sends and expects `status`, returning the parsed body. */
  async function expectStatus<T>(status: number, who: SessionKey, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
    const response = await call(who, method, url, payload);
    expect(response.statusCode, `${method} ${url} as ${who}: ${response.body}`).toBe(status);
    return response.json() as T;
  }
  const createSurvey = (who: SessionKey, body: object) => expectStatus<SurveyDetail>(201, who, "POST", "/api/surveys", body);
  const listIds = async (who: SessionKey) =>
    (await expectStatus<SurveyList>(200, who, "GET", "/api/surveys")).items.map((item) => item.id);

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  describe("creating", () => {
    it("starts an empty one-page survey titled with its name in the chosen language", async () => {
      const survey = await createSurvey("manager", { name: "Lounge survey", locale: "en" });
      expect(survey).toMatchObject({
        name: "Lounge survey",
        status: "draft",
        storeId: null,
        currentVersion: null,
        responseCount: 0,
        title: { en: "Lounge survey" },
        hasUnpublishedChanges: true,
        versions: [],
      });
      expect(survey.draft).toMatchObject({ languages: ["en"], pages: [{ key: "page_1", questions: [] }], closedLoop: [] });
    });

    it("starts from a given definition, defaults filled in", async () => {
      const survey = await createSurvey("admin", { name: "购物满意度", definition: testDefinition() });
      expect(survey.draft.pages[0].questions.map((question) => question.key)).toEqual(["overall", "recommend", "visit", "comment"]);
      expect(survey.draft.pages[0].questions[0]).toMatchObject({ type: "csat", points: 5, required: true });
      expect(survey.title).toEqual({ "zh-CN": "购物满意度", en: "Shopping satisfaction" });
    });

    it.skipIf(surveyTemplates.length === 0)("copies the first template with all its texts, the chosen language first", async () => {
      const template = surveyTemplates[0];
      const expected = SurveyDefinition.parse(structuredClone(template.definition));
      const locale = expected.languages[expected.languages.length - 1];
      const survey = await createSurvey("manager", { name: "From a template", templateKey: template.key, locale });
      expect(survey.draft.languages[0]).toBe(locale);
      expect([...survey.draft.languages].sort()).toEqual([...expected.languages].sort());
      expect(survey.draft.title).toEqual(expected.title);
      expect(survey.draft.pages).toEqual(expected.pages);
      const { items } = await expectStatus<SurveyTemplateList>(200, "agent", "GET", "/api/survey-templates");
      expect(items.find((item) => item.key === template.key)?.questionCount).toBe(
        expected.pages.reduce((sum, page) => sum + page.questions.length, 0),
      );
    });

    it("lists every template with its question count", async () => {
      const { items } = await expectStatus<SurveyTemplateList>(200, "agent", "GET", "/api/survey-templates");
      expect(items.map((item) => item.key)).toEqual(surveyTemplates.map((template) => template.key));
      for (const item of items) expect(item.questionCount).toBeGreaterThan(0);
    });

    it("makes a publishable survey from every template", async () => {
      for (const template of surveyTemplates) {
        const survey = await createSurvey("admin", { name: template.key, templateKey: template.key });
        const published = await expectStatus<SurveyDetail>(200, "admin", "POST", `/api/surveys/${survey.id}/publish`);
        expect(published.currentVersion, template.key).toBe(1);
      }
    });

    it("refuses an unknown template, naming templateKey", async () => {
      const error = await expectStatus<{ error: { code: string; field: string } }>(400, "admin", "POST", "/api/surveys", {
        name: "Nope",
        templateKey: "no_such_template",
      });
      expect(error.error).toMatchObject({ code: "survey.template_unknown", field: "templateKey" });
    });

    it("refuses a template and a definition together", async () => {
      const error = await expectStatus<{ error: { field: string } }>(400, "admin", "POST", "/api/surveys", {
        name: "Both",
        templateKey: "anything",
        definition: testDefinition(),
      });
      expect(error.error.field).toBe("templateKey");
    });

    it("does not let agents build surveys", async () => {
      const error = await expectStatus<{ error: { code: string } }>(403, "agent", "POST", "/api/surveys", { name: "Agent's" });
      expect(error.error.code).toBe("auth.forbidden");
    });
  });

  describe("saving the draft", () => {
    it("names the field at fault: a duplicate or malformed question key, a dangling show-if", async () => {
      const survey = await createSurvey("admin", { name: "Validation", definition: testDefinition() });
      const duplicate = structuredClone(survey.draft);
      duplicate.pages[0].questions[2].key = "overall";
      const first = await expectStatus<{ error: { code: string; field: string; message: string } }>(
        400, "admin", "PATCH", `/api/surveys/${survey.id}`, { definition: duplicate },
      );
      expect(first.error).toMatchObject({ code: "request.invalid", field: "definition.pages.0.questions.2.key" });
      expect(first.error.message).toContain("overall");

      const malformed = structuredClone(survey.draft);
      malformed.pages[0].questions[2].key = "Visit Frequency";
      const second = await expectStatus<{ error: { field: string } }>(400, "admin", "PATCH", `/api/surveys/${survey.id}`, {
        definition: malformed,
      });
      expect(second.error.field).toBe("definition.pages.0.questions.2.key");

      const dangling = structuredClone(survey.draft);
      dangling.pages[0].questions[1].showIf = [{ question: "comment", operator: "answered" }];
      const third = await expectStatus<{ error: { field: string } }>(400, "admin", "PATCH", `/api/surveys/${survey.id}`, {
        definition: dangling,
      });
      expect(third.error.field).toBe("definition.pages.0.questions.1.showIf.0.question");

      const stored = await expectStatus<SurveyDetail>(200, "admin", "GET", `/api/surveys/${survey.id}`);
      expect(stored.draft).toEqual(survey.draft);
    });

    it("saves the name and the draft, keeping versions; publishing shows the history", async () => {
      const survey = await createSurvey("admin", { name: "History", definition: testDefinition() });
      const published = await expectStatus<SurveyDetail>(200, "admin", "POST", `/api/surveys/${survey.id}/publish`);
      expect(published).toMatchObject({ status: "live", currentVersion: 1, hasUnpublishedChanges: false });

      const draft = structuredClone(published.draft);
      draft.pages[0].questions.push({ key: "staff", type: "likert", points: 7, labels: "satisfaction", required: true, title: { en: "Staff" } });
      const saved = await expectStatus<SurveyDetail>(200, "admin", "PATCH", `/api/surveys/${survey.id}`, {
        name: "History (renamed)",
        definition: draft,
      });
      expect(saved).toMatchObject({ name: "History (renamed)", status: "live", currentVersion: 1, hasUnpublishedChanges: true });
      const v1 = await expectStatus<SurveyVersionDetail>(200, "agent", "GET", `/api/surveys/${survey.id}/versions/1`);
      expect(v1.definition.pages[0].questions).toHaveLength(4);

      const second = await expectStatus<SurveyDetail>(200, "admin", "POST", `/api/surveys/${survey.id}/publish`);
      expect(second.versions.map((version) => version.version)).toEqual([2, 1]);
      const v2 = await expectStatus<SurveyVersionDetail>(200, "agent", "GET", `/api/surveys/${survey.id}/versions/2`);
      expect(v2.definition.pages[0].questions).toHaveLength(5);
      await expectStatus(404, "agent", "GET", `/api/surveys/${survey.id}/versions/3`);
    });

    it("closes and reopens a published survey, audited; a never-published one cannot close", async () => {
      const draftOnly = await createSurvey("admin", { name: "Never published", definition: testDefinition() });
      const refused = await expectStatus<{ error: { code: string } }>(409, "admin", "POST", `/api/surveys/${draftOnly.id}/close`);
      expect(refused.error.code).toBe("survey.not_published");

      await expectStatus(200, "admin", "POST", `/api/surveys/${draftOnly.id}/publish`);
      const closed = await expectStatus<SurveyDetail>(200, "manager", "POST", `/api/surveys/${draftOnly.id}/close`);
      expect(closed.status).toBe("closed");
      const reopened = await expectStatus<SurveyDetail>(200, "manager", "POST", `/api/surveys/${draftOnly.id}/reopen`);
      expect(reopened).toMatchObject({ status: "live", currentVersion: 1 });
      const actions = await database.db
        .selectFrom("audit_log")
        .select(["action", "user_id"])
        .where("target_id", "=", draftOnly.id)
        .orderBy("created_at")
        .execute();
      expect(actions.map((entry) => entry.action)).toEqual(["survey.publish", "survey.close", "survey.reopen"]);
      expect(actions[1].user_id).toBe(org.users.manager.id);
    });

    it("duplicates the draft as a new unpublished survey", async () => {
      const original = await createSurvey("admin", { name: "Original", definition: testDefinition() });
      await expectStatus(200, "admin", "POST", `/api/surveys/${original.id}/publish`);
      const copy = await expectStatus<SurveyDetail>(201, "admin", "POST", `/api/surveys/${original.id}/duplicate`);
      expect(copy).toMatchObject({ name: "Original (2)", status: "draft", currentVersion: null, versions: [], storeId: null });
      expect(copy.id).not.toBe(original.id);
      expect(copy.draft).toEqual(original.draft);
      const named = await expectStatus<SurveyDetail>(201, "admin", "POST", `/api/surveys/${original.id}/duplicate`, { name: "二号" });
      expect(named.name).toBe("二号");
    });
  });

  describe("store scope", () => {
    let orgWide: SurveyDetail;
    let storeA: SurveyDetail;

    beforeAll(async () => {
      orgWide = await createSurvey("manager", { name: "Whole organisation", definition: testDefinition() });
      storeA = await createSurvey("store_manager", { name: "Store A only", definition: testDefinition() });
    });

    it("gives a store manager's new survey their store", () => {
      expect(storeA.storeId).toBe(org.storeA);
    });

    it("shows store staff the organisation's surveys and their own stores', not other stores'", async () => {
      expect(await listIds("store_manager")).toEqual(expect.arrayContaining([orgWide.id, storeA.id]));
      expect(await listIds("agent")).toEqual(expect.arrayContaining([orgWide.id, storeA.id]));
      const forB = await listIds("storeManagerB");
      expect(forB).toContain(orgWide.id);
      expect(forB).not.toContain(storeA.id);
      const error = await expectStatus<{ error: { code: string } }>(404, "storeManagerB", "GET", `/api/surveys/${storeA.id}`);
      expect(error.error.code).toBe("survey.not_found");
      await expectStatus(404, "storeManagerB", "PATCH", `/api/surveys/${storeA.id}`, { name: "Taken over" });
      await expectStatus(404, "storeManagerB", "GET", `/api/surveys/${storeA.id}/responses`);
    });

    it("lets store staff read an organisation-wide survey but not change it", async () => {
      await expectStatus(200, "store_manager", "GET", `/api/surveys/${orgWide.id}`);
      for (const [method, url, body] of [
        ["PATCH", `/api/surveys/${orgWide.id}`, { name: "Mine now" }],
        ["POST", `/api/surveys/${orgWide.id}/publish`, undefined],
      ] as const) {
        const error = await expectStatus<{ error: { code: string } }>(403, "store_manager", method, url, body);
        expect(error.error.code).toBe("survey.read_only");
      }
      const copy = await expectStatus<SurveyDetail>(201, "store_manager", "POST", `/api/surveys/${orgWide.id}/duplicate`);
      expect(copy.storeId).toBe(org.storeA);
    });

    it("keeps store staff within their stores when choosing a survey's store", async () => {
      const outside = await expectStatus<{ error: { code: string; field: string } }>(400, "store_manager", "POST", "/api/surveys", {
        name: "For B",
        storeId: org.storeB,
      });
      expect(outside.error).toMatchObject({ code: "survey.store_out_of_scope", field: "storeId" });
      const orgLevel = await expectStatus<{ error: { code: string; field: string } }>(400, "store_manager", "POST", "/api/surveys", {
        name: "For all",
        storeId: null,
      });
      expect(orgLevel.error).toMatchObject({ code: "survey.store_required", field: "storeId" });
      const moved = await expectStatus<{ error: { field: string } }>(400, "store_manager", "PATCH", `/api/surveys/${storeA.id}`, {
        storeId: org.storeB,
      });
      expect(moved.error.field).toBe("storeId");
      const unknown = await expectStatus<{ error: { code: string } }>(400, "admin", "POST", "/api/surveys", {
        name: "Nowhere",
        storeId: "3f2b9c1e-0000-4000-8000-000000000000",
      });
      expect(unknown.error.code).toBe("survey.store_unknown");
      const managed = await expectStatus<SurveyDetail>(200, "manager", "PATCH", `/api/surveys/${storeA.id}`, { storeId: org.storeB });
      expect(managed.storeId).toBe(org.storeB);
      await expectStatus(404, "store_manager", "GET", `/api/surveys/${storeA.id}`);
      await expectStatus(200, "manager", "PATCH", `/api/surveys/${storeA.id}`, { storeId: org.storeA });
    });
  });

  describe("answers", () => {
    it("pages the answers newest first with customer names, store staff seeing their stores' only", async () => {
      const survey = await createSurvey("admin", { name: "Answers", definition: testDefinition() });
      await expectStatus(200, "admin", "POST", `/api/surveys/${survey.id}/publish`);
      const customer = await buildCustomer(database.db, org.orgId, { name: "李雷", home_store_id: org.storeA });
      const base = Date.parse("2025-03-01T08:00:00Z");
      const rows = [
        { storeId: org.storeA, customerId: customer.id, answers: { overall: 5, recommend: 10, visit: "regular" } },
        { storeId: org.storeB, customerId: null, answers: { overall: 2, recommend: 3, visit: "first" } },
        { storeId: null, customerId: null, answers: { overall: 4, recommend: 8, visit: "first" } },
      ];
      for (const [index, row] of rows.entries()) {
        await insertResponse(database.db, {
          orgId: org.orgId,
          surveyId: survey.id,
          version: 1,
          ...row,
          submittedAt: new Date(base + index * 60_000),
        });
      }
      const all = await expectStatus<SurveyResponseList>(200, "admin", "GET", `/api/surveys/${survey.id}/responses`);
      expect(all.total).toBe(3);
      expect(all.items.map((item) => item.answers.overall)).toEqual([4, 2, 5]);
      expect(all.items[2]).toMatchObject({ customerId: customer.id, customerName: "李雷", storeId: org.storeA, version: 1, channel: "link" });

      const page = await expectStatus<SurveyResponseList>(200, "admin", "GET", `/api/surveys/${survey.id}/responses?page=2&pageSize=1`);
      expect(page).toMatchObject({ total: 3, items: [{ answers: { overall: 2 } }] });
      const none = await expectStatus<SurveyResponseList>(200, "admin", "GET", `/api/surveys/${survey.id}/responses?version=2`);
      expect(none).toEqual({ total: 0, items: [] });

      const storeOnly = await expectStatus<SurveyResponseList>(200, "agent", "GET", `/api/surveys/${survey.id}/responses`);
      expect(storeOnly.total).toBe(1);
      expect(storeOnly.items[0].customerName).toBe("李雷");

      const summary = async (who: SessionKey) =>
        (await expectStatus<SurveyList>(200, who, "GET", "/api/surveys")).items.find((item) => item.id === survey.id);
      expect((await summary("admin"))?.responseCount).toBe(3);
      expect((await summary("agent"))?.responseCount).toBe(1);
      expect((await summary("storeManagerB"))?.responseCount).toBe(1);
      const detail = await expectStatus<SurveyDetail>(200, "store_manager", "GET", `/api/surveys/${survey.id}`);
      expect(detail.versions).toEqual([expect.objectContaining({ version: 1, responseCount: 1 })]);

      const bad = await expectStatus<{ error: { field: string } }>(400, "admin", "GET", `/api/surveys/${survey.id}/responses?pageSize=500`);
      expect(bad.error.field).toBe("pageSize");
    });
  });
});
