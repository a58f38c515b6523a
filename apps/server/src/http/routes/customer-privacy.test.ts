import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Customer, DashboardSummary, PersonalDataExport } from "@kexin/contracts";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { buildPurchases, signInEveryone, type SessionKey } from "../../testing/purchases.ts";
import { buildInvitation, buildPublishedSurvey, SAMPLE_DEFINITION } from "../../testing/surveys.ts";
import { buildTestApp } from "../../testing/test-app.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";

const PERSONAL = {
  code: "PII-007",
  name: "陈美玲",
  gender: "female",
  birthday: "1988-08-08",
  phone: "13912345678",
  email: "meiling.chen@example.cn",
  wechat: "meiling_88",
  city: "苏州",
  company: "美玲茶社",
  preferences: "只喝龙井",
  needs: "周末送货",
  personalNote: "孩子叫小宝",
  tags: ["VIP"],
  attributes: { idCardTail: "X9Q7" },
};
/** Strings that must not survive an erasure anywhere in the customer's row, timeline or export. */
const TRACES = ["PII-007", "陈美玲", "1988-08-08", "13912345678", "meiling", "苏州", "美玲茶社", "龙井", "周末送货", "小宝", "X9Q7", "秘密"];

describe.each(testDatabaseKinds)("personal data rights on $name", (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let org: TestOrg;
  let cookies: Record<SessionKey, string>;
  let customer: Customer;

  const call = (who: SessionKey, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: cookies[who] } });

  beforeAll(async () => {
    database = await kind.create();
    app = await buildTestApp(database);
    org = await buildOrg(database.db);
    cookies = await signInEveryone(app, org);
    customer = (await call("admin", "POST", "/api/customers", { ...PERSONAL, homeStoreId: org.storeA })).json();
    const recent = Date.now() - 10 * 86_400_000;
    await buildPurchases(database.db, org.orgId, [
      { customerId: customer.id, storeId: org.storeA, occurredAt: new Date(recent), amount: 120.5 },
      { customerId: customer.id, storeId: org.storeB, occurredAt: new Date(recent - 40 * 86_400_000), amount: 79.5 },
    ]);
    await call("agent", "POST", `/api/customers/${customer.id}/interactions`, {
      kind: "call",
      summary: "回访陈美玲",
      body: "她说了一个秘密",
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("exports everything stored about the person and audits the export", async () => {
    const response = await call("manager", "GET", `/api/customers/${customer.id}/personal-data`);
    expect(response.statusCode).toBe(200);
    const data = response.json() as PersonalDataExport;
    expect(data.customer).toMatchObject({ name: "陈美玲", personalNote: "孩子叫小宝", attributes: { idCardTail: "X9Q7" } });
    expect(data.transactions.map((t) => t.amount).sort()).toEqual([120.5, 79.5].sort());
    expect(data.interactions).toEqual([expect.objectContaining({ summary: "回访陈美玲", body: "她说了一个秘密", staffName: "agent user" })]);
    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "user_id"])
      .where("target_id", "=", customer.id)
      .where("action", "=", "customer.personal_data_export")
      .execute();
    expect(audit).toEqual([{ action: "customer.personal_data_export", user_id: org.users.manager.id }]);
  });

  it("refuses the export to agents and erasure to store managers", async () => {
    expect((await call("agent", "GET", `/api/customers/${customer.id}/personal-data`)).statusCode).toBe(403);
    expect((await call("store_manager", "POST", `/api/customers/${customer.id}/erase`)).statusCode).toBe(403);
  });

  it("erases every personal trace but keeps revenue and dashboard figures unchanged", async () => {
    const dashboardBefore = (await call("admin", "GET", "/api/dashboard/summary")).json() as DashboardSummary;
    expect(dashboardBefore.revenueLast365Days).toBe(200);
    const survey = await buildPublishedSurvey(database.db, org.orgId, SAMPLE_DEFINITION);
    const invitation = await buildInvitation(database.db, {
      orgId: org.orgId,
      surveyId: survey.surveyId,
      customerId: customer.id,
      email: PERSONAL.email,
    });
    const answered = await app.inject({
      method: "POST",
      url: "/api/public/responses",
      payload: { token: invitation.token, version: 1, submissionKey: crypto.randomUUID(), language: "zh-CN", answers: { nps: 9, csat: 5 } },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const told = await call("admin", "POST", "/api/feedback", {
      channel: "phone",
      body: "陈美玲说周末送货总是迟到",
      customerId: customer.id,
    });
    expect(told.statusCode, told.body).toBe(201);
    const before = (await call("admin", "GET", `/api/customers/${customer.id}/personal-data`)).json() as PersonalDataExport;
    expect(before.feedback.map((item) => item.body)).toEqual(["陈美玲说周末送货总是迟到"]);
    expect(before.surveyAnswers.map((answer) => answer.answers)).toEqual([{ nps: 9, csat: 5 }]);
    expect(before.surveyInvitations.map((sent) => [sent.email, sent.status])).toEqual([[PERSONAL.email, "answered"]]);

    const response = await call("admin", "POST", `/api/customers/${customer.id}/erase`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: "已删除客户",
      isErased: true,
      code: null,
      phone: null,
      email: null,
      tags: [],
      attributes: {},
      consent: { email: false, sms: false, wechat: false, phone: false },
      purchaseCount: 2,
      totalSpent: 200,
    });

    const row = await database.db.selectFrom("customers").selectAll().where("id", "=", customer.id).executeTakeFirstOrThrow();
    const interactions = await database.db.selectFrom("interactions").selectAll().where("customer_id", "=", customer.id).execute();
    const exported = (await call("admin", "GET", `/api/customers/${customer.id}/personal-data`)).body;
    const timeline = (await call("admin", "GET", `/api/customers/${customer.id}/timeline`)).body;
    const audit = await database.db.selectFrom("audit_log").select("details").where("target_id", "=", customer.id).execute();
    const invitations = await database.db.selectFrom("survey_invitations").selectAll().where("survey_id", "=", survey.surveyId).execute();
    const answers = await database.db.selectFrom("survey_responses").selectAll().where("survey_id", "=", survey.surveyId).execute();
    expect(answers.map((answer) => [answer.customer_id, answer.answers]), "the answer stays, unlinked").toEqual([[null, { nps: 9, csat: 5 }]]);
    const feedback = await database.db.selectFrom("feedback").selectAll().where("org_id", "=", org.orgId).execute();
    const stored = [JSON.stringify(row), JSON.stringify(interactions), JSON.stringify(invitations), JSON.stringify(answers), JSON.stringify(feedback)];
    for (const text of [...stored, exported, timeline, JSON.stringify(audit)]) {
      for (const trace of TRACES) expect(text, `"${trace}" survived erasure`).not.toContain(trace);
    }
    expect(row.erased_at).not.toBeNull();
    expect(row.gender).toBe("unknown");
    // the staff note, the survey answer, the feedback and the follow-up it opened: all blanked
    expect(interactions.length).toBeGreaterThanOrEqual(3);
    for (const interaction of interactions) expect([interaction.summary, interaction.body]).toEqual(["[erased]", null]);

    const transactions = await database.db.selectFrom("transactions").select(["amount", "store_id"]).where("customer_id", "=", customer.id).execute();
    expect(transactions.map((t) => Number(t.amount)).sort()).toEqual([120.5, 79.5].sort());
    const dashboardAfter = (await call("admin", "GET", "/api/dashboard/summary")).json() as DashboardSummary;
    expect(dashboardAfter).toEqual(dashboardBefore);

    const erasures = await database.db.selectFrom("audit_log").select("user_id").where("action", "=", "customer.erase").execute();
    expect(erasures).toEqual([{ user_id: org.users.admin.id }]);
  });

  it("makes erasure final: a second erase changes nothing and personal data cannot be written back", async () => {
    expect((await call("admin", "POST", `/api/customers/${customer.id}/erase`)).statusCode).toBe(200);
    const erasures = await database.db.selectFrom("audit_log").select("id").where("action", "=", "customer.erase").execute();
    expect(erasures).toHaveLength(1);
    const patch = await call("admin", "PATCH", `/api/customers/${customer.id}`, { phone: "13912345678" });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe("customer.erased");
    const search = (await call("admin", "GET", "/api/customers?q=13912345678")).json();
    expect(search.total).toBe(0);
  });
});
