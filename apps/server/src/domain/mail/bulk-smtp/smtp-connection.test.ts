import type { SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { MailDeliveryError } from "../mailer.ts";
import { openSmtpSession } from "./open-smtp-session.ts";
import { SmtpConnection, type SmtpTransaction } from "./smtp-connection.ts";
import { toSmtpData } from "./smtp-data.ts";
import {
  startScriptedServer as startScripted,
  startTestSmtpServer,
  type TestSmtpServer,
} from "./smtp-test-server.test-support.ts";
import { UncertainDeliveryError } from "./uncertain-delivery-error.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Refuses recipients whose local part names a reply code, e.g. refuse-550@… or refuse-451@…. */
const refusingServer: SMTPServerOptions = {
  onRcptTo(address, _session, callback) {
    const code = /^refuse-(\d{3})@/.exec(address.address)?.[1];
    if (!code) return callback();
    callback(Object.assign(new Error(code === "550" ? "No such user here" : "Try again later"), { responseCode: Number(code) }));
  },
};

async function start(options: SMTPServerOptions = {}): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer({ disabledCommands: ["STARTTLS"], ...options });
  cleanups.push(() => server.close());
  return server;
}

async function startScriptedServer(answer: (line: string) => string | undefined, heard: string[] = []) {
  const server = await startScripted(answer, heard);
  cleanups.push(() => server.close());
  return server;
}

async function connect(url: string, replyTimeoutMs = 2_000) {
  const { channel, extensions } = await openSmtpSession({
    host: "127.0.0.1",
    port: Number(new URL(url).port),
    secure: false,
    rejectUnauthorized: true,
    clientName: "[127.0.0.1]",
    connectTimeoutMs: 2_000,
    greetingTimeoutMs: 2_000,
    replyTimeoutMs,
  });
  const queue: SmtpTransaction[] = [];
  const connection = new SmtpConnection(channel, extensions, () => queue.shift());
  cleanups.push(() => connection.close());
  const send = (to: string, data: Buffer | string, smtpUtf8Address?: string) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ from: "shop@kexin.test", to, smtpUtf8Address, data: toSmtpData(Buffer.from(data)), resolve, reject });
      connection.pump();
    });
  return { connection, extensions, send };
}

const message = (n: number) => `Subject: message ${n}\r\n\r\nbody ${n}\r\n`;

describe("SmtpConnection", () => {
  it("delivers a body whose lines start with a dot unchanged (dot-stuffing)", async () => {
    const server = await start();
    const { send } = await connect(server.url);
    const raw = "Subject: dots\r\n\r\n.leading dot\r\n.\r\n..two dots\r\nend";
    await send("li@example.test", raw);
    const [received] = await server.waitForMessages(1);
    expect(received.raw.toString("utf8")).toBe(`${raw}\r\n`);
  });

  it.each([
    ["with PIPELINING", {}],
    ["without PIPELINING (lock-step)", { hidePIPELINING: true }],
  ])("%s, fails only the refused messages of a group: 550 permanent, 451 temporary", async (_name, extra) => {
    const server = await start({ ...refusingServer, ...extra });
    const { send, extensions } = await connect(server.url);
    expect(extensions.has("PIPELINING")).toBe(!("hidePIPELINING" in extra));
    const recipients = ["a@example.test", "b@example.test", "refuse-550@example.test", "c@example.test",
      "refuse-451@example.test", "d@example.test", "e@example.test"];
    const results = await Promise.allSettled(recipients.map((to, index) => send(to, message(index))));
    const refused = (index: number) => (results[index] as PromiseRejectedResult).reason as MailDeliveryError;
    expect(results.map((result) => result.status)).toEqual(
      ["fulfilled", "fulfilled", "rejected", "fulfilled", "rejected", "fulfilled", "fulfilled"],
    );
    expect(refused(2)).toBeInstanceOf(MailDeliveryError);
    expect(refused(2)).toMatchObject({ isPermanent: true, responseCode: 550 });
    expect(refused(2).message).toContain("refuse-550@example.test");
    expect(refused(2).message).toContain("No such user here");
    expect(refused(4)).toMatchObject({ isPermanent: false, responseCode: 451 });
    expect(refused(4)).not.toBeInstanceOf(UncertainDeliveryError);
    await send("f@example.test", message(7));
    expect(server.messages.map((received) => received.to[0])).toEqual(
      ["a@example.test", "b@example.test", "c@example.test", "d@example.test", "e@example.test", "f@example.test"],
    );
    expect(server.messages.map((received) => received.raw.toString())).toEqual([0, 1, 3, 5, 6, 7].map(message));
    expect(server.connectionCount).toBe(1);
  });

  it("reports a refusal of the message itself (after the data) as a refusal, not as an uncertain delivery", async () => {
    const server = await start({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Spam detected"), { responseCode: 554 })));
      },
    });
    const { send } = await connect(server.url);
    const error = await send("li@example.test", message(1)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ isPermanent: true, responseCode: 554 });
    expect(error).not.toBeInstanceOf(UncertainDeliveryError);
  });

  it("sends a non-ASCII local part with SMTPUTF8, and refuses it (permanently, naming it) to a server without", async () => {
    const withUtf8 = await start();
    const first = await connect(withUtf8.url);
    await first.send("用户@xn--fsqu00a.xn--0zwm56d", message(1), "用户@xn--fsqu00a.xn--0zwm56d");
    expect((await withUtf8.waitForMessages(1))[0].to[0]).toMatch(/^用户@/);

    const withoutUtf8 = await start({ hideSMTPUTF8: true });
    const second = await connect(withoutUtf8.url);
    const error = await second.send("用户@example.test", message(2), "用户@example.test").catch((caught: unknown) => caught);
    expect(error).toMatchObject({ isPermanent: true });
    expect((error as Error).message).toContain("用户@example.test");
    await second.send("plain@example.test", message(3));
    expect(withoutUtf8.messages.map((received) => received.to[0])).toEqual(["plain@example.test"]);
  });

  it("fails a message whose reply never comes with a temporary error within the reply timeout", async () => {
    const server = await startScriptedServer((line) => (line.startsWith("EHLO") ? "250-scripted\r\n250 PIPELINING" : undefined));
    const { send } = await connect(server.url, 200);
    const started = Date.now();
    const error = await send("li@example.test", message(1)).catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect(error).toMatchObject({ isPermanent: false });
    expect(error).not.toBeInstanceOf(UncertainDeliveryError);
    expect((error as Error).message).toContain("200 ms");
  });

  it("marks a message whose end of data went out but was never answered as an uncertain delivery", async () => {
    let isInData = false;
    const server = await startScriptedServer((line) => {
      if (isInData) return undefined;
      if (line.startsWith("EHLO")) return "250-scripted\r\n250 PIPELINING";
      if (line === "DATA") {
        isInData = true;
        return "354 go ahead";
      }
      return "250 OK";
    });
    const { send } = await connect(server.url, 200);
    const error = await send("li@example.test", message(1)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UncertainDeliveryError);
    expect(error).toMatchObject({ isPermanent: false, isDeliveryUncertain: true });
  });

  it("waits for the messages in flight, then says QUIT on close", async () => {
    const heard: string[] = [];
    const server = await startScriptedServer((line) => {
      if (line.startsWith("EHLO")) return "250-scripted\r\n250 PIPELINING";
      if (line === "DATA") return "354 go ahead";
      if (line === "QUIT") return "221 bye";
      return line.startsWith("MAIL") || line.startsWith("RCPT") || line === "." ? "250 OK" : undefined;
    }, heard);
    const { send, connection } = await connect(server.url);
    const sent = send("li@example.test", message(1));
    await connection.close();
    await expect(sent).resolves.toBeUndefined();
    expect(heard.at(-1)).toBe("QUIT");
    expect(heard.indexOf(".")).toBeLessThan(heard.indexOf("QUIT"));
    expect(connection.isOpen).toBe(false);
  });
});
