/**
 * The respondent API through links, on every database: reading, idempotent submission (50 concurrent identical
 * submissions store one answer), validation that names the field, versioning, closing, hostile input, rate limits.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildPublishedSurvey, buildSurveyLink, publishNextVersion, SAMPLE_DEFINITION, type PublishedSurvey } from "../../testing/surveys.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

const GOOD_ANSWERS = { nps: 9, csat: 5, comment: "很好" };

describe.each(testDatabaseKinds)("public survey answering on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let survey: PublishedSurvey;

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database, { submissionsPerMinute: 100_000 });
    org = await buildOrg(database.db);
    survey = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION, { storeId: org.storeA });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const submission = (target: PublishedSurvey, answers: Record<string, unknown>, extra: object = {}) => ({
    slug: target.slug,
    version: target.version,
    submissionKey: randomUUID(),
    language: "zh-CN",
    answers,
    ...extra,
  });
  const submit = (payload: object | string) =>
    app.inject({ method: "POST", url: "/api/public/responses", payload, headers: { "content-type": "application/json" } });
  const responsesOf = (surveyId: string) =>
    database.db.selectFrom("survey_responses").selectAll().where("survey_id", "=", surveyId).execute();

  describe("reading a survey", () => {
    it("serves the newest published version behind an active link", async () => {
      const response = await app.inject({ method: "GET", url: `/api/public/surveys/${survey.slug}` });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ surveyId: survey.surveyId, version: 1, isKiosk: false, invitation: null });
      expect(body.definition.pages[0].questions.map((q: { key: string }) => q.key)).toEqual(["nps", "csat", "comment"]);
    });

    it("tells a kiosk link so the page resets after each answer", async () => {
      const kiosk = await buildSurveyLink(database.db, org.orgId, survey.surveyId, { kind: "kiosk", storeId: org.storeB });
      const response = await app.inject({ method: "GET", url: `/api/public/surveys/${kiosk.slug}` });
      expect(response.json().isKiosk).toBe(true);
    });

    it("answers 404 survey.not_found for an unknown slug, a switched-off link and an unpublished survey; 409 survey.closed once closed", async () => {
      const off = await buildSurveyLink(database.db, org.orgId, survey.surveyId);
      await database.db.updateTable("survey_links").set({ is_active: false }).where("id", "=", off.linkId).execute();
      const closed = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
      await database.db.updateTable("surveys").set({ status: "closed" }).where("id", "=", closed.surveyId).execute();
      const draft = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
      await database.db.updateTable("surveys").set({ status: "draft" }).where("id", "=", draft.surveyId).execute();
      for (const slug of ["nosuchslug", off.slug, draft.slug]) {
        const response = await app.inject({ method: "GET", url: `/api/public/surveys/${slug}` });
        expect(response.statusCode, slug).toBe(404);
        expect(response.json().error.code).toBe("survey.not_found");
      }
      const ended = await app.inject({ method: "GET", url: `/api/public/surveys/${closed.slug}` });
      expect(ended.statusCode).toBe(409);
      expect(ended.json().error.code).toBe("survey.closed");
    });
  });

  describe("submitting", () => {
    it("stores an answer with the link's channel and store, and a retry gets the same receipt", async () => {
      const payload = submission(survey, GOOD_ANSWERS, { startedAt: new Date(Date.now() - 60_000).toISOString() });
      const first = await submit(payload);
      expect(first.statusCode).toBe(201);
      expect(first.json().isDuplicate).toBe(false);
      const retry = await submit(payload);
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual({ responseId: first.json().responseId, isDuplicate: true });
      const row = await database.db
        .selectFrom("survey_responses")
        .selectAll()
        .where("id", "=", first.json().responseId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        org_id: org.orgId,
        version: 1,
        link_id: survey.linkId,
        store_id: org.storeA,
        channel: "link",
        customer_id: null,
        language: "zh-CN",
        submission_key: payload.submissionKey,
      });
      expect(row.answers).toEqual(GOOD_ANSWERS);
      expect(row.started_at).not.toBeNull();
    });

    it("stores one answer when the same submission arrives 50 times at once, and every attempt gets its id", async () => {
      const target = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION, { storeId: org.storeA });
      const payload = submission(target, { nps: 10, csat: 4 });
      const responses = await Promise.all(Array.from({ length: 50 }, () => submit(payload)));
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(49);
      const ids = new Set(responses.map((response) => response.json().responseId));
      expect(ids.size).toBe(1);
      const rows = await responsesOf(target.surveyId);
      expect(rows).toHaveLength(1);
      expect(rows[0].id).toBe([...ids][0]);
    });

    it("files a kiosk answer under the kiosk channel and the kiosk's store", async () => {
      const kiosk = await buildSurveyLink(database.db, org.orgId, survey.surveyId, { kind: "kiosk", storeId: org.storeB });
      const response = await submit(submission({ ...survey, ...kiosk }, { nps: 8, csat: 4 }));
      expect(response.statusCode).toBe(201);
      const row = await database.db
        .selectFrom("survey_responses")
        .select(["channel", "store_id", "link_id"])
        .where("id", "=", response.json().responseId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ channel: "kiosk", store_id: org.storeB, link_id: kiosk.linkId });
    });

    it("drops answers the survey's logic hides instead of storing them", async () => {
      const definition = {
        ...SAMPLE_DEFINITION,
        pages: [
          {
            key: "main",
            questions: [
              { key: "nps", type: "nps", title: { en: "Recommend?" } },
              { key: "why", type: "text", title: { en: "Why so low?" }, showIf: [{ question: "nps", operator: "lte", value: 6 }] },
            ],
          },
        ],
        closedLoop: [],
      };
      const target = await buildPublishedSurvey(database.db, org.orgId, definition);
      const response = await submit(submission(target, { nps: 9, why: "hidden, so not kept" }));
      expect(response.statusCode).toBe(201);
      const [row] = await responsesOf(target.surveyId);
      expect(row.answers).toEqual({ nps: 9 });
    });
  });

  describe("validation", () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ["a missing required answer", { csat: 5 }, "answers.nps", /needs an answer/],
      ["an NPS above 10", { nps: 11, csat: 5 }, "answers.nps", /0 to 10/],
      ["an NPS given as text", { nps: "ten", csat: 5 }, "answers.nps", /whole number/],
      ["a fractional rating", { nps: 7, csat: 2.5 }, "answers.csat", /whole number from 1 to 5/],
      ["text where a number belongs", { nps: 7, csat: 5, comment: 42 }, "answers.comment", /text/],
      ["an unknown question", { nps: 7, csat: 5, bogus: 1 }, "answers.bogus", /no such question/],
    ];
    it.each(cases)("refuses %s, naming the field", async (_name, answers, field, message) => {
      const response = await submit(submission(survey, answers));
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe("response.invalid");
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    });

    it("refuses more answers than the survey has questions before looking at them", async () => {
      const answers = Object.fromEntries(Array.from({ length: 4 }, (_, index) => [`q${index}`, 1]));
      const response = await submit(submission(survey, answers));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: "response.invalid", field: "answers" });
    });

    it("refuses malformed requests with request.invalid: wrong types, no slug or token, both", async () => {
      const bad = [
        { ...submission(survey, GOOD_ANSWERS), answers: [9, 5] },
        { ...submission(survey, GOOD_ANSWERS), version: "1" },
        { ...submission(survey, GOOD_ANSWERS), submissionKey: "not-a-uuid" },
        { ...submission(survey, GOOD_ANSWERS), language: "fr" },
        { ...submission(survey, GOOD_ANSWERS), slug: undefined },
        { ...submission(survey, GOOD_ANSWERS), token: "x".repeat(43) },
      ];
      for (const payload of bad) {
        const response = await submit(payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.code).toBe("request.invalid");
        expect(response.json().error.field).toBeTruthy();
      }
      const notJson = await submit("{ this is not json");
      expect(notJson.statusCode).toBe(400);
    });

    it("stores nothing when it refuses", async () => {
      const target = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
      await submit(submission(target, { nps: 99 }));
      expect(await responsesOf(target.surveyId)).toHaveLength(0);
    });
  });

  describe("versions", () => {
    it("accepts answers to an older version that name it, and checks each against its own version", async () => {
      const target = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
      const v2 = {
        ...SAMPLE_DEFINITION,
        pages: [
          {
            key: "main",
            questions: [
              ...SAMPLE_DEFINITION.pages[0].questions,
              { key: "staff", type: "likert", points: 5, title: { "zh-CN": "店员服务" } },
            ],
          },
        ],
      };
      expect(await publishNextVersion(database.db, target.surveyId, v2)).toBe(2);
      const read = await app.inject({ method: "GET", url: `/api/public/surveys/${target.slug}` });
      expect(read.json().version).toBe(2);

      const onV1 = await submit(submission(target, { nps: 6, csat: 3 }));
      expect(onV1.statusCode).toBe(201);
      const onV2Incomplete = await submit(submission({ ...target, version: 2 }, { nps: 6, csat: 3 }));
      expect(onV2Incomplete.statusCode).toBe(400);
      expect(onV2Incomplete.json().error.field).toBe("answers.staff");
      const onV1WithV2Question = await submit(submission(target, { nps: 6, csat: 3, staff: 4 }));
      expect(onV1WithV2Question.json().error.field).toBe("answers.staff");
      const onV2 = await submit(submission({ ...target, version: 2 }, { nps: 6, csat: 3, staff: 4 }));
      expect(onV2.statusCode).toBe(201);

      const rows = await responsesOf(target.surveyId);
      expect(rows.map((row) => row.version).sort()).toEqual([1, 2]);
    });

    it("refuses a version the survey never had, naming the field", async () => {
      const response = await submit(submission({ ...survey, version: 99 }, GOOD_ANSWERS));
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: "survey.version_not_found", field: "version" });
    });
  });

  describe("closing", () => {
    it("refuses new answers with 409 survey.closed once the survey closed, even with the page already open", async () => {
      const target = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
      const stored = submission(target, GOOD_ANSWERS);
      expect((await submit(stored)).statusCode).toBe(201);
      expect((await app.inject({ method: "GET", url: `/api/public/surveys/${target.slug}` })).statusCode).toBe(200);
      await database.db.updateTable("surveys").set({ status: "closed" }).where("id", "=", target.surveyId).execute();

      const late = await submit(submission(target, GOOD_ANSWERS));
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe("survey.closed");
      // Now that the closure is known, the next one is refused without writing anything either.
      expect((await submit(submission(target, GOOD_ANSWERS))).statusCode).toBe(409);
      // A retry of the answer stored before closing still gets its receipt.
      const retry = await submit(stored);
      expect(retry.statusCode).toBe(200);
      expect(retry.json().isDuplicate).toBe(true);
      expect(await responsesOf(target.surveyId)).toHaveLength(1);
    });

    it("refuses answers through a link switched off after the page was opened", async () => {
      const target = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
      await app.inject({ method: "GET", url: `/api/public/surveys/${target.slug}` });
      await database.db.updateTable("survey_links").set({ is_active: false }).where("id", "=", target.linkId).execute();
      const response = await submit(submission(target, GOOD_ANSWERS));
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("survey.not_found");
      expect(await responsesOf(target.surveyId)).toHaveLength(0);
    });
  });

  describe("hostile input", () => {
    it("refuses a body over 64 KB with 413 and a JSON error", async () => {
      const response = await submit(submission(survey, { ...GOOD_ANSWERS, comment: "长".repeat(30_000) }));
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe("request.too_large");
    });

    it("refuses text longer than the question allows", async () => {
      const response = await submit(submission(survey, { ...GOOD_ANSWERS, comment: "x".repeat(1001) }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe("answers.comment");
    });

    it("stores script text verbatim as inert data and gives it back as JSON data", async () => {
      const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> '; drop table survey_responses; --`;
      const draftKey = randomUUID();
      const saved = await app.inject({
        method: "PUT",
        url: `/api/public/drafts/${draftKey}`,
        payload: { slug: survey.slug, version: 1, pageIndex: 0, answers: { comment: hostile } },
      });
      expect(saved.statusCode).toBe(204);
      const draft = await app.inject({ method: "GET", url: `/api/public/drafts/${draftKey}` });
      expect(draft.headers["content-type"]).toMatch(/^application\/json/);
      expect(draft.json().answers.comment).toBe(hostile);

      const response = await submit(submission(survey, { ...GOOD_ANSWERS, comment: hostile }));
      expect(response.statusCode).toBe(201);
      const row = await database.db
        .selectFrom("survey_responses")
        .select("answers")
        .where("id", "=", response.json().responseId)
        .executeTakeFirstOrThrow();
      expect(row.answers.comment).toBe(hostile);
      expect((await responsesOf(survey.surveyId)).length).toBeGreaterThan(0);
    });
  });
});

describe.each(testDatabaseKinds)("public survey rate limits on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let survey: PublishedSurvey;

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database, { submissionsPerMinute: 3 });
    const org = await buildOrg(database.db);
    survey = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("answers 429 rate_limited after the configured submissions per IP per minute", async () => {
    const send = (ip: string) =>
      app.inject({
        method: "POST",
        url: "/api/public/responses",
        remoteAddress: ip,
        payload: { slug: survey.slug, version: 1, submissionKey: randomUUID(), language: "en", answers: GOOD_ANSWERS },
      });
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await send("10.0.0.1")).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await send("10.0.0.1");
    expect(limited.json().error.code).toBe("rate_limited");
    // Another respondent is not held back by the first one.
    expect((await send("10.0.0.2")).statusCode).toBe(201);
  });

  it("limits draft saves per IP too", async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await app.inject({
        method: "PUT",
        url: `/api/public/drafts/${randomUUID()}`,
        remoteAddress: "10.0.0.9",
        payload: { slug: survey.slug, version: 1, pageIndex: 0, answers: {} },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([204, 204, 204, 429]);
  });
});
