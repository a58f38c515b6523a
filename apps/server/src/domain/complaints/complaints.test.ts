import { ComplaintListQuery, ComplaintResolve, ComplaintSettings, DEFAULT_SLA_POLICIES } from "@kexin/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { startLocalSmtpServer, type LocalSmtpServer } from "../../testing/local-smtp-server.ts";
import { parseMail } from "../../testing/parse-mail.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import type { Mailer } from "../mail/mailer.ts";
import { createSmtpMailer } from "../mail/smtp-mailer.ts";
import { buildInvitee, buildLiveSurvey } from "../surveys/invitations/invitation-test-support.ts";
import { closeComplaint } from "./close-complaint.ts";
import { fileTestComplaint, MONDAY_10, shanghai } from "./complaint-test-support.ts";
import { getComplaint } from "./get-complaint.ts";
import { listComplaints } from "./list-complaints.ts";
import { reopenComplaint } from "./reopen-complaint.ts";
import { replyToComplaint } from "./reply-to-complaint.ts";
import { resolveComplaint } from "./resolve-complaint.ts";
import { updateComplaint } from "./update-complaint.ts";
import { updateComplaintSettings } from "./update-complaint-settings.ts";

const PUBLIC_URL = "https://kexin.example";
const list = (input: Record<string, unknown> = {}) => ComplaintListQuery.parse(input);

describe.each(testDatabaseKinds)("complaints on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let smtp: LocalSmtpServer;
  let mailer: Mailer;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db, "Kexin & <Co>");
    smtp = await startLocalSmtpServer();
    mailer = createSmtpMailer({ url: smtp.url, from: "Kexin <care@kexin.test>" });
  });
  afterAll(async () => {
    await mailer.close();
    await smtp.close();
    await database.close();
  });

  it("numbers tickets per organisation and year, without gaps or duplicates when filed at once", async () => {
    const filed = await Promise.all(
      Array.from({ length: 5 }, () => fileTestComplaint(database.db, org.users.admin.actor, { storeId: org.storeA })),
    );
    const numbers = filed.map((complaint) => complaint.number).sort();
    expect(new Set(numbers).size).toBe(5);
    for (const number of numbers) expect(number).toMatch(/^TS-2026-\d{6}$/);
    const sequences = numbers.map((number) => Number(number.slice(-6)));
    expect(Math.max(...sequences) - Math.min(...sequences)).toBe(4);
  });

  it("computes due times in business minutes: filed Friday 17:00, a 4-hour target is due Monday 12:00", async () => {
    const complaint = await fileTestComplaint(database.db, org.users.store_manager.actor, { severity: "medium" }, shanghai("2026-03-06T17:00:00"));
    expect(complaint.storeId).toBe(org.storeA); // the store manager's only store
    expect(complaint.firstResponse.targetMinutes).toBe(240);
    expect(complaint.firstResponse.dueAt).toBe(shanghai("2026-03-09T12:00:00").toISOString());
    expect(complaint.resolution.dueAt).toBe(shanghai("2026-03-11T14:00:00").toISOString()); // 1440 min = 1 h + 2 × 9 h + 5 h
    expect(complaint.firstResponse.state).toBe("running");
    expect(complaint.firstResponse.businessMinutesLeft).toBe(240);
    const later = await getComplaint({ db: database.db, actor: org.users.admin.actor, id: complaint.id, now: shanghai("2026-03-09T13:00:00") });
    expect(later.firstResponse.state).toBe("breached");
    expect(later.firstResponse.businessMinutesLeft).toBe(-60);
  });

  it("uses the policy of the customer's tier, then of the severity, then Kexin's default", async () => {
    const settings: ComplaintSettings = ComplaintSettings.parse({
      timeZone: "Asia/Shanghai",
      workDays: [1, 2, 3, 4, 5],
      opensAt: "09:00",
      closesAt: "18:00",
      holidays: [],
      extraWorkdays: [],
      recoverySurveyId: null,
      staffKpiThresholdPercent: 10,
      policies: [
        { severity: "high", tier: "vip", firstResponseMinutes: 15, resolutionMinutes: 120 },
        { severity: "high", tier: null, firstResponseMinutes: 90, resolutionMinutes: 600 },
      ],
    });
    await updateComplaintSettings({ db: database.db, actor: org.users.admin.actor, input: settings });
    const vip = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeA, email: "vip@example.test" });
    await database.db.insertInto("customer_values").values({ org_id: org.orgId, customer_id: vip.id, tier: "vip", computed_tier: "vip" }).execute();
    const ordinary = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeA });

    const forVip = await fileTestComplaint(database.db, org.users.agent.actor, { customerId: vip.id });
    expect(forVip.customerTier).toBe("vip");
    expect(forVip.firstResponse.targetMinutes).toBe(15);
    const forOrdinary = await fileTestComplaint(database.db, org.users.agent.actor, { customerId: ordinary.id });
    expect(forOrdinary.firstResponse.targetMinutes).toBe(90);
    const low = await fileTestComplaint(database.db, org.users.agent.actor, { customerId: vip.id, severity: "low" });
    expect(low.firstResponse.targetMinutes).toBe(DEFAULT_SLA_POLICIES.find((policy) => policy.severity === "low")!.firstResponseMinutes);
    // Found by email when no id is given.
    const byEmail = await fileTestComplaint(database.db, org.users.agent.actor, { contactEmail: "VIP@example.test" });
    expect(byEmail.customerId).toBe(vip.id);

    // Raising the severity re-reads the policy and moves the due times, counted from filing.
    const raised = await updateComplaint({ db: database.db, actor: org.users.agent.actor, id: low.id, input: { severity: "high" } });
    expect(raised.firstResponse.targetMinutes).toBe(15);
    expect(raised.firstResponse.dueAt).toBe(new Date(MONDAY_10.getTime() + 15 * 60_000).toISOString());
    await updateComplaintSettings({ db: database.db, actor: org.users.admin.actor, input: { ...settings, policies: [] } });
  });

  it("never shows a store manager another store's complaints", async () => {
    const inB = await fileTestComplaint(database.db, org.users.manager.actor, { storeId: org.storeB, subject: "B store complaint" });
    const storeManagerA = org.users.store_manager.actor;
    await expect(getComplaint({ db: database.db, actor: storeManagerA, id: inB.id })).rejects.toMatchObject({ code: "complaint.not_found" });
    await expect(
      updateComplaint({ db: database.db, actor: storeManagerA, id: inB.id, input: { assigneeId: storeManagerA.userId } }),
    ).rejects.toMatchObject({ code: "complaint.not_found" });
    const seenByA = await listComplaints({ db: database.db, actor: storeManagerA, input: list({ pageSize: 100 }) });
    expect(seenByA.items.map((item) => item.id)).not.toContain(inB.id);
    expect(seenByA.items.every((item) => item.storeId === org.storeA)).toBe(true);
    expect((await listComplaints({ db: database.db, actor: storeManagerA, input: list({ storeId: org.storeB }) })).total).toBe(0);
    const seenByB = await listComplaints({ db: database.db, actor: org.users.storeManagerB.actor, input: list({ pageSize: 100 }) });
    expect(seenByB.items.map((item) => item.id)).toContain(inB.id);
    // A store manager cannot file into another store either.
    await expect(fileTestComplaint(database.db, storeManagerA, { storeId: org.storeB })).rejects.toMatchObject({
      code: "complaint.store_out_of_scope",
      field: "storeId",
    });
  });

  it("replies by email with the ticket number in the subject, escaped, and stops the first-response timer", async () => {
    const complaint = await fileTestComplaint(database.db, org.users.agent.actor, {
      contactName: "<b>Wang</b>",
      contactEmail: "wang.reply@example.test",
      language: "en",
    });
    const before = smtp.messages.length;
    const answered = await replyToComplaint({
      db: database.db,
      actor: org.users.agent.actor,
      mailer,
      id: complaint.id,
      input: { body: "We are sorry. <script>alert(1)</script>\nWe will call you today.", channel: "email" },
      now: shanghai("2026-03-02T10:30:00"),
    });
    expect(answered.status).toBe("in_progress");
    expect(answered.assigneeId).toBe(org.users.agent.id);
    expect(answered.firstResponse.state).toBe("met");
    expect(answered.events.at(-1)).toMatchObject({ kind: "reply", channel: "email", isDelivered: true, recipients: ["wang.reply@example.test"] });
    const [received] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(received.to).toEqual(["wang.reply@example.test"]);
    const mail = parseMail(received.raw);
    expect(mail.subject).toBe(`[${complaint.number}] 店员态度差`);
    expect(mail.text).toContain("We will call you today.");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).toContain("&lt;b&gt;Wang&lt;/b&gt;");

    const withoutEmail = await fileTestComplaint(database.db, org.users.agent.actor, {});
    await expect(
      replyToComplaint({ db: database.db, actor: org.users.agent.actor, mailer, id: withoutEmail.id, input: { body: "hi", channel: "email" } }),
    ).rejects.toMatchObject({ code: "complaint.no_email", field: "channel" });
    const byPhone = await replyToComplaint({
      db: database.db,
      actor: org.users.agent.actor,
      mailer,
      id: withoutEmail.id,
      input: { body: "Called, apologised.", channel: "phone" },
    });
    expect(byPhone.events.filter((event) => event.kind === "reply")).toHaveLength(1);
  });

  it("resolves with compensation, closes, and sends the recovery survey invitation; reopens with a fresh timer", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId, { title: "Recovery" });
    await database.db.updateTable("surveys").set({ template_key: "csat-after-purchase" }).where("id", "=", survey.id).execute();
    const customer = await buildInvitee(database.db, org.orgId, org.storeA, { name: "Li Na" });
    const complaint = await fileTestComplaint(database.db, org.users.store_manager.actor, { customerId: customer.id });
    expect(complaint.contactEmail).toBe(customer.email);
    await expect(
      closeComplaint({ db: database.db, actor: org.users.store_manager.actor, mailer, publicUrl: PUBLIC_URL, id: complaint.id }),
    ).rejects.toMatchObject({ code: "complaint.not_resolved" });
    const resolved = await resolveComplaint({
      db: database.db,
      actor: org.users.store_manager.actor,
      id: complaint.id,
      input: ComplaintResolve.parse({ note: "Apologised, refunded the difference.", compensation: { kind: "refund", amount: 88.5, note: "差价" } }),
      now: shanghai("2026-03-02T15:00:00"),
    });
    expect(resolved.status).toBe("resolved");
    expect(resolved.compensation).toEqual({ kind: "refund", amount: 88.5, note: "差价" });
    expect(resolved.resolution.state).toBe("met");

    const before = smtp.messages.length;
    const closed = await closeComplaint({ db: database.db, actor: org.users.store_manager.actor, mailer, publicUrl: PUBLIC_URL, id: complaint.id });
    expect(closed.status).toBe("closed");
    expect(closed.recoverySurvey).toMatchObject({ status: "sent", surveyId: survey.id });
    const [invitation] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(invitation.to).toEqual([customer.email]);
    expect(parseMail(invitation.raw).headers.get("x-kexin-kind")).toBe("survey-invitation");
    expect(parseMail(invitation.raw).text).toContain(`${PUBLIC_URL}/r/`);

    const timeline = await database.db
      .selectFrom("interactions")
      .select(["kind", "summary"])
      .where("customer_id", "=", customer.id)
      .orderBy("occurred_at")
      .execute();
    expect(timeline.filter((entry) => entry.kind === "complaint").map((entry) => entry.summary)).toEqual([
      `${complaint.number}: 店员态度差`,
      `${complaint.number}: Apologised, refunded the difference.`,
    ]);

    const reopenedAt = shanghai("2026-03-03T09:30:00");
    const reopened = await reopenComplaint({ db: database.db, actor: org.users.manager.actor, id: complaint.id, input: { reason: "still broken" }, now: reopenedAt });
    expect(reopened.status).toBe("in_progress");
    expect(reopened.resolution.state).toBe("running");
    // 16 business hours from Tuesday 09:30: 8.5 h on Tuesday, 7.5 h on Wednesday.
    expect(reopened.resolution.dueAt).toBe(shanghai("2026-03-04T16:30:00").toISOString());
  });

  it("records why no recovery survey went out", async () => {
    const noCustomer = await fileTestComplaint(database.db, org.users.admin.actor, { storeId: org.storeA });
    await resolveComplaint({ db: database.db, actor: org.users.admin.actor, id: noCustomer.id, input: { note: "done" } });
    const closed = await closeComplaint({ db: database.db, actor: org.users.admin.actor, mailer, publicUrl: PUBLIC_URL, id: noCustomer.id });
    expect(closed.recoverySurvey).toMatchObject({ status: "skipped", reason: "the complaint is not linked to a customer" });
    expect(closed.events.at(-1)).toMatchObject({ kind: "recovery_survey", isDelivered: false });
  });
});
