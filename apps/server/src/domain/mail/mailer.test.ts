import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalSmtpServer, type LocalSmtpServer } from "../../testing/local-smtp-server.ts";
import { parseMail } from "../../testing/parse-mail.ts";
import { createMailer } from "./create-mailer.ts";
import { escapeHtml } from "./escape-html.ts";
import { MailDeliveryError } from "./mailer.ts";
import { createOutboxMailer } from "./outbox-mailer.ts";
import { createSmtpMailer } from "./smtp-mailer.ts";

const message = {
  to: "li.na@example.test",
  subject: "请告诉我们您的感受 — Tell us",
  text: "李娜，您好：\n请打开 https://kexin.example/r/abc",
  html: "<p>李娜，您好：</p><p><a href=\"https://kexin.example/r/abc\">开始</a></p>",
  headers: { "X-Kexin-Kind": "test" },
};

describe("SMTP mailer", () => {
  let server: LocalSmtpServer;
  beforeAll(async () => {
    server = await startLocalSmtpServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("hands a message with a text and an HTML part to a real SMTP server", async () => {
    const mailer = createSmtpMailer({ url: server.url, from: "Kexin <no-reply@kexin.test>" });
    try {
      const { messageId } = await mailer.send(message);
      expect(messageId).toMatch(/^<.+@.+>$/);
      const [received] = await server.waitForMessages(1);
      expect(received.to).toEqual(["li.na@example.test"]);
      expect(received.from).toBe("no-reply@kexin.test");
      const parsed = parseMail(received.raw);
      expect(parsed.subject).toBe(message.subject);
      expect(parsed.text.trim()).toBe(message.text);
      expect(parsed.html.trim()).toBe(message.html);
      expect(parsed.headers.get("x-kexin-kind")).toBe("test");
      expect(parsed.headers.get("message-id")).toBe(messageId);
    } finally {
      await mailer.close();
    }
  });

  it("reports a refused recipient (5xx) as permanent and a 4xx as worth retrying", async () => {
    const mailer = createSmtpMailer({ url: server.url, from: "no-reply@kexin.test" });
    try {
      server.refuseRecipients = { code: 550, message: "No such user here" };
      const permanent = await mailer.send(message).catch((error: unknown) => error);
      expect(permanent).toBeInstanceOf(MailDeliveryError);
      expect((permanent as MailDeliveryError).isPermanent).toBe(true);
      expect((permanent as MailDeliveryError).responseCode).toBe(550);
      expect((permanent as MailDeliveryError).message).toContain("No such user here");

      server.refuseRecipients = { code: 451, message: "Try again later" };
      const transient = await mailer.send(message).catch((error: unknown) => error);
      expect(transient).toBeInstanceOf(MailDeliveryError);
      expect((transient as MailDeliveryError).isPermanent).toBe(false);
    } finally {
      server.refuseRecipients = null;
      await mailer.close();
    }
  });

  it("reports a server that is not there as worth retrying", async () => {
    const closed = await startLocalSmtpServer();
    await closed.close();
    const mailer = createSmtpMailer({ url: closed.url, from: "no-reply@kexin.test" });
    try {
      const error = await mailer.send(message).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect((error as MailDeliveryError).isPermanent).toBe(false);
    } finally {
      await mailer.close();
    }
  });
});

describe("outbox mailer", () => {
  let directory: string;
  beforeAll(async () => {
    directory = join(await mkdtemp(join(tmpdir(), "kexin-outbox-")), "outbox");
  });
  afterAll(async () => {
    await rm(join(directory, ".."), { recursive: true, force: true });
  });

  it("writes each message as a complete .eml file, creating the directory, with no temporary file left", async () => {
    const mailer = createOutboxMailer({ directory, from: "Kexin <no-reply@kexin.test>" });
    const first = await mailer.send(message);
    await mailer.send({ ...message, to: "other@example.test" });
    const files = (await readdir(directory)).sort();
    expect(files).toHaveLength(2);
    for (const file of files) expect(file).toMatch(/^[0-9TZ-]+-[0-9a-f]{12}\.eml$/);
    const contents = await Promise.all(files.map((file) => readFile(join(directory, file), "utf8")));
    const mine = contents.find((raw) => raw.includes(first.messageId));
    expect(mine).toBeDefined();
    expect(mine).toContain("\r\n");
    const parsed = parseMail(mine!);
    expect(parsed.headers.get("to")).toBe("li.na@example.test");
    expect(parsed.headers.get("from")).toBe("Kexin <no-reply@kexin.test>");
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text.trim()).toBe(message.text);
    expect(parsed.html.trim()).toBe(message.html);
  });

  it("fails with a delivery error when the outbox cannot be written", async () => {
    // A directory below a regular file cannot be created.
    const file = join(directory, "..", "a-file");
    await writeFile(file, "not a directory");
    const mailer = createOutboxMailer({ directory: join(file, "outbox"), from: "no-reply@kexin.test" });
    const error = await mailer.send(message).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailDeliveryError);
  });
});

describe("createMailer", () => {
  it("uses SMTP when a URL is configured and the outbox otherwise", async () => {
    const smtp = createMailer({ smtpUrl: "smtp://127.0.0.1:2525", mailFrom: "a@b.test", outboxDir: "/tmp/x" });
    const outbox = createMailer({ smtpUrl: null, mailFrom: "a@b.test", outboxDir: "/tmp/x" });
    expect(smtp.kind).toBe("smtp");
    expect(outbox.kind).toBe("outbox");
    await smtp.close();
  });
});

describe("escapeHtml", () => {
  it("leaves no markup-significant character unescaped", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    );
  });
});
