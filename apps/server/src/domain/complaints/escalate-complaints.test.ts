import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { findJobDefinition } from "../../jobs/job-definitions.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { startLocalSmtpServer, type LocalSmtpServer } from "../../testing/local-smtp-server.ts";
import { parseMail } from "../../testing/parse-mail.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import type { Mailer } from "../mail/mailer.ts";
import { createSmtpMailer } from "../mail/smtp-mailer.ts";
import { ESCALATE_COMPLAINTS_JOB } from "./complaint-jobs.ts";
import { fileTestComplaint, shanghai } from "./complaint-test-support.ts";
import { escalateComplaints } from "./escalate-complaints.ts";
import { getComplaint } from "./get-complaint.ts";
import { replyToComplaint } from "./reply-to-complaint.ts";

const PUBLIC_URL = "https://kexin.example";

describe.each(testDatabaseKinds)("escalation on breach on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let smtp: LocalSmtpServer;
  let mailer: Mailer;
  const run = (now: Date) => escalateComplaints({ db: database.db, mailer, publicUrl: PUBLIC_URL, orgId: org.orgId, now });
  const escalationMails = () =>
    smtp.messages.map((message) => ({ to: message.to, mail: parseMail(message.raw) })).filter(({ mail }) => mail.headers.get("x-kexin-kind") === "complaint-escalation");

  beforeAll(async () => {
    database = await kind.create();
    smtp = await startLocalSmtpServer();
    mailer = createSmtpMailer({ url: smtp.url, from: "Kexin <care@kexin.test>" });
  });
  // Each test its own organisation: the job sweeps a whole organisation, so earlier tests' complaints stay out.
  beforeEach(async () => {
    org = await buildOrg(database.db);
  });
  afterAll(async () => {
    await mailer.close();
    await smtp.close();
    await database.close();
  });

  it("escalates to the store manager on breach, then to the manager after the target again, once per level", async () => {
    // High severity: first response within 120 business minutes → due Monday 12:00; level 2 at Monday 14:00.
    const complaint = await fileTestComplaint(database.db, org.users.agent.actor, { subject: "Escalate me" }, shanghai("2026-03-02T10:00:00"));
    const mine = () => escalationMails().filter(({ mail }) => mail.text.includes(complaint.id));

    expect(await run(shanghai("2026-03-02T11:59:00"))).toMatchObject({ escalated: 0, notified: 0 });
    expect(await run(shanghai("2026-03-02T12:01:00"))).toMatchObject({ escalated: 1, notified: 1 });
    expect(await run(shanghai("2026-03-02T12:02:00"))).toMatchObject({ escalated: 0, notified: 0 });
    await smtp.waitForMessages(1);
    expect(mine()).toHaveLength(1);
    expect(mine()[0].to).toEqual([org.users.store_manager.email]);
    expect(mine()[0].mail.subject).toContain("投诉升级");
    expect(mine()[0].mail.text).toContain(`${PUBLIC_URL}/complaints/${complaint.id}`);

    const afterLevel1 = await getComplaint({ db: database.db, actor: org.users.admin.actor, id: complaint.id, now: shanghai("2026-03-02T12:02:00") });
    expect(afterLevel1.escalationLevel).toBe(1);
    expect(afterLevel1.events.filter((event) => event.kind === "escalated")).toEqual([
      expect.objectContaining({ level: 1, recipients: [org.users.store_manager.email], isDelivered: true }),
    ]);

    // Business time stops overnight: Monday 18:00 → Tuesday 08:00 adds nothing, so the level-2 point (Monday 14:00) is
    // what counts; it is passed at 14:00 the same day.
    expect(await run(shanghai("2026-03-02T13:59:00"))).toMatchObject({ escalated: 0 });
    expect(await run(shanghai("2026-03-02T14:00:00"))).toMatchObject({ escalated: 1, notified: 1 });
    expect(await run(shanghai("2026-03-03T10:00:00"))).toMatchObject({ escalated: 0, notified: 0 });
    await smtp.waitForMessages(2);
    expect(mine().map((entry) => entry.to)).toEqual([[org.users.store_manager.email], [org.users.manager.email]]);
    expect(mine()[1].mail.subject).toContain("二级");
    const afterLevel2 = await getComplaint({ db: database.db, actor: org.users.admin.actor, id: complaint.id });
    expect(afterLevel2.escalationLevel).toBe(2);
  });

  it("escalates once when the job runs concurrently", async () => {
    const complaint = await fileTestComplaint(database.db, org.users.agent.actor, { subject: "Concurrent" }, shanghai("2026-03-09T10:00:00"));
    const at = shanghai("2026-03-09T12:30:00");
    const results = await Promise.all([run(at), run(at), run(at)]);
    expect(results.reduce((sum, result) => sum + result.escalated, 0)).toBe(1);
    expect(results.reduce((sum, result) => sum + result.notified, 0)).toBe(1);
    const events = await database.db.selectFrom("complaint_events").select("level").where("complaint_id", "=", complaint.id).where("kind", "=", "escalated").execute();
    expect(events).toEqual([{ level: 1 }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(escalationMails().filter(({ mail }) => mail.text.includes(complaint.id))).toHaveLength(1);
  });

  it("does not escalate an answered complaint before its resolution is due; a missed one with no store goes to managers", async () => {
    const answered = await fileTestComplaint(database.db, org.users.agent.actor, { subject: "Answered", contactEmail: "a@example.test" }, shanghai("2026-03-16T10:00:00"));
    await replyToComplaint({ db: database.db, actor: org.users.agent.actor, mailer, id: answered.id, input: { body: "On it", channel: "phone" }, now: shanghai("2026-03-16T10:10:00") });
    const orgWide = await fileTestComplaint(database.db, org.users.admin.actor, { subject: "No store" }, shanghai("2026-03-16T10:00:00"));
    expect(orgWide.storeId).toBeNull();
    const result = await run(shanghai("2026-03-16T13:00:00"));
    expect(result.escalated).toBe(1);
    const answeredNow = await getComplaint({ db: database.db, actor: org.users.admin.actor, id: answered.id });
    expect(answeredNow.escalationLevel).toBe(0);
    const orgWideNow = await getComplaint({ db: database.db, actor: org.users.admin.actor, id: orgWide.id });
    expect(orgWideNow.events.find((event) => event.kind === "escalated")?.recipients).toEqual([org.users.manager.email]);
    // Resolution (960 business minutes → Tuesday 17:00) missed: the answered one escalates to level 1 too (and the
    // unanswered one, past twice its first-response target since Monday 14:00, to level 2).
    expect((await run(shanghai("2026-03-17T17:01:00"))).escalated).toBe(2);
    expect((await getComplaint({ db: database.db, actor: org.users.admin.actor, id: answered.id })).escalationLevel).toBe(1);
    expect((await getComplaint({ db: database.db, actor: org.users.admin.actor, id: orgWide.id })).escalationLevel).toBe(2);
  });

  it("is the job kind complaints.escalate, run every minute with the worker's clock", async () => {
    const definition = findJobDefinition(ESCALATE_COMPLAINTS_JOB);
    expect(definition?.every).toBe("minute");
    const complaint = await fileTestComplaint(database.db, org.users.agent.actor, { subject: "Via job" }, shanghai("2026-03-23T10:00:00"));
    const now = shanghai("2026-03-23T12:30:00");
    const context = {
      db: database.db,
      config: { ...loadConfig({ KEXIN_LOG_LEVEL: "silent" }), publicUrl: PUBLIC_URL },
      mailer,
      log: { info: () => {}, error: () => {} },
      orgId: org.orgId,
      key: "2026-03-23T04:30",
      payload: {},
      now,
      deadline: new Date(Date.now() + 60_000),
    };
    expect(await definition!.run(context)).toMatchObject({ escalated: 1 });
    expect(await definition!.run(context)).toMatchObject({ escalated: 0, notified: 0 });
    expect((await getComplaint({ db: database.db, actor: org.users.admin.actor, id: complaint.id })).escalationLevel).toBe(1);
  });

  it("retries the notice after the lease when the mail server was down, without a second escalation", async () => {
    const complaint = await fileTestComplaint(database.db, org.users.agent.actor, { subject: "Mail down" }, shanghai("2026-03-30T10:00:00"));
    const brokenMailer: Mailer = { kind: "smtp", send: async () => Promise.reject(new Error("connection refused")), close: async () => {} };
    const at = shanghai("2026-03-30T12:30:00");
    expect(await escalateComplaints({ db: database.db, mailer: brokenMailer, publicUrl: PUBLIC_URL, orgId: org.orgId, now: at })).toMatchObject({
      escalated: 1,
      failed: 1,
    });
    // Within the lease nothing is retried; after it, the notice goes out once.
    expect(await run(new Date(at.getTime() + 60_000))).toMatchObject({ escalated: 0, notified: 0 });
    expect(await run(new Date(at.getTime() + 11 * 60_000))).toMatchObject({ escalated: 0, notified: 1 });
    const events = (await getComplaint({ db: database.db, actor: org.users.admin.actor, id: complaint.id })).events.filter((e) => e.kind === "escalated");
    expect(events).toEqual([expect.objectContaining({ level: 1, isDelivered: true })]);
  });
});
