import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/database.ts";
import { buildOrg, type TestOrg } from "../../../testing/factories.ts";
import { startLocalSmtpServer, type LocalSmtpServer } from "../../../testing/local-smtp-server.ts";
import { parseMail } from "../../../testing/parse-mail.ts";
import { testDatabaseKinds } from "../../../testing/test-database.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { createOutboxMailer } from "../../mail/outbox-mailer.ts";
import { createSmtpMailer } from "../../mail/smtp-mailer.ts";
import { hashInvitationToken } from "../invitation-token.ts";
import { createInvitations } from "./create-invitations.ts";
import { RETRY_DELAYS_MS, SEND_LEASE_MS } from "./invitation-delivery.ts";
import { buildInvitee, buildLiveSurvey, mailsTo, tokenInMail } from "./invitation-test-support.ts";
import { listInvitations } from "./list-invitations.ts";
import { remindInvitations } from "./remind-invitations.ts";
import { sendPendingInvitations } from "./send-pending-invitations.ts";

const PUBLIC_URL = "https://kexin.example";
const ORG_NAME = "Kexin & <Co>";
const minutes = (count: number) => count * 60_000;

describe.each(testDatabaseKinds)("survey invitations on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let smtp: LocalSmtpServer;
  let mailer: Mailer;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db, ORG_NAME);
    smtp = await startLocalSmtpServer();
    mailer = createSmtpMailer({ url: smtp.url, from: "Kexin <no-reply@kexin.test>" });
  });
  afterAll(async () => {
    await mailer.close();
    await smtp.close();
    await database.close();
  });
  afterEach(() => {
    smtp.refuseRecipients = null;
  });

  const invite = (surveyId: string, customerIds: string[], actor = org.users.admin.actor, language?: "zh-CN" | "en") =>
    createInvitations({ db: database.db, actor, mailer, publicUrl: PUBLIC_URL, surveyId, input: { customerIds, language } });
  const rowsOf = (surveyId: string) =>
    database.db.selectFrom("survey_invitations").selectAll().where("survey_id", "=", surveyId).orderBy("email").execute();

  it("creates one invitation per customer and delivers a personal link whose token hashes to the stored hash", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId, { title: "门店服务调查" });
    const invitees = [
      await buildInvitee(database.db, org.orgId, org.storeA, { name: "张伟" }),
      await buildInvitee(database.db, org.orgId, org.storeA, { name: "李娜" }),
      await buildInvitee(database.db, org.orgId, org.storeB, { name: "王芳" }),
    ];
    const before = smtp.messages.length;
    const result = await invite(
      survey.id,
      invitees.map((invitee) => invitee.id),
    );
    expect(result).toEqual({ created: 3, sent: 3, failed: 0, skipped: [] });
    await smtp.waitForMessages(before + 3);

    const rows = await rowsOf(survey.id);
    expect(rows).toHaveLength(3);
    const tokens = new Set<string>();
    for (const invitee of invitees) {
      const row = rows.find((candidate) => candidate.customer_id === invitee.id)!;
      expect(row).toMatchObject({ status: "sent", attempts: 1, error: null, language: "zh-CN", email: invitee.email });
      expect(row.sent_at).toBeInstanceOf(Date);
      const mails = mailsTo(smtp.messages, invitee.email!);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail.subject).toBe(`${ORG_NAME}想听听您的意见：门店服务调查`);
      expect(mail.text).toContain(`${invitee.name}，您好`);
      const token = tokenInMail(mail);
      expect(mail.text).toContain(`${PUBLIC_URL}/r/${token}`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/r/${token}"`);
      // Only the hash is stored, and it is the hash of exactly the token the customer received.
      expect(row.token_hash).toBe(hashInvitationToken(token));
      expect(row.token_hash).not.toContain(token);
      tokens.add(token);
    }
    expect(tokens.size).toBe(3);

    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "details", "user_id"])
      .where("target_id", "=", survey.id)
      .execute();
    expect(audit).toEqual([
      { action: "survey.invite", user_id: org.users.admin.id, details: expect.objectContaining({ created: 3, language: "zh-CN" }) },
    ]);
  });

  it("writes in the language asked for, and refuses one the survey is not written in", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId, { title: "Store visit" });
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA, { name: "Ada Lovelace" });
    await invite(survey.id, [invitee.id], undefined, "en");
    const [mail] = mailsTo(await smtp.waitForMessages(1), invitee.email!);
    expect(mail.subject).toBe(`${ORG_NAME} would like your opinion: Store visit`);
    expect(mail.text).toContain("Dear Ada Lovelace,");
    expect(mail.text).toContain("You receive this email because you are a customer of");

    await expect(
      createInvitations({
        db: database.db,
        actor: org.users.admin.actor,
        mailer,
        publicUrl: PUBLIC_URL,
        surveyId: survey.id,
        input: { customerIds: [invitee.id], language: "zh-TW" },
      }),
    ).rejects.toMatchObject({ code: "invitation.language", field: "language" });
  });

  it("escapes every user-written value in the HTML part", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId, { title: `Q&A <img src=x onerror=alert(2)>` });
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA, { name: "<script>alert(1)</script>" });
    await invite(survey.id, [invitee.id]);
    const [mail] = mailsTo(await smtp.waitForMessages(1), invitee.email!);
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain("Q&amp;A &lt;img src=x onerror=alert(2)&gt;");
    expect(mail.html).toContain("Kexin &amp; &lt;Co&gt;");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<Co>");
    // The text part is not HTML: it carries the name as written.
    expect(mail.text).toContain("<script>alert(1)</script>，您好");
  });

  it("skips customers without an address, without consent, already invited, or out of reach, saying why", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const invited = await buildInvitee(database.db, org.orgId, org.storeA);
    await invite(survey.id, [invited.id]);

    const noEmail = await buildInvitee(database.db, org.orgId, org.storeA, { email: null });
    const badEmail = await buildInvitee(database.db, org.orgId, org.storeA, { email: "not an address" });
    const declined = await buildInvitee(database.db, org.orgId, org.storeA, { consentEmail: false });
    const archived = await buildInvitee(database.db, org.orgId, org.storeA);
    await database.db.updateTable("customers").set({ status: "archived" }).where("id", "=", archived.id).execute();
    const otherStore = await buildInvitee(database.db, org.orgId, org.storeB);
    const fine = await buildInvitee(database.db, org.orgId, org.storeA);
    const otherOrg = await buildOrg(database.db, "Other org");
    const foreign = await buildInvitee(database.db, otherOrg.orgId, otherOrg.storeA);
    const unknown = randomUUID();

    const result = await invite(
      survey.id,
      [invited.id, noEmail.id, badEmail.id, declined.id, archived.id, otherStore.id, fine.id, foreign.id, unknown, fine.id],
      org.users.store_manager.actor,
    );
    expect(result.created).toBe(1);
    expect(result.sent).toBe(1);
    expect(Object.fromEntries(result.skipped.map((skip) => [skip.customerId, skip.reason]))).toEqual({
      [invited.id]: "already_invited",
      [noEmail.id]: "no_email",
      [badEmail.id]: "no_email",
      [declined.id]: "no_consent",
      [archived.id]: "not_found",
      // A store manager of store A does not learn that store B's customer exists.
      [otherStore.id]: "not_found",
      [foreign.id]: "not_found",
      [unknown]: "not_found",
    });
    const rows = await rowsOf(survey.id);
    expect(rows.map((row) => row.customer_id).sort()).toEqual([invited.id, fine.id].sort());
    expect(mailsTo(smtp.messages, declined.email!)).toHaveLength(0);
  });

  it("invites only to a live survey", async () => {
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA);
    for (const status of ["draft", "closed"] as const) {
      const survey = await buildLiveSurvey(database.db, org.orgId, { status });
      await expect(invite(survey.id, [invitee.id])).rejects.toMatchObject({ code: "survey.not_live", kind: "conflict" });
    }
    await expect(invite(randomUUID(), [invitee.id])).rejects.toMatchObject({ code: "survey.not_found" });
  });

  it("sends one reminder with a fresh link that replaces the first, and never a second", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId, { title: "提醒测试" });
    const invitees = [await buildInvitee(database.db, org.orgId, org.storeA), await buildInvitee(database.db, org.orgId, org.storeB)];
    await invite(
      survey.id,
      invitees.map((invitee) => invitee.id),
    );
    const remind = (minHoursSinceSent: number, actor = org.users.admin.actor) =>
      remindInvitations({ db: database.db, actor, mailer, publicUrl: PUBLIC_URL, surveyId: survey.id, input: { minHoursSinceSent } });

    // Just sent: not yet 72 hours ago.
    expect(await remind(72)).toEqual({ reminded: 0, failed: 0 });
    // A store manager reminds only their own store's customers.
    expect(await remind(0, org.users.store_manager.actor)).toEqual({ reminded: 1, failed: 0 });
    expect(await remind(0)).toEqual({ reminded: 1, failed: 0 });
    expect(await remind(0)).toEqual({ reminded: 0, failed: 0 });

    for (const invitee of invitees) {
      const mails = mailsTo(smtp.messages, invitee.email!);
      expect(mails).toHaveLength(2);
      const [invitation, reminder] = mails;
      expect(reminder.subject).toBe("温馨提醒：问卷「提醒测试」还在等您");
      expect(reminder.subject).not.toBe(invitation.subject);
      expect(reminder.text).toContain("唯一的一次提醒");
      const row = await database.db
        .selectFrom("survey_invitations")
        .select(["token_hash", "reminded_at", "status"])
        .where("customer_id", "=", invitee.id)
        .where("survey_id", "=", survey.id)
        .executeTakeFirstOrThrow();
      expect(row.reminded_at).toBeInstanceOf(Date);
      expect(row.status).toBe("sent");
      // The reminder's link is the one that works now; the first one stopped.
      expect(row.token_hash).toBe(hashInvitationToken(tokenInMail(reminder)));
      expect(row.token_hash).not.toBe(hashInvitationToken(tokenInMail(invitation)));
    }
  });

  it("does not remind answered invitations, and lets a failed reminder be tried again", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const answered = await buildInvitee(database.db, org.orgId, org.storeA);
    const waiting = await buildInvitee(database.db, org.orgId, org.storeA);
    await invite(survey.id, [answered.id, waiting.id]);
    await database.db
      .updateTable("survey_invitations")
      .set({ status: "answered", answered_at: new Date() })
      .where("customer_id", "=", answered.id)
      .execute();
    const remind = () =>
      remindInvitations({
        db: database.db,
        actor: org.users.admin.actor,
        mailer,
        publicUrl: PUBLIC_URL,
        surveyId: survey.id,
        input: { minHoursSinceSent: 0 },
      });

    smtp.refuseRecipients = { code: 451, message: "Mailbox busy, try later" };
    expect(await remind()).toEqual({ reminded: 0, failed: 1 });
    const afterFailure = await rowsOf(survey.id);
    expect(afterFailure.every((row) => row.reminded_at === null)).toBe(true);

    smtp.refuseRecipients = null;
    expect(await remind()).toEqual({ reminded: 1, failed: 0 });
    expect(mailsTo(smtp.messages, answered.email!)).toHaveLength(1);
    expect(mailsTo(smtp.messages, waiting.email!)).toHaveLength(2);

    const audit = await database.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "survey.remind")
      .where("target_id", "=", survey.id)
      .orderBy("created_at")
      .execute();
    expect(audit.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ reminded: 0, failed: 1 }),
      expect.objectContaining({ reminded: 1, failed: 0 }),
    ]);
  });

  it("retries a refused send with back-off and marks it failed after the third attempt", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA);
    smtp.refuseRecipients = { code: 451, message: "Greylisted, try again later" };
    const start = new Date();
    expect(await invite(survey.id, [invitee.id])).toEqual({ created: 1, sent: 0, failed: 1, skipped: [] });
    let [row] = await rowsOf(survey.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.error).toContain("Greylisted");

    const sweep = (at: Date) => sendPendingInvitations({ db: database.db, mailer, publicUrl: PUBLIC_URL, invitationIds: [row.id], now: at });
    // Not yet due: the back-off holds it.
    expect(await sweep(new Date(start.getTime() + RETRY_DELAYS_MS[0] / 2))).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    const second = new Date(start.getTime() + RETRY_DELAYS_MS[0] + 1000);
    expect(await sweep(second)).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
    [row] = await rowsOf(survey.id);
    expect(row).toMatchObject({ status: "pending", attempts: 2 });
    const third = new Date(second.getTime() + RETRY_DELAYS_MS[1] + 1000);
    expect(await sweep(third)).toEqual({ sent: 0, failed: 1, gaveUp: 1 });
    [row] = await rowsOf(survey.id);
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row.error).toContain("Greylisted");

    // Given up: even with the server back, the sweep leaves it alone…
    smtp.refuseRecipients = null;
    expect(await sweep(new Date(third.getTime() + minutes(60)))).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(mailsTo(smtp.messages, invitee.email!)).toHaveLength(0);
    // …until someone invites the customer again, which queues it afresh.
    expect(await invite(survey.id, [invitee.id])).toEqual({ created: 1, sent: 1, failed: 0, skipped: [] });
    [row] = await rowsOf(survey.id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, error: null });
    expect(mailsTo(smtp.messages, invitee.email!)).toHaveLength(1);
  });

  it("gives up at once when the server refuses the recipient for good (5xx)", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA);
    smtp.refuseRecipients = { code: 550, message: "No such mailbox" };
    expect(await invite(survey.id, [invitee.id])).toEqual({ created: 1, sent: 0, failed: 1, skipped: [] });
    const [row] = await rowsOf(survey.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.error).toContain("No such mailbox");
  });

  it("sends nothing to a customer who withdrew consent, or for a survey that closed, before the sweep", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const withdrawn = await buildInvitee(database.db, org.orgId, org.storeA);
    smtp.refuseRecipients = { code: 421, message: "Service not available" };
    const start = new Date();
    await invite(survey.id, [withdrawn.id]);
    await database.db
      .updateTable("customers")
      .set({ consent: JSON.stringify({ email: false, sms: true, wechat: true, phone: true }) })
      .where("id", "=", withdrawn.id)
      .execute();
    smtp.refuseRecipients = null;
    const ids = (await rowsOf(survey.id)).map((row) => row.id);
    const later = new Date(start.getTime() + RETRY_DELAYS_MS[0] + 1000);
    expect(await sendPendingInvitations({ db: database.db, mailer, publicUrl: PUBLIC_URL, invitationIds: ids, now: later })).toEqual({
      sent: 0,
      failed: 0,
      gaveUp: 1,
    });
    const [row] = await rowsOf(survey.id);
    expect(row.status).toBe("failed");
    expect(row.error).toContain("no longer agrees");
    expect(mailsTo(smtp.messages, withdrawn.email!)).toHaveLength(0);

    const closing = await buildLiveSurvey(database.db, org.orgId);
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA);
    smtp.refuseRecipients = { code: 421, message: "Service not available" };
    const invitedAt = new Date();
    await invite(closing.id, [invitee.id]);
    await database.db.updateTable("surveys").set({ status: "closed" }).where("id", "=", closing.id).execute();
    smtp.refuseRecipients = null;
    const closingIds = (await rowsOf(closing.id)).map((one) => one.id);
    const retryAt = new Date(invitedAt.getTime() + RETRY_DELAYS_MS[0] + 1000);
    await sendPendingInvitations({ db: database.db, mailer, publicUrl: PUBLIC_URL, invitationIds: closingIds, now: retryAt });
    const [closed] = await rowsOf(closing.id);
    expect(closed).toMatchObject({ status: "failed", error: "the survey is no longer live" });
  });

  it("re-sends with a new token what a crashed sender left pending, once its lease has run out", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const invitee = await buildInvitee(database.db, org.orgId, org.storeA);
    const interrupted = await buildInvitee(database.db, org.orgId, org.storeA);
    const claimedAt = new Date();
    // As a sender leaves rows it claimed and then died: attempts counted, a lease, a hash of a token that was
    // never marked sent. One of them was on its last allowed attempt.
    await database.db
      .insertInto("survey_invitations")
      .values([
        { org_id: org.orgId, survey_id: survey.id, customer_id: invitee.id, email: invitee.email!, token_hash: "lost-1", attempts: 1 },
        { org_id: org.orgId, survey_id: survey.id, customer_id: interrupted.id, email: interrupted.email!, token_hash: "lost-2", attempts: 3 },
      ].map((row) => ({ ...row, next_attempt_at: new Date(claimedAt.getTime() + SEND_LEASE_MS) })))
      .execute();
    const ids = (await rowsOf(survey.id)).map((row) => row.id);
    const sweep = (at: Date) => sendPendingInvitations({ db: database.db, mailer, publicUrl: PUBLIC_URL, invitationIds: ids, now: at });

    expect(await sweep(new Date(claimedAt.getTime() + SEND_LEASE_MS / 2))).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(await sweep(new Date(claimedAt.getTime() + SEND_LEASE_MS + 1000))).toEqual({ sent: 1, failed: 0, gaveUp: 1 });
    const rows = await rowsOf(survey.id);
    const resent = rows.find((row) => row.customer_id === invitee.id)!;
    expect(resent).toMatchObject({ status: "sent", attempts: 2 });
    const [mail] = mailsTo(smtp.messages, invitee.email!);
    expect(resent.token_hash).toBe(hashInvitationToken(tokenInMail(mail)));
    expect(rows.find((row) => row.customer_id === interrupted.id)).toMatchObject({
      status: "failed",
      error: "gave up after 3 attempts; the last one was interrupted",
    });
  });

  it("sends each invitation once when two sweeps run at the same time", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const invitees = [];
    for (let index = 0; index < 24; index++) invitees.push(await buildInvitee(database.db, org.orgId, org.storeA));
    const now = new Date();
    await database.db
      .insertInto("survey_invitations")
      .values(
        invitees.map((invitee, index) => ({
          org_id: org.orgId,
          survey_id: survey.id,
          customer_id: invitee.id,
          email: invitee.email!,
          token_hash: `placeholder-${survey.id}-${index}`,
          next_attempt_at: now,
        })),
      )
      .execute();
    const before = smtp.messages.length;
    const [first, second] = await Promise.all([
      sendPendingInvitations({ db: database.db, mailer, publicUrl: PUBLIC_URL, now }),
      sendPendingInvitations({ db: database.db, mailer, publicUrl: PUBLIC_URL, now }),
    ]);
    expect(first.sent + second.sent).toBe(24);
    await smtp.waitForMessages(before + 24);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.length - before).toBe(24);
    for (const invitee of invitees) expect(mailsTo(smtp.messages, invitee.email!)).toHaveLength(1);
    const rows = await rowsOf(survey.id);
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });

  it("lists invitations with names and status, newest first, within the actor's stores", async () => {
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const inA = await buildInvitee(database.db, org.orgId, org.storeA, { name: "甲店客户" });
    const inB = await buildInvitee(database.db, org.orgId, org.storeB, { name: "乙店客户" });
    await invite(survey.id, [inA.id]);
    smtp.refuseRecipients = { code: 550, message: "No such mailbox" };
    await invite(survey.id, [inB.id]);
    const list = (actor: typeof org.users.admin.actor, status?: "sent" | "failed") =>
      listInvitations({ db: database.db, actor, surveyId: survey.id, input: { page: 1, pageSize: 20, status } });

    const all = await list(org.users.manager.actor);
    expect(all.total).toBe(2);
    expect(all.items.map((item) => [item.customerName, item.status])).toEqual([
      ["乙店客户", "failed"],
      ["甲店客户", "sent"],
    ]);
    expect(all.items[0].error).toContain("No such mailbox");
    expect(all.items[1].sentAt).not.toBeNull();
    expect((await list(org.users.manager.actor, "failed")).items.map((item) => item.customerId)).toEqual([inB.id]);
    const storeA = await list(org.users.agent.actor);
    expect(storeA.total).toBe(1);
    expect(storeA.items[0].customerId).toBe(inA.id);
    expect((await list(org.users.storeManagerB.actor)).items.map((item) => item.customerId)).toEqual([inB.id]);
  });

  it("writes invitations as .eml files to the outbox when there is no SMTP server", async () => {
    const directory = await mkdtemp(join(tmpdir(), "kexin-invitation-outbox-"));
    try {
      const outbox = createOutboxMailer({ directory, from: "Kexin <no-reply@kexin.test>" });
      const survey = await buildLiveSurvey(database.db, org.orgId, { title: "离线问卷" });
      const invitee = await buildInvitee(database.db, org.orgId, org.storeA, { name: "赵敏" });
      const result = await createInvitations({
        db: database.db,
        actor: org.users.admin.actor,
        mailer: outbox,
        publicUrl: PUBLIC_URL,
        surveyId: survey.id,
        input: { customerIds: [invitee.id] },
      });
      expect(result).toMatchObject({ created: 1, sent: 1 });
      const files = await readdir(directory);
      expect(files).toHaveLength(1);
      const mail = parseMail(await readFile(join(directory, files[0]), "utf8"));
      expect(mail.headers.get("to")).toBe(invitee.email);
      expect(mail.subject).toContain("离线问卷");
      const [row] = await rowsOf(survey.id);
      expect(row.token_hash).toBe(hashInvitationToken(tokenInMail(mail)));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
