import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/database.ts";
import type { DB } from "../../../db/schema.ts";
import { buildOrg, type TestOrg } from "../../../testing/factories.ts";
import { startLocalSmtpServer, type LocalSmtpServer } from "../../../testing/local-smtp-server.ts";
import { testDatabaseKinds } from "../../../testing/test-database.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { createSmtpMailer } from "../../mail/smtp-mailer.ts";
import { hashInvitationToken } from "../invitation-token.ts";
import { buildInvitee, buildLiveSurvey, mailsTo, tokenInMail } from "./invitation-test-support.ts";
import { startInvitationSender, type SenderLog } from "./start-invitation-sender.ts";

function recordingLog() {
  const entries: { level: "info" | "error"; message: string }[] = [];
  const log: SenderLog = {
    info: (_details, message) => entries.push({ level: "info", message }),
    error: (_details, message) => entries.push({ level: "error", message }),
  };
  return { log, entries };
}

describe.each(testDatabaseKinds)("invitation sender loop on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let smtp: LocalSmtpServer;
  let mailer: Mailer;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    smtp = await startLocalSmtpServer();
    mailer = createSmtpMailer({ url: smtp.url, from: "no-reply@kexin.test" });
  });
  afterAll(async () => {
    await mailer.close();
    await smtp.close();
    await database.close();
  });

  it("sends due invitations of every organisation on its own, then stops cleanly", async () => {
    const otherOrg = await buildOrg(database.db, "Second org");
    const due = [];
    for (const [owner, storeId] of [
      [org, org.storeA],
      [otherOrg, otherOrg.storeB],
    ] as const) {
      const survey = await buildLiveSurvey(database.db, owner.orgId);
      const invitee = await buildInvitee(database.db, owner.orgId, storeId);
      await database.db
        .insertInto("survey_invitations")
        .values({
          org_id: owner.orgId,
          survey_id: survey.id,
          customer_id: invitee.id,
          email: invitee.email!,
          token_hash: `placeholder-${invitee.id}`,
          next_attempt_at: new Date(Date.now() - 1000),
        })
        .execute();
      due.push(invitee);
    }
    const { log, entries } = recordingLog();
    const sender = startInvitationSender({ db: database.db, mailer, publicUrl: "https://kexin.example", log, intervalMs: 50 });
    try {
      await smtp.waitForMessages(2);
      for (const invitee of due) {
        const [mail] = mailsTo(smtp.messages, invitee.email!);
        const row = await database.db
          .selectFrom("survey_invitations")
          .select(["status", "token_hash"])
          .where("customer_id", "=", invitee.id)
          .executeTakeFirstOrThrow();
        expect(row.token_hash).toBe(hashInvitationToken(tokenInMail(mail)));
        const statusOf = async () =>
          (
            await database.db
              .selectFrom("survey_invitations")
              .select("status")
              .where("customer_id", "=", invitee.id)
              .executeTakeFirstOrThrow()
          ).status;
        await expect.poll(statusOf).toBe("sent");
      }
    } finally {
      await sender.stop();
    }
    expect(entries.some((entry) => entry.level === "info")).toBe(true);
    expect(entries.filter((entry) => entry.level === "error")).toEqual([]);
    // Stopped: a later due row is left alone.
    const count = smtp.messages.length;
    const survey = await buildLiveSurvey(database.db, org.orgId);
    const late = await buildInvitee(database.db, org.orgId, org.storeA);
    await database.db
      .insertInto("survey_invitations")
      .values({ org_id: org.orgId, survey_id: survey.id, customer_id: late.id, email: late.email!, token_hash: `late-${late.id}` })
      .execute();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.length).toBe(count);
  });
});

describe("invitation sender loop with a database that is down", () => {
  it("logs the failed sweep and keeps going instead of crashing", async () => {
    // Nothing listens on port 1: every query fails at once.
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: "postgres://127.0.0.1:1/none" }) }) });
    const mailer = createSmtpMailer({ url: "smtp://127.0.0.1:1", from: "no-reply@kexin.test" });
    const { log, entries } = recordingLog();
    const sender = startInvitationSender({ db, mailer, publicUrl: "https://kexin.example", log, intervalMs: 20 });
    try {
      expect(await sender.runOnce()).toBeNull();
      await expect.poll(() => entries.filter((entry) => entry.level === "error").length).toBeGreaterThanOrEqual(2);
    } finally {
      await sender.stop();
      await mailer.close();
      await db.destroy();
    }
    expect(entries[0].message).toContain("sweep failed");
  });
});
