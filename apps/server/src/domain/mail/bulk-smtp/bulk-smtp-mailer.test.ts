import { simpleParser } from "mailparser";
import type { SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../../app-error.ts";
import { MailDeliveryError, type MailMessage } from "../mailer.ts";
import { createBulkSmtpMailer, type BulkSmtpMailerOptions } from "./bulk-smtp-mailer.ts";
import { startTestSmtpServer, type TestSmtpServer } from "./smtp-test-server.test-support.ts";
import { UncertainDeliveryError } from "./uncertain-delivery-error.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(options: SMTPServerOptions = {}): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer({ disabledCommands: ["STARTTLS"], ...options });
  cleanups.push(() => server.close());
  return server;
}

function mailerFor(server: TestSmtpServer, options: Partial<BulkSmtpMailerOptions> = {}) {
  const mailer = createBulkSmtpMailer({ url: server.url, from: "可信茶行 <no-reply@kexin.test>", ...options });
  cleanups.push(() => mailer.close());
  return mailer;
}

const greeting = (index: number): MailMessage => ({
  to: `customer-${index}@example.test`,
  subject: `新春快乐 ${index}`,
  text: `尊敬的客户 ${index}：\n新春快乐！`,
  html: `<p>尊敬的客户 ${index}：新春快乐！</p>`,
  headers: { "X-Kexin-Sequence": String(index) },
});

const sequenceOf = (raw: Buffer) => Number(/^X-Kexin-Sequence: (\d+)\r$/m.exec(raw.toString("utf8"))?.[1]);

describe("createBulkSmtpMailer", () => {
  it("delivers a Chinese letter whose subject, sender name, text and HTML read back exactly", async () => {
    const server = await start();
    const message: MailMessage = {
      to: "李娜 <li.na@example.test>",
      subject: "中秋快乐 — 可信茶行恭祝您花好月圆、阖家团圆",
      text: "李娜女士：\n\n.月饼礼盒已为您预留，欢迎到店领取。\n",
      html: "<p>李娜女士：</p><p>月饼礼盒已为您预留。</p>",
      headers: { "Message-ID": "<mid-autumn-1@kexin.test>" },
    };
    const { messageId } = await mailerFor(server).send(message);
    expect(messageId).toBe("<mid-autumn-1@kexin.test>");
    const [received] = await server.waitForMessages(1);
    expect(received).toMatchObject({ from: "no-reply@kexin.test", to: ["li.na@example.test"] });
    const parsed = await simpleParser(received.raw);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.from?.value).toEqual([{ name: "可信茶行", address: "no-reply@kexin.test" }]);
    expect(parsed.text).toBe(message.text);
    expect(parsed.html).toBe(message.html);
    expect(parsed.messageId).toBe(messageId);
  });

  it.each([
    ["pipelining", {}],
    ["a server without PIPELINING", { hidePIPELINING: true }],
  ])("spreads 500 messages over at most 4 connections, each delivered exactly once (%s)", async (_name, extra) => {
    const server = await start(extra);
    const mailer = mailerFor(server, { maxConnections: 4 });
    const results = await Promise.all(Array.from({ length: 500 }, (_, index) => mailer.send(greeting(index))));
    expect(new Set(results.map((result) => result.messageId)).size).toBe(500);
    const sequences = server.messages.map((received) => sequenceOf(received.raw)).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 500 }, (_, index) => index));
    expect(server.messages.every((received) => received.to[0] === `customer-${sequenceOf(received.raw)}@example.test`)).toBe(true);
    expect(server.connectionCount).toBeGreaterThan(1);
    expect(server.connectionCount).toBeLessThanOrEqual(4);
    expect(new Set(server.messages.map((received) => received.connection)).size).toBe(server.connectionCount);
  });

  it("fails only the refused recipient of a batch, permanently for 550 and temporarily for 451", async () => {
    const server = await start({
      onRcptTo(address, _session, callback) {
        if (address.address === "customer-7@example.test") {
          return callback(Object.assign(new Error("No such user here"), { responseCode: 550 }));
        }
        if (address.address === "customer-13@example.test") {
          return callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 }));
        }
        callback();
      },
    });
    const mailer = mailerFor(server, { maxConnections: 2 });
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, index) => mailer.send(greeting(index))));
    const rejected = results.flatMap((result, index) => (result.status === "rejected" ? [[index, result.reason]] : []));
    expect(rejected.map(([index]) => index)).toEqual([7, 13]);
    expect(rejected[0][1]).toMatchObject({ isPermanent: true, responseCode: 550 });
    expect(rejected[1][1]).toMatchObject({ isPermanent: false, responseCode: 451 });
    expect(server.messages).toHaveLength(38);
  });

  it("rejects the messages in flight when the server cuts the connection, and sends later ones on a new connection", async () => {
    let hasCut = false;
    const server: TestSmtpServer = await start({
      onRcptTo(address, session, callback) {
        if (address.address === "customer-60@example.test" && !hasCut) {
          hasCut = true;
          return server.cutConnection(session);
        }
        callback();
      },
    });
    const mailer = mailerFor(server, { maxConnections: 2 });
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, index) => mailer.send(greeting(index))));
    const delivered = server.messages.map((received) => sequenceOf(received.raw));
    expect(new Set(delivered).size).toBe(delivered.length);
    const failures = results.flatMap((result, index) => (result.status === "rejected" ? [{ index, error: result.reason }] : []));
    expect(failures.map((failure) => failure.index)).toContain(60);
    // Only what was in flight on the cut connection: at most the message awaiting its final reply and the next one.
    expect(failures.length).toBeLessThanOrEqual(2);
    for (const { index, error } of failures) {
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect(error.isPermanent).toBe(false);
      // "Certainly not sent" must hold; only an uncertain failure may have been delivered after all.
      if (!(error instanceof UncertainDeliveryError)) expect(delivered).not.toContain(index);
    }
    results.forEach((result, index) => {
      if (result.status === "fulfilled") expect(delivered).toContain(index);
    });
    expect(failures.find((failure) => failure.index === 60)?.error).not.toBeInstanceOf(UncertainDeliveryError);
    const connectionsBefore = server.connectionCount;
    await Promise.all(Array.from({ length: 20 }, (_, index) => mailer.send(greeting(200 + index))));
    expect(server.messages.length).toBe(delivered.length + 20);
    expect(server.connectionCount).toBeGreaterThanOrEqual(connectionsBefore);
    expect(server.connectionCount).toBeGreaterThan(2);
  });

  it("keeps sending over the connections it has when the server refuses more (421 too many clients)", async () => {
    const server = await start({ maxClients: 1 });
    const mailer = mailerFor(server, { maxConnections: 4 });
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, index) => mailer.send(greeting(index))));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(server.messages).toHaveLength(100);
  });

  it("finishes queued messages on close, says QUIT, and refuses sends afterwards", async () => {
    const server = await start();
    const mailer = createBulkSmtpMailer({ url: server.url, from: "no-reply@kexin.test", maxConnections: 2 });
    const sends = Array.from({ length: 30 }, (_, index) => mailer.send(greeting(index)));
    await mailer.close();
    await expect(Promise.all(sends)).resolves.toHaveLength(30);
    expect(server.messages).toHaveLength(30);
    const deadline = Date.now() + 2_000;
    while (server.openConnections() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.openConnections()).toBe(0);
    await expect(mailer.send(greeting(31))).rejects.toThrow(/closed/);
  });

  it("closes a connection left idle, and opens a new one for the next send", async () => {
    const server = await start();
    const mailer = mailerFor(server, { idleTimeoutMs: 100 });
    await mailer.send(greeting(1));
    expect(server.openConnections()).toBe(1);
    const deadline = Date.now() + 2_000;
    while (server.openConnections() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.openConnections()).toBe(0);
    await mailer.send(greeting(2));
    expect(server.connectionCount).toBe(2);
    expect(server.messages).toHaveLength(2);
  });

  it("recovers when the server drops an idle connection on its own (421 timeout)", async () => {
    const server = await start({ socketTimeout: 150 });
    const mailer = mailerFor(server);
    await mailer.send(greeting(1));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(server.openConnections()).toBe(0);
    await mailer.send(greeting(2));
    expect(server.messages).toHaveLength(2);
    expect(server.connectionCount).toBe(2);
  });

  it("refuses a bad configuration with an error naming the field", () => {
    const field = (options: BulkSmtpMailerOptions) => {
      try {
        createBulkSmtpMailer(options);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).field;
      }
      return "accepted";
    };
    const from = "no-reply@kexin.test";
    expect(field({ url: "not a url", from })).toBe("url");
    expect(field({ url: "https://mail.example.test", from })).toBe("url");
    expect(field({ url: "smtp://mail.example.test", from: "nobody" })).toBe("from");
    expect(field({ url: "smtp://mail.example.test", from: "a@kexin.test\r\nBcc: x@y.test" })).toBe("from");
    expect(field({ url: "smtp://mail.example.test", from, maxConnections: 0 })).toBe("maxConnections");
    expect(field({ url: "smtp://mail.example.test", from })).toBe("accepted");
  });

  it("refuses a message with an injected header or a bad recipient as permanent, before it reaches the server", async () => {
    const server = await start();
    const mailer = mailerFor(server);
    await expect(mailer.send({ ...greeting(1), subject: "hi\r\nBcc: all@example.test" })).rejects.toMatchObject({ isPermanent: true });
    await expect(mailer.send({ ...greeting(2), to: "not-an-address" })).rejects.toMatchObject({ isPermanent: true });
    expect(server.connectionCount).toBe(0);
  });
});
