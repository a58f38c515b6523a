import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import net, { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { startLocalSmtpServer, type LocalSmtpServer } from "../../testing/local-smtp-server.ts";
import { parseMail } from "../../testing/parse-mail.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { createBulkSmtpMailer } from "../mail/bulk-smtp/index.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { ChannelSet } from "./channels/channel.ts";
import { createChannels } from "./channels/create-channels.ts";
import { buildCustomersWithEmail, builtinTemplateId, insertCampaign, MORNING } from "./greeting-test-support.ts";
import { countSegment } from "./preview-segment.ts";
import { runGreetings } from "./run-greetings.ts";
import { SEND_LEASE_MS } from "./send-due-deliveries.ts";

const FAR = () => new Date(Date.now() + 60_000);

describe.each(testDatabaseKinds)("sending greetings ($name)", (kind) => {
  let database: Database;
  let server: LocalSmtpServer;
  let mailer: Mailer;
  let outboxDir: string;
  let channels: ChannelSet;
  let org: TestOrg;

  beforeAll(async () => {
    database = await kind.create();
    server = await startLocalSmtpServer();
    mailer = createBulkSmtpMailer({ url: server.url, from: "Kexin <greetings@kexin.test>" });
    outboxDir = await mkdtemp(join(tmpdir(), "kexin-greetings-"));
    channels = createChannels({ mailer, messageOutboxDir: outboxDir });
  });
  afterAll(async () => {
    await mailer.close();
    await server.close();
    await database.close();
    await rm(outboxDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    server.messages.length = 0;
    org = await buildOrg(database.db);
  });

  const run = (now = MORNING, extra: { claimSize?: number } = {}) =>
    runGreetings({ db: database.db, orgId: org.orgId, channels, now, deadline: FAR(), messageIdDomain: "kexin.test", ...extra });

  const deliveries = () =>
    database.db.selectFrom("message_deliveries").selectAll().where("org_id", "=", org.orgId).orderBy("recipient").execute();

  it("sends a campaign once when the job runs twice, skipping opt-outs and customers without an address", async () => {
    const db = database.db;
    const templateId = await builtinTemplateId(db, org.orgId, "spring_festival");
    const customers = await buildCustomersWithEmail(db, org.orgId, 12, { storeId: org.storeA, tags: ["茶友"] });
    await buildCustomersWithEmail(db, org.orgId, 3, { prefix: "other", storeId: org.storeB }); // outside the segment
    await db.updateTable("customers").set({ consent: JSON.stringify({ email: false, sms: true, wechat: true, phone: true }) }).where("id", "in", [customers[0].id, customers[1].id]).execute();
    await db.updateTable("customers").set({ email: null }).where("id", "=", customers[2].id).execute();
    const segment = { storeIds: [org.storeA], tags: ["茶友"] };
    const preview = await countSegment(db, org.orgId, segment, "email", MORNING);
    expect(preview).toEqual({ matched: 12, optedOut: 2, noAddress: 1, sendable: 9 });
    const campaignId = await insertCampaign(db, org.orgId, { templateId, segment });

    const first = await run(MORNING, { claimSize: 4 });
    expect(first.planned.queued).toBe(12);
    expect(first.sent).toMatchObject({ sent: 9, skipped: 3, failed: 0 });
    await server.waitForMessages(9);
    const second = await run(new Date(MORNING.getTime() + 60_000));
    expect(second.planned.queued).toBe(0);
    expect(second.sent).toMatchObject({ sent: 0, skipped: 0 });

    expect(server.messages).toHaveLength(preview.sendable);
    const recipients = server.messages.map((message) => message.to[0]).sort();
    expect(new Set(recipients).size).toBe(9);
    expect(recipients).not.toContain(customers[0].email);
    const rows = await deliveries();
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(9);
    expect(rows.filter((row) => row.status === "skipped").map((row) => row.reason).sort()).toEqual(["no_address", "opt_out", "opt_out"]);
    for (const row of rows) expect(row.occasion_key).toBe(`campaign:${campaignId}`);
    const campaign = await db.selectFrom("greeting_campaigns").select("status").where("id", "=", campaignId).executeTakeFirstOrThrow();
    expect(campaign.status).toBe("done");

    // The letter is the rendered template, with the deterministic Message-ID stored on its row.
    const sample = rows.find((row) => row.status === "sent")!;
    const mail = parseMail(server.messages.find((message) => message.to[0] === sample.recipient)!.raw);
    expect(mail.headers.get("message-id")).toBe(sample.message_id);
    expect(sample.message_id).toBe(`<greeting-${sample.id}@kexin.test>`);
    expect(mail.subject).toBe("客女士，新春快乐，万事顺遂"); // 客户c-N: surname 客, female
    expect(mail.subject).toBe(sample.subject);
    expect(mail.text).toContain("2027年的春节到了");
    expect(mail.html).toContain("<p>");
  });

  it("two runs at once send each letter once", async () => {
    const db = database.db;
    const templateId = await builtinTemplateId(db, org.orgId, "thank_you", "en");
    await buildCustomersWithEmail(db, org.orgId, 20, { prefix: "pair" });
    await insertCampaign(db, org.orgId, { templateId });
    const results = await Promise.all([run(MORNING, { claimSize: 3 }), run(MORNING, { claimSize: 3 })]);
    expect(results[0].sent.sent + results[1].sent.sent).toBe(20);
    await server.waitForMessages(20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.messages).toHaveLength(20);
    expect(new Set(server.messages.map((message) => message.to[0])).size).toBe(20);
  });

  it("sends nothing in quiet hours; the letters wait for the morning", async () => {
    const db = database.db;
    const templateId = await builtinTemplateId(db, org.orgId, "thank_you");
    await buildCustomersWithEmail(db, org.orgId, 3, { prefix: "night" });
    const night = new Date("2027-02-06T14:30:00Z"); // 22:30 in Shanghai
    await insertCampaign(db, org.orgId, { templateId, scheduledAt: new Date(night.getTime() - 60_000) });
    const atNight = await run(night);
    expect(atNight.sent).toMatchObject({ isQuietHours: true, sent: 0 });
    expect((await deliveries()).map((row) => row.status)).toEqual(["pending", "pending", "pending"]);
    const earlyMorning = await run(new Date("2027-02-07T00:59:00Z")); // 08:59
    expect(earlyMorning.sent.sent).toBe(0);
    const morning = await run(new Date("2027-02-07T01:00:00Z")); // 09:00
    expect(morning.sent.sent).toBe(3);
    await server.waitForMessages(3);
  });

  it("marks an email a dead worker left in flight uncertain, never sends it again by itself", async () => {
    const db = database.db;
    const templateId = await builtinTemplateId(db, org.orgId, "thank_you");
    const [customer] = await buildCustomersWithEmail(db, org.orgId, 1, { prefix: "dead" });
    await db
      .insertInto("message_deliveries")
      .values({
        org_id: org.orgId,
        customer_id: customer.id,
        occasion_key: "birthday:2027",
        channel: "email",
        template_id: templateId,
        status: "sending",
        claim_token: "dead-worker",
        claimed_at: MORNING,
        attempts: 1,
        due_at: MORNING,
      })
      .execute();
    const withinLease = await run(new Date(MORNING.getTime() + SEND_LEASE_MS - 1000));
    expect(withinLease.sent.recovered).toEqual({ sent: 0, requeued: 0, uncertain: 0 });
    const afterLease = await run(new Date(MORNING.getTime() + SEND_LEASE_MS + 1000));
    expect(afterLease.sent.recovered).toEqual({ sent: 0, requeued: 0, uncertain: 1 });
    await run(new Date(MORNING.getTime() + 2 * SEND_LEASE_MS));
    const [row] = await deliveries();
    expect(row.status).toBe("uncertain");
    expect(server.messages).toHaveLength(0);
  });

  it("settles an SMS left in flight from the outbox: written → sent, not written → queued again and sent once", async () => {
    const db = database.db;
    const templateId = await builtinTemplateId(db, org.orgId, "birthday");
    const [written, lost] = await buildCustomersWithEmail(db, org.orgId, 2, { prefix: "sms" });
    const ids: string[] = [];
    for (const customer of [written, lost]) {
      const row = await db
        .insertInto("message_deliveries")
        .values({
          org_id: org.orgId,
          customer_id: customer.id,
          occasion_key: "birthday:2027",
          channel: "sms",
          template_id: templateId,
          status: "pending",
          due_at: MORNING,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    // The first one is sent and recorded normally; then pretend a worker died right after writing it again... and
    // before writing the second one: both rows are back in 'sending' with an old claim.
    await run(MORNING);
    const outboxFiles = await readdir(outboxDir);
    const before = (await Promise.all(outboxFiles.map((file) => readFile(join(outboxDir, file), "utf8")))).join("");
    expect(before.split("\n").filter((line) => line.includes(ids[0]))).toHaveLength(1);
    await db.updateTable("message_deliveries").set({ status: "sending", claimed_at: MORNING }).where("id", "=", ids[0]).execute();
    // The second one's line never made it to the outbox.
    await db.updateTable("message_deliveries").set({ status: "sending", claimed_at: MORNING }).where("id", "=", ids[1]).execute();
    const lines = async () =>
      (await Promise.all((await readdir(outboxDir)).map((file) => readFile(join(outboxDir, file), "utf8")))).join("").split("\n");
    // Remove the second line so the outbox shows it was never handed over.
    const { writeFile } = await import("node:fs/promises");
    for (const file of await readdir(outboxDir)) {
      const contents = await readFile(join(outboxDir, file), "utf8");
      await writeFile(join(outboxDir, file), contents.split("\n").filter((line) => !line.includes(ids[1])).join("\n"));
    }
    const later = await run(new Date(MORNING.getTime() + SEND_LEASE_MS + 60_000));
    expect(later.sent.recovered).toEqual({ sent: 1, requeued: 1, uncertain: 0 });
    expect(later.sent.sent).toBe(1);
    const all = await lines();
    expect(all.filter((line) => line.includes(ids[0]))).toHaveLength(1);
    expect(all.filter((line) => line.includes(ids[1]))).toHaveLength(1);
    const rows = await db.selectFrom("message_deliveries").select(["id", "status"]).where("id", "in", ids).execute();
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(JSON.parse(all.find((line) => line.includes(ids[1]))!)).toMatchObject({ channel: "sms", to: "13800000001" });
  });

  it("retries a refused-for-now message later and records a permanent refusal as failed", async () => {
    const db = database.db;
    const templateId = await builtinTemplateId(db, org.orgId, "thank_you");
    await buildCustomersWithEmail(db, org.orgId, 1, { prefix: "refused" });
    await insertCampaign(db, org.orgId, { templateId });
    server.refuseRecipients = { code: 451, message: "Try again later" };
    try {
      const first = await run(MORNING);
      expect(first.sent).toMatchObject({ sent: 0, retrying: 1 });
      let [row] = await deliveries();
      expect(row.status).toBe("pending");
      expect(row.reason).toContain("Try again later");
      server.refuseRecipients = { code: 550, message: "No such user" };
      const second = await run(new Date(MORNING.getTime() + 6 * 60_000));
      expect(second.sent).toMatchObject({ failed: 1 });
      [row] = await deliveries();
      expect(row.status).toBe("failed");
      expect(row.attempts).toBe(2);
    } finally {
      server.refuseRecipients = null;
    }
  });

  it("marks a letter uncertain when the server hangs up after taking all of it, and never sends it again by itself", async () => {
    const db = database.db;
    const templateId = await builtinTemplateId(db, org.orgId, "thank_you");
    await buildCustomersWithEmail(db, org.orgId, 1, { prefix: "hangup" });
    await insertCampaign(db, org.orgId, { templateId });
    // A relay that reads the whole letter, then crashes before it answers the end of the data.
    let lettersRead = 0;
    const relay = net.createServer((socket) => {
      let buffered = "";
      let isInData = false;
      socket.write("220 relay.test ESMTP\r\n");
      socket.on("data", (chunk) => {
        buffered += chunk.toString("latin1");
        for (;;) {
          if (isInData) {
            const end = buffered.indexOf("\r\n.\r\n");
            if (end < 0) return;
            lettersRead++;
            socket.destroy();
            return;
          }
          const lineEnd = buffered.indexOf("\r\n");
          if (lineEnd < 0) return;
          const command = buffered.slice(0, lineEnd).toUpperCase();
          buffered = buffered.slice(lineEnd + 2);
          if (command.startsWith("DATA")) {
            isInData = true;
            socket.write("354 go ahead\r\n");
          } else socket.write(command.startsWith("QUIT") ? "221 bye\r\n" : "250 ok\r\n");
        }
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const port = (relay.address() as AddressInfo).port;
    const relayMailer = createBulkSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: "Kexin <greetings@kexin.test>", replyTimeoutMs: 2000 });
    const relayChannels = createChannels({ mailer: relayMailer, messageOutboxDir: outboxDir });
    try {
      const first = await runGreetings({ db, orgId: org.orgId, channels: relayChannels, now: MORNING, deadline: FAR(), messageIdDomain: "kexin.test" });
      expect(first.sent).toMatchObject({ sent: 0, retrying: 0, uncertain: 1 });
      expect(lettersRead).toBe(1);
      const [row] = await deliveries();
      expect(row.status).toBe("uncertain");
      expect(row.reason).toContain(row.message_id);
      const again = await runGreetings({ db, orgId: org.orgId, channels: relayChannels, now: new Date(MORNING.getTime() + 60 * 60_000), deadline: FAR(), messageIdDomain: "kexin.test" });
      expect(again.sent).toMatchObject({ sent: 0, uncertain: 0 });
      expect(lettersRead).toBe(1);
    } finally {
      await relayMailer.close();
      await new Promise((resolve) => relay.close(resolve));
    }
  });
});
