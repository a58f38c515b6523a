import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildInvitee, buildLiveSurvey, mailsTo, tokenInMail } from "../../domain/surveys/invitations/invitation-test-support.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { startLocalSmtpServer, type LocalSmtpServer } from "../../testing/local-smtp-server.ts";
import { signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

const PUBLIC_URL = "https://survey.kexin.example";

describe.each(testDatabaseKinds)("survey invitation routes on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let smtp: LocalSmtpServer;
  let cookies: Record<SessionKey, string>;

  beforeAll(async () => {
    database = await kind.create();
    smtp = await startLocalSmtpServer();
    app = await buildTestApp(database, { smtpUrl: smtp.url, publicUrl: PUBLIC_URL });
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await database.close();
  });

  const post = (url: string, who: SessionKey, payload: object) =>
    app.inject({ method: "POST", url, payload, headers: { cookie: cookies[who] } });
  const get = (url: string, who: SessionKey) => app.inject({ method: "GET", url, headers: { cookie: cookies[who] } });

  it("invites by email through the configured SMTP server, lists the result, and refuses roles that may not send", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId, { title: "到店体验" });
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA, { name: "陈静" });
    const declined = await buildInvitee(database.db, org.orgId, org.storeA, { consentEmail: false });

    const forbidden = await post(`/api/surveys/${survey.id}/invitations`, "agent", { customerIds: [invitee.id] });
    expect(forbidden.statusCode).toBe(403);

    const response = await post(`/api/surveys/${survey.id}/invitations`, "store_manager", {
      customerIds: [invitee.id, declined.id],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ created: 1, sent: 1, failed: 0, skipped: [{ customerId: declined.id, reason: "no_consent" }] });
    const [mail] = mailsTo(await smtp.waitForMessages(1), invitee.email!);
    expect(mail.text).toContain(`${PUBLIC_URL}/r/${tokenInMail(mail)}`);

    const list = await get(`/api/surveys/${survey.id}/invitations?status=sent`, "agent");
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ customerId: invitee.id, customerName: "陈静", status: "sent", email: invitee.email }] });
    expect((await get(`/api/surveys/${survey.id}/invitations?status=failed`, "admin")).json()).toEqual({ total: 0, items: [] });
    // Store B's manager sees no invitation of store A's customer.
    expect((await get(`/api/surveys/${survey.id}/invitations`, "storeManagerB")).json().total).toBe(0);

    const audit = await get("/api/audit?action=survey.invite", "admin");
    expect(audit.json().items[0]).toMatchObject({ action: "survey.invite", targetId: survey.id });
  });

  it("answers 4xx with the field named for bad input, 404 for an unknown survey and 409 for one not live", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const empty = await post(`/api/surveys/${survey.id}/invitations`, "admin", { customerIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: "request.invalid", field: "customerIds" });
    const notId = await post(`/api/surveys/${survey.id}/invitations`, "admin", { customerIds: ["nope"] });
    expect(notId.statusCode).toBe(400);
    const negative = await post(`/api/surveys/${survey.id}/invitations/remind`, "admin", { minHoursSinceSent: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.field).toBe("minHoursSinceSent");
    const badStatus = await get(`/api/surveys/${survey.id}/invitations?status=lost`, "admin");
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().error.field).toBe("status");

    const unknown = await post(`/api/surveys/${randomUUID()}/invitations`, "admin", { customerIds: [randomUUID()] });
    expect(unknown.statusCode).toBe(404);
    expect((await get(`/api/surveys/${randomUUID()}/invitations`, "admin")).statusCode).toBe(404);
    const closed = await buildLiveSurvey(database.db, org.orgId, { status: "closed" });
    const notLive = await post(`/api/surveys/${closed.id}/invitations`, "admin", { customerIds: [randomUUID()] });
    expect(notLive.statusCode).toBe(409);
    expect(notLive.json().error.code).toBe("survey.not_live");
  });

  it("reminds once through the route, with 72 hours as the default wait", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA);
    await post(`/api/surveys/${survey.id}/invitations`, "admin", { customerIds: [invitee.id] });
    const remind = (payload: object) => post(`/api/surveys/${survey.id}/invitations/remind`, "manager", payload);
    expect((await remind({})).json()).toEqual({ reminded: 0, failed: 0 });
    expect((await remind({ minHoursSinceSent: 0 })).json()).toEqual({ reminded: 1, failed: 0 });
    expect((await remind({ minHoursSinceSent: 0 })).json()).toEqual({ reminded: 0, failed: 0 });
    expect((await post(`/api/surveys/${survey.id}/invitations/remind`, "agent", {})).statusCode).toBe(403);
    expect(mailsTo(smtp.messages, invitee.email!)).toHaveLength(2);
  });

  it("lets the customer answer once through the emailed link, and the invitation becomes answered", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId, { title: "回访问卷" });
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA);
    await post(`/api/surveys/${survey.id}/invitations`, "admin", { customerIds: [invitee.id], language: "en" });
    const [invitation] = mailsTo(smtp.messages, invitee.email!);
    const firstToken = tokenInMail(invitation);

    // The reminder's fresh link replaces the first one.
    await post(`/api/surveys/${survey.id}/invitations/remind`, "admin", { minHoursSinceSent: 0 });
    const [, reminder] = mailsTo(smtp.messages, invitee.email!);
    const token = tokenInMail(reminder);
    expect((await app.inject({ method: "GET", url: `/api/public/invitations/${firstToken}` })).statusCode).toBe(404);
    const opened = await app.inject({ method: "GET", url: `/api/public/invitations/${token}` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ surveyId: survey.id, version: 1, invitation: { isAnswered: false } });

    const answer = (submissionKey: string) =>
      app.inject({
        method: "POST",
        url: "/api/public/responses",
        payload: { token, version: 1, submissionKey, language: "en", answers: { overall: 5, recommend: 9, visit: "regular" } },
      });
    const submitted = await answer(randomUUID());
    expect(submitted.statusCode, submitted.body).toBeLessThan(300);
    const row = await database.db
      .selectFrom("survey_invitations")
      .select(["status", "answered_at", "response_id"])
      .where("customer_id", "=", invitee.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("answered");
    expect(row.answered_at).toBeInstanceOf(Date);
    expect(row.response_id).toBe(submitted.json().responseId);
    const stored = await database.db
      .selectFrom("survey_responses")
      .select(["channel", "customer_id"])
      .where("id", "=", submitted.json().responseId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ channel: "email", customer_id: invitee.id });

    // Single use: a second, different answer through the same link is refused.
    const again = await answer(randomUUID());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("invitation.already_answered");
    const listed = await get(`/api/surveys/${survey.id}/invitations?status=answered`, "admin");
    expect(listed.json().items.map((item: { customerId: string }) => item.customerId)).toEqual([invitee.id]);
  });

  it("limits how often invitations may be sent", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25; attempt++) {
      statuses.push((await post(`/api/surveys/${survey.id}/invitations`, "admin", { customerIds: [] })).statusCode);
    }
    expect(statuses[0]).toBe(400);
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status !== 429).length).toBeLessThanOrEqual(20);
  });
});
