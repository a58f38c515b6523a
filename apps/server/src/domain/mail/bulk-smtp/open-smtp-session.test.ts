import { networkInterfaces } from "node:os";
import type { SMTPServerAuthentication, SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { MailDeliveryError } from "../mailer.ts";
import { createBulkSmtpMailer, type BulkSmtpMailerOptions } from "./bulk-smtp-mailer.ts";
import {
  startScriptedServer,
  startSilentServer,
  startTestSmtpServer,
  type TestSmtpServer,
} from "./smtp-test-server.test-support.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const letter = { to: "li@example.test", subject: "您好", text: "您好", html: "<p>您好</p>" };

interface Login {
  method: string;
  username: string | undefined;
  password: string | undefined;
  isSecure: boolean;
}

/** A server that logs in `kexin@shop` with password `p@ss:word` and records every attempt. */
async function startAuthServer(options: SMTPServerOptions, listenHost?: string) {
  const logins: Login[] = [];
  const server = await startTestSmtpServer(
    {
      authOptional: false,
      ...options,
      onAuth(auth: SMTPServerAuthentication, session, callback) {
        logins.push({ method: auth.method, username: auth.username, password: auth.password ?? undefined, isSecure: session.secure });
        if (auth.username === "kexin@shop" && auth.password === "p@ss:word") return callback(null, { user: auth.username });
        callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
      },
    },
    listenHost,
  );
  cleanups.push(() => server.close());
  return { server, logins };
}

function mailerFor(url: string, options: Partial<BulkSmtpMailerOptions> = {}) {
  const mailer = createBulkSmtpMailer({ url, from: "Kexin <no-reply@kexin.test>", maxConnections: 1, ...options });
  cleanups.push(() => mailer.close());
  return mailer;
}

const withCredentials = (server: TestSmtpServer, password = "p%40ss%3Aword", host = "127.0.0.1") =>
  `${server.url.split("://")[0]}://kexin%40shop:${password}@${host}:${server.port}`;

async function failure(promise: Promise<unknown>): Promise<MailDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MailDeliveryError);
  return error as MailDeliveryError;
}

describe("opening an SMTP session", () => {
  it("upgrades with STARTTLS and then logs in with AUTH PLAIN, with the URL's credentials decoded", async () => {
    const { server, logins } = await startAuthServer({});
    await mailerFor(withCredentials(server), { rejectUnauthorized: false }).send(letter);
    expect(logins).toEqual([{ method: "PLAIN", username: "kexin@shop", password: "p@ss:word", isSecure: true }]);
    expect(server.messages).toHaveLength(1);
  });

  it("logs in with AUTH LOGIN when the server offers only LOGIN", async () => {
    const { server, logins } = await startAuthServer({ authMethods: ["LOGIN"] });
    await mailerFor(withCredentials(server), { rejectUnauthorized: false }).send(letter);
    expect(logins.map((login) => [login.method, login.isSecure])).toEqual([["LOGIN", true]]);
    expect(server.messages).toHaveLength(1);
  });

  it("reports a refused login as temporary, naming the user but never the password", async () => {
    const { server } = await startAuthServer({});
    const error = await failure(mailerFor(withCredentials(server, "wrong-secret"), { rejectUnauthorized: false }).send(letter));
    expect(error).toMatchObject({ isPermanent: false, responseCode: 535 });
    expect(error.message).toContain("kexin@shop");
    expect(error.message).not.toContain("wrong-secret");
    expect(server.messages).toHaveLength(0);
  });

  it("checks the server's certificate by default, so a self-signed one fails the connection", async () => {
    const { server, logins } = await startAuthServer({});
    const error = await failure(mailerFor(withCredentials(server)).send(letter));
    expect(error.isPermanent).toBe(false);
    expect(error.message).toMatch(/certificate/i);
    expect(logins).toHaveLength(0);
  });

  it("speaks TLS from the first byte for smtps://", async () => {
    const { server, logins } = await startAuthServer({ secure: true });
    expect(server.url.startsWith("smtps://")).toBe(true);
    await mailerFor(withCredentials(server), { rejectUnauthorized: false }).send(letter);
    expect(logins.map((login) => login.isSecure)).toEqual([true]);
    expect(server.messages).toHaveLength(1);
  });

  it("sends credentials in plain text only to a loopback server that offers no STARTTLS", async () => {
    const { server, logins } = await startAuthServer({ hideSTARTTLS: true, allowInsecureAuth: true });
    await mailerFor(withCredentials(server)).send(letter);
    expect(logins.map((login) => [login.method, login.isSecure])).toEqual([["PLAIN", false]]);
  });

  const outsideAddress = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
  it.skipIf(!outsideAddress)("refuses to send credentials in plain text to a server that is not on loopback", async () => {
    const { server, logins } = await startAuthServer({ hideSTARTTLS: true, allowInsecureAuth: true }, "0.0.0.0");
    const error = await failure(mailerFor(withCredentials(server, undefined, outsideAddress)).send(letter));
    expect(error.isPermanent).toBe(false);
    expect(error.message).toContain("without TLS");
    expect(logins).toHaveLength(0);
    expect(server.messages).toHaveLength(0);
  });

  it("fails with a temporary error within the greeting timeout when the server never speaks", async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    const started = Date.now();
    const error = await failure(mailerFor(silent.url, { greetingTimeoutMs: 200 }).send(letter));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(error.isPermanent).toBe(false);
    expect(error.message).toContain("200 ms");
  });

  it("fails with a temporary error when nothing listens on the port", async () => {
    const silent = await startSilentServer();
    const { url } = silent;
    await silent.close();
    const error = await failure(mailerFor(url, { connectTimeoutMs: 500 }).send(letter));
    expect(error.isPermanent).toBe(false);
    expect(error.message).toMatch(/could not connect/);
  });

  it("falls back to HELO when the server refuses EHLO, and then sends one command at a time", async () => {
    const heard: string[] = [];
    const scripted = await startScriptedServer((line) => {
      if (line.startsWith("EHLO")) return "502 5.5.1 EHLO not implemented";
      if (line.startsWith("HELO") || line.startsWith("MAIL") || line.startsWith("RCPT") || line === ".") return "250 OK";
      if (line === "DATA") return "354 go ahead";
      if (line === "QUIT") return "221 bye";
      return undefined;
    }, heard);
    cleanups.push(() => scripted.close());
    const mailer = mailerFor(scripted.url);
    await mailer.send(letter);
    await mailer.close();
    const commands = heard.filter((line) => /^(EHLO|HELO|MAIL|RCPT|DATA|QUIT|\.)/.test(line));
    expect(commands.map((line) => line.split(/[ :]/)[0])).toEqual(["EHLO", "HELO", "MAIL", "RCPT", "DATA", ".", "QUIT"]);
  });
});
