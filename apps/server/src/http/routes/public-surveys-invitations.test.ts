/**
 * The respondent API through personal invitations, closed-loop follow-ups and saved progress, on every database:
 * a token answers once, identified answers reach the customer's timeline, a low score opens one task.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { newInvitationToken } from "../../domain/surveys/invitation-token.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildInvitation, buildPublishedSurvey, SAMPLE_DEFINITION, type PublishedSurvey } from "../../testing/surveys.ts";
import { buildTestApp, signInAs } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

describe.each(testDatabaseKinds)("invitations, closed loop and drafts on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let survey: PublishedSurvey;
  let adminCookie: string;

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database, { submissionsPerMinute: 100_000, tokenAttemptsPerMinute: 1_000 });
    org = await buildOrg(database.db);
    survey = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION, { storeId: org.storeA, name: "购物满意度" });
    adminCookie = await signInAs(app, org.users.admin.email);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const submit = (payload: object) => app.inject({ method: "POST", url: "/api/public/responses", payload });
  const byToken = (token: string, answers: Record<string, unknown>, submissionKey: string = randomUUID()) => ({
    token,
    version: 1,
    submissionKey,
    language: "zh-CN",
    answers,
  });
  /** A customer of store B with the manager as account manager, and an invitation for them. */
  async function invitedCustomer(target = survey) {
    const customer = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeB });
    await database.db
      .updateTable("customers")
      .set({ account_manager_id: org.users.manager.id })
      .where("id", "=", customer.id)
      .execute();
    const invitation = await buildInvitation(database.db, { orgId: org.orgId, surveyId: target.surveyId, customerId: customer.id });
    return { customer, ...invitation };
  }
  const tasksOf = (responseId: string) =>
    database.db.selectFrom("tasks").selectAll().where("source_id", "=", responseId).execute();
  const timelineOf = async (customerId: string) =>
    (await app.inject({ method: "GET", url: `/api/customers/${customerId}/timeline`, headers: { cookie: adminCookie } })).json()
      .items as { kind: string; summary: string; body: string | null }[];

  describe("personal invitations", () => {
    it("serves the survey for a token and says whether it was answered", async () => {
      const { token } = await invitedCustomer();
      const response = await app.inject({ method: "GET", url: `/api/public/invitations/${token}` });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ surveyId: survey.surveyId, version: 1, isKiosk: false, invitation: { isAnswered: false } });
      expect(JSON.stringify(response.json())).not.toContain("Customer");
    });

    it("answers 404 invitation.not_found for a malformed or unknown token", async () => {
      for (const token of ["short", "x".repeat(43).replace(/x$/, "!"), newInvitationToken()]) {
        const response = await app.inject({ method: "GET", url: `/api/public/invitations/${encodeURIComponent(token)}` });
        expect(response.statusCode, token).toBe(404);
        expect(response.json().error.code).toBe("invitation.not_found");
        const submitted = await submit(byToken(token, { nps: 9, csat: 5 }));
        expect(submitted.statusCode, token).toBe(404);
        expect(submitted.json().error.code).toBe("invitation.not_found");
      }
    });

    it("answers once: the answer is identified, the invitation marked, a retry gets its receipt, another answer 409", async () => {
      const { customer, token, invitationId } = await invitedCustomer();
      const payload = byToken(token, { nps: 9, csat: 5, comment: "店员很耐心" });
      const first = await submit(payload);
      expect(first.statusCode).toBe(201);
      const { responseId } = first.json();

      const row = await database.db.selectFrom("survey_responses").selectAll().where("id", "=", responseId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ channel: "email", customer_id: customer.id, store_id: org.storeB, invitation_id: invitationId, link_id: null });
      const invitation = await database.db
        .selectFrom("survey_invitations")
        .selectAll()
        .where("id", "=", invitationId)
        .executeTakeFirstOrThrow();
      expect(invitation).toMatchObject({ status: "answered", response_id: responseId });
      expect(invitation.answered_at).not.toBeNull();

      const retry = await submit(payload);
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual({ responseId, isDuplicate: true });
      const another = await submit(byToken(token, { nps: 2, csat: 1 }));
      expect(another.statusCode).toBe(409);
      expect(another.json().error).toMatchObject({ code: "invitation.already_answered", field: "token" });

      const read = await app.inject({ method: "GET", url: `/api/public/invitations/${token}` });
      expect(read.json().invitation).toEqual({ isAnswered: true });
      expect(await database.db.selectFrom("survey_responses").select("id").where("invitation_id", "=", invitationId).execute()).toHaveLength(1);

      const timeline = await timelineOf(customer.id);
      const entry = timeline.find((event) => event.kind === "survey");
      expect(entry?.summary).toBe("购物满意度 · NPS 9 · CSAT 5");
      expect(entry?.body).toContain("店员很耐心");
      expect(await tasksOf(responseId)).toHaveLength(0);
    });

    it("lets exactly one of several different answers racing through one token in", async () => {
      const { token, invitationId } = await invitedCustomer();
      const responses = await Promise.all(Array.from({ length: 8 }, () => submit(byToken(token, { nps: 8, csat: 4 }))));
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      expect(await database.db.selectFrom("survey_responses").select("id").where("invitation_id", "=", invitationId).execute()).toHaveLength(1);
    });

    it("keeps an anonymous survey's answer unlinked from the person, and still single-use", async () => {
      const anonymous = await buildPublishedSurvey(database.db, org.orgId, { ...SAMPLE_DEFINITION, isAnonymous: true }, { storeId: org.storeA });
      const { token, invitationId } = await invitedCustomer(anonymous);
      const first = await submit(byToken(token, { nps: 3, csat: 2 }));
      expect(first.statusCode).toBe(201);
      const row = await database.db
        .selectFrom("survey_responses")
        .selectAll()
        .where("id", "=", first.json().responseId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ customer_id: null, invitation_id: null, store_id: org.storeA, channel: "email" });
      const invitation = await database.db.selectFrom("survey_invitations").selectAll().where("id", "=", invitationId).executeTakeFirstOrThrow();
      expect(invitation).toMatchObject({ status: "answered", response_id: null });
      expect((await submit(byToken(token, { nps: 9, csat: 5 }))).statusCode).toBe(409);
      // The low NPS still opens a task, for the store: nobody to call back, but the store hears about it.
      const [task] = await tasksOf(first.json().responseId);
      expect(task).toMatchObject({ customer_id: null, assignee_id: null, store_id: org.storeA });
    });

    it("refuses an invitation to a closed survey", async () => {
      const target = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
      const { token } = await invitedCustomer(target);
      await database.db.updateTable("surveys").set({ status: "closed" }).where("id", "=", target.surveyId).execute();
      const opened = await app.inject({ method: "GET", url: `/api/public/invitations/${token}` });
      expect(opened.statusCode).toBe(409);
      expect(opened.json().error.code).toBe("survey.closed");
      const response = await submit(byToken(token, { nps: 9, csat: 5 }));
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe("survey.closed");
    });
  });

  describe("closed loop", () => {
    it("opens one follow-up task for the account manager on a low NPS, shown on the timeline", async () => {
      const { customer, token } = await invitedCustomer();
      const payload = byToken(token, { nps: 3, csat: 2 });
      const before = Date.now();
      const first = await submit(payload);
      expect(first.statusCode).toBe(201);
      await submit(payload);
      const { responseId } = first.json();
      const tasks = await tasksOf(responseId);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        kind: "follow_up",
        status: "open",
        title: "NPS 3 — 跟进",
        customer_id: customer.id,
        store_id: org.storeB,
        assignee_id: org.users.manager.id,
        source_type: "survey_response",
        survey_id: survey.surveyId,
        dedupe_key: `survey_response:${responseId}:0`,
      });
      const dueInHours = (new Date(tasks[0].due_at).getTime() - before) / 3_600_000;
      expect(dueInHours).toBeGreaterThan(47.9);
      expect(dueInHours).toBeLessThan(48.1);

      const kinds = (await timelineOf(customer.id)).map((event) => event.kind);
      expect(kinds.filter((k) => k === "task")).toHaveLength(1);
      expect(kinds.filter((k) => k === "survey")).toHaveLength(1);
    });

    it("opens no task for a high NPS", async () => {
      const { token } = await invitedCustomer();
      const response = await submit(byToken(token, { nps: 9, csat: 2 }));
      expect(await tasksOf(response.json().responseId)).toHaveLength(0);
    });

    it("leaves a link answer's task with the link's store, and titles it in the survey's first language", async () => {
      const english = await buildPublishedSurvey(
        database.db,
        org.orgId,
        {
          ...SAMPLE_DEFINITION,
          languages: ["en", "zh-CN"],
          closedLoop: [
            { when: { kind: "answer", question: "nps", operator: "lte", value: 6 } },
            { when: { kind: "answer", question: "csat", operator: "lte", value: 2 }, assignTo: "store", dueInHours: 4 },
          ],
        },
        { storeId: org.storeA },
      );
      const response = await submit({ slug: english.slug, version: 1, submissionKey: randomUUID(), language: "en", answers: { nps: 0, csat: 1 } });
      expect(response.statusCode).toBe(201);
      const tasks = await tasksOf(response.json().responseId);
      expect(tasks.map((task) => task.title).sort()).toEqual(["CSAT 1 — follow up", "NPS 0 — follow up"]);
      for (const task of tasks) expect(task).toMatchObject({ customer_id: null, assignee_id: null, store_id: org.storeA });
    });

    it("opens a task for a negative comment and none for a kind one", async () => {
      const target = await buildPublishedSurvey(
        database.db,
        org.orgId,
        { ...SAMPLE_DEFINITION, closedLoop: [{ when: { kind: "negative_text", question: "comment" } }] },
        { storeId: org.storeA },
      );
      const answer = (comment: string) =>
        submit({ slug: target.slug, version: 1, submissionKey: randomUUID(), language: "zh-CN", answers: { nps: 8, csat: 4, comment } });
      const negative = await answer("排队太久了，很失望");
      expect(negative.statusCode).toBe(201);
      const [task] = await tasksOf(negative.json().responseId);
      expect(task).toMatchObject({ title: "负面意见 — 跟进", store_id: org.storeA });
      expect(task.detail).toContain("排队太久了，很失望");
      const kind = await answer("店员很耐心，谢谢");
      expect(kind.statusCode).toBe(201);
      expect(await tasksOf(kind.json().responseId)).toHaveLength(0);
    });
  });

  describe("saved progress", () => {
    const put = (draftKey: string, payload: object) =>
      app.inject({ method: "PUT", url: `/api/public/drafts/${draftKey}`, payload });
    const get = (draftKey: string) => app.inject({ method: "GET", url: `/api/public/drafts/${draftKey}` });

    it("saves, replaces and returns a half-finished answer, and the submission that finishes it deletes it", async () => {
      const draftKey = randomUUID();
      expect((await put(draftKey, { slug: survey.slug, version: 1, pageIndex: 0, answers: { nps: 4 } })).statusCode).toBe(204);
      expect((await put(draftKey, { slug: survey.slug, version: 1, pageIndex: 1, answers: { nps: 5 } })).statusCode).toBe(204);
      const read = await get(draftKey);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ version: 1, pageIndex: 1, answers: { nps: 5 } });
      expect(Date.parse(read.json().updatedAt)).toBeGreaterThan(Date.now() - 60_000);

      const stored = await database.db.selectFrom("survey_drafts").select("key_hash").execute();
      expect(stored.map((row) => row.key_hash)).not.toContain(draftKey);

      const submitted = await submit({ slug: survey.slug, version: 1, submissionKey: randomUUID(), language: "zh-CN", answers: { nps: 5, csat: 4 }, draftKey });
      expect(submitted.statusCode).toBe(201);
      const gone = await get(draftKey);
      expect(gone.statusCode).toBe(404);
      expect(gone.json().error.code).toBe("draft.not_found");
    });

    it("checks draft answers but lets required questions wait", async () => {
      const invalid = await put(randomUUID(), { slug: survey.slug, version: 1, pageIndex: 0, answers: { nps: 12 } });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error).toMatchObject({ code: "response.invalid", field: "answers.nps" });
      expect((await put(randomUUID(), { slug: survey.slug, version: 1, pageIndex: 0, answers: {} })).statusCode).toBe(204);
    });

    it("refuses drafts for unknown links, other surveys' keys and answered invitations", async () => {
      expect((await put(randomUUID(), { slug: "nosuchslug", version: 1, pageIndex: 0, answers: {} })).statusCode).toBe(404);

      const draftKey = randomUUID();
      await put(draftKey, { slug: survey.slug, version: 1, pageIndex: 0, answers: {} });
      const other = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
      const clash = await put(draftKey, { slug: other.slug, version: 1, pageIndex: 0, answers: {} });
      expect(clash.statusCode).toBe(409);
      expect(clash.json().error.code).toBe("draft.conflict");

      const { token } = await invitedCustomer();
      expect((await put(randomUUID(), { token, version: 1, pageIndex: 0, answers: { nps: 7 } })).statusCode).toBe(204);
      await submit(byToken(token, { nps: 7, csat: 4 }));
      const late = await put(randomUUID(), { token, version: 1, pageIndex: 0, answers: { nps: 7 } });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe("invitation.already_answered");
    });

    it("answers 400 for a draft key that is not a UUID", async () => {
      expect((await get("not-a-uuid")).statusCode).toBe(400);
    });
  });
});

describe.each(testDatabaseKinds)("invitation token rate limit on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database, { tokenAttemptsPerMinute: 2 });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("answers 429 rate_limited after the configured attempts with one token, from any address", async () => {
    const org = await buildOrg(database.db);
    const survey = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
    const { token } = await buildInvitation(database.db, { orgId: org.orgId, surveyId: survey.surveyId });
    const statuses = [];
    for (const ip of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) {
      statuses.push((await app.inject({ method: "GET", url: `/api/public/invitations/${token}`, remoteAddress: ip })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const submitted = await app.inject({
      method: "POST",
      url: "/api/public/responses",
      payload: { token, version: 1, submissionKey: randomUUID(), language: "zh-CN", answers: { nps: 9, csat: 5 } },
    });
    expect(submitted.statusCode).toBe(429);
    expect(submitted.json().error.code).toBe("rate_limited");
    const { token: otherToken } = await buildInvitation(database.db, { orgId: org.orgId, surveyId: survey.surveyId, email: "b@example.test" });
    expect((await app.inject({ method: "GET", url: `/api/public/invitations/${otherToken}` })).statusCode).toBe(200);
  });
});
