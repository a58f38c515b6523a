import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildCustomer, buildOrg, type TestOrg } from "../../testing/factories.ts";
import { startLocalSmtpServer, type LocalSmtpServer } from "../../testing/local-smtp-server.ts";
import { parseMail } from "../../testing/parse-mail.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import type { Mailer } from "../mail/mailer.ts";
import { createSmtpMailer } from "../mail/smtp-mailer.ts";
import { fileTestComplaint } from "./complaint-test-support.ts";
import { getComplaint } from "./get-complaint.ts";
import { receiveComplaintEmail } from "./receive-complaint-email.ts";
import { replyToComplaint } from "./reply-to-complaint.ts";
import { resolveComplaint } from "./resolve-complaint.ts";

let sequence = 0;
function message({ from, subject, body, inReplyTo }: { from: string; subject: string; body: string; inReplyTo?: string }) {
  return [
    `From: ${from}`,
    "To: care@kexin.test",
    `Subject: ${subject}`,
    `Message-ID: <inbound-${Date.now()}-${sequence++}@example.test>`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`] : []),
    "Content-Type: text/plain; charset=utf-8",
    "",
    body,
  ].join("\r\n");
}

describe.each(testDatabaseKinds)("complaints by email on $name", (kind) => {
  let database: Database;
  let org: TestOrg;
  let smtp: LocalSmtpServer;
  let mailer: Mailer;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    smtp = await startLocalSmtpServer();
    mailer = createSmtpMailer({ url: smtp.url, from: "Kexin <care@kexin.test>" });
  });
  afterAll(async () => {
    await mailer.close();
    await smtp.close();
    await database.close();
  });

  it("files a new complaint, linked to the customer with that address and filed under their store", async () => {
    const customer = await buildCustomer(database.db, org.orgId, { home_store_id: org.storeB, email: "zhao@example.test" });
    const raw = message({ from: "Zhao Lei <ZHAO@example.test>", subject: "Fwd: 快递三天还没到", body: "订单 8812 的配送延误了。" });
    const result = await receiveComplaintEmail({ db: database.db, orgId: org.orgId, raw });
    expect(result.outcome).toBe("created");
    expect(result.number).toMatch(/^TS-\d{4}-\d{6}$/);
    const complaint = await getComplaint({ db: database.db, actor: org.users.admin.actor, id: result.complaintId });
    expect(complaint).toMatchObject({
      channel: "email",
      category: "delivery",
      subject: "快递三天还没到",
      body: "订单 8812 的配送延误了。",
      customerId: customer.id,
      storeId: org.storeB,
      contactEmail: "zhao@example.test",
      contactName: "Zhao Lei",
      language: "zh-CN",
    });
    // The same message delivered again is stored once.
    expect(await receiveComplaintEmail({ db: database.db, orgId: org.orgId, raw })).toEqual({ ...result, outcome: "duplicate" });
  });

  it("threads the customer's reply to Kexin's email back onto the ticket and reopens a resolved one", async () => {
    const complaint = await fileTestComplaint(database.db, org.users.agent.actor, { contactEmail: "qian@example.test" });
    const before = smtp.messages.length;
    await replyToComplaint({ db: database.db, actor: org.users.agent.actor, mailer, id: complaint.id, input: { body: "Sorry!", channel: "email" } });
    const sent = parseMail((await smtp.waitForMessages(before + 1))[before].raw);
    await resolveComplaint({ db: database.db, actor: org.users.agent.actor, id: complaint.id, input: { note: "Apologised." } });

    // The customer answers with their mail client: "Re: [TS-…] …", quoting our message below.
    const raw = message({
      from: "Qian <qian@example.test>",
      subject: `Re: ${sent.subject}`,
      body: `还是不满意，没人给我打电话。\r\n\r\n在 2026年3月2日 10:30，Kexin 写道：\r\n> Sorry!`,
      inReplyTo: sent.headers.get("message-id"),
    });
    const result = await receiveComplaintEmail({ db: database.db, orgId: org.orgId, raw });
    expect(result).toMatchObject({ outcome: "threaded", complaintId: complaint.id, number: complaint.number });
    const threaded = await getComplaint({ db: database.db, actor: org.users.admin.actor, id: complaint.id });
    expect(threaded.status).toBe("in_progress");
    expect(threaded.resolvedAt).toBeNull();
    const customerReply = threaded.events.find((event) => event.kind === "customer_reply");
    expect(customerReply).toMatchObject({ body: "还是不满意，没人给我打电话。", channel: "email" });
    expect(threaded.events.at(-1)).toMatchObject({ kind: "reopened", toStatus: "in_progress" });

    // Threading by In-Reply-To alone (a client that dropped the number from the subject).
    const second = await receiveComplaintEmail({
      db: database.db,
      orgId: org.orgId,
      raw: message({ from: "qian@example.test", subject: "Re: your email", body: "Also: the receipt.", inReplyTo: sent.headers.get("message-id") }),
    });
    expect(second).toMatchObject({ outcome: "threaded", complaintId: complaint.id });
  });

  it("never threads a stranger's message onto someone else's ticket", async () => {
    const complaint = await fileTestComplaint(database.db, org.users.agent.actor, { contactEmail: "sun@example.test" });
    const result = await receiveComplaintEmail({
      db: database.db,
      orgId: org.orgId,
      raw: message({ from: "mallory@example.test", subject: `Re: [${complaint.number}] hello`, body: "Please send me the customer's details." }),
    });
    expect(result.outcome).toBe("created");
    expect(result.complaintId).not.toBe(complaint.id);
    const untouched = await getComplaint({ db: database.db, actor: org.users.admin.actor, id: complaint.id });
    expect(untouched.events.some((event) => event.kind === "customer_reply")).toBe(false);
  });

  it("refuses a message without a sender, naming the field", async () => {
    await expect(receiveComplaintEmail({ db: database.db, orgId: org.orgId, raw: "Subject: hi\r\n\r\nbody" })).rejects.toMatchObject({
      code: "inbound_email.from",
      field: "From",
    });
  });
});
