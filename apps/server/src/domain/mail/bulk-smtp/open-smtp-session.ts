/**
 * Opens an SMTP session ready for mail: connects (plain, or TLS from the start for smtps://), reads the greeting,
 * says EHLO (HELO if the server refuses EHLO), upgrades with STARTTLS when offered, and logs in with AUTH PLAIN or
 * LOGIN when credentials are given. Each stage has its own timeout so a dead server fails fast.
 */
import net from "node:net";
import tls from "node:tls";
import { MailDeliveryError } from "../mailer.ts";
import { describeReply, SmtpChannel, type SmtpReply } from "./smtp-channel.ts";

export interface SmtpSessionOptions {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://, usually port 465). */
  secure: boolean;
  user?: string;
  password?: string;
  /** Whether the server's TLS certificate must be valid for `host`; only tests (self-signed server) turn it off. */
  rejectUnauthorized: boolean;
  /** The name given in EHLO. */
  clientName: string;
  connectTimeoutMs: number;
  greetingTimeoutMs: number;
  replyTimeoutMs: number;
}

export interface SmtpSession {
  channel: SmtpChannel;
  /** EHLO keywords in upper case (PIPELINING, SMTPUTF8, SIZE, …); empty after HELO. */
  extensions: Set<string>;
}

/**
 * Connects and negotiates a session. Credentials go only over TLS, or in plain text to a loopback server that
 * offered no STARTTLS (a local relay); anything else is refused before the password leaves the process.
 * @throws MailDeliveryError (temporary: a later attempt with a fixed server or configuration may pass)
 */
export async function openSmtpSession(options: SmtpSessionOptions): Promise<SmtpSession> {
  const socket = await connect(options);
  const channel = new SmtpChannel(socket, options.replyTimeoutMs);
  try {
    const greeting = await channel.nextReply(options.greetingTimeoutMs);
    if (greeting.code !== 220) throw refusal("greeted with", greeting);
    let extensions = await hello(channel, options.clientName);
    let isSecure = options.secure;
    const offeredStartTls = extensions.has("STARTTLS");
    if (!isSecure && offeredStartTls) {
      const reply = await channel.command("STARTTLS");
      if (reply.code !== 220) throw refusal("answered STARTTLS with", reply);
      await channel.upgradeToTls(tlsOptions(options), options.greetingTimeoutMs);
      isSecure = true;
      extensions = await hello(channel, options.clientName);
    }
    if (options.user !== undefined) {
      if (!isSecure && (offeredStartTls || !isLoopback(options.host))) {
        const advice = "use smtps:// or a server that offers STARTTLS";
        throw new MailDeliveryError(`refusing to send the SMTP password to ${options.host} without TLS; ${advice}`, false);
      }
      await authenticate(channel, extensions, options.user, options.password ?? "");
    }
    return { channel, extensions };
  } catch (error) {
    const failure = error instanceof MailDeliveryError ? error : new MailDeliveryError(String(error), false);
    channel.destroy(failure);
    throw failure;
  }
}

function connect(options: SmtpSessionOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = options.secure
      ? tls.connect({ host: options.host, port: options.port, ...tlsOptions(options) })
      : net.connect({ host: options.host, port: options.port });
    const timer = setTimeout(() => {
      socket.destroy();
      const where = `${options.host}:${options.port}`;
      reject(new MailDeliveryError(`could not connect to ${where} within ${options.connectTimeoutMs} ms`, false));
    }, options.connectTimeoutMs);
    socket.once(options.secure ? "secureConnect" : "connect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      resolve(socket);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new MailDeliveryError(`could not connect to ${options.host}:${options.port}: ${error.message}`, false));
    });
  });
}

function tlsOptions(options: SmtpSessionOptions): tls.ConnectionOptions {
  // SNI takes host names only; Node warns about an IP address there.
  const serverName = net.isIP(options.host) ? {} : { servername: options.host };
  return { rejectUnauthorized: options.rejectUnauthorized, ...serverName };
}

async function hello(channel: SmtpChannel, clientName: string): Promise<Set<string>> {
  const ehlo = await channel.command(`EHLO ${clientName}`);
  if (ehlo.code === 250) {
    const extensions = new Set<string>();
    // The first line is the server's name; each further line one extension, its keyword first.
    for (const line of ehlo.lines.slice(1)) extensions.add(line.trim().split(/\s+/)[0].toUpperCase());
    const auth = ehlo.lines.slice(1).find((line) => /^AUTH[ =]/i.test(line.trim()));
    for (const method of auth?.trim().slice(5).split(/\s+/) ?? []) extensions.add(`AUTH=${method.toUpperCase()}`);
    return extensions;
  }
  if (ehlo.code < 500) throw refusal("answered EHLO with", ehlo);
  const helo = await channel.command(`HELO ${clientName}`);
  if (helo.code !== 250) throw refusal("answered HELO with", helo);
  return new Set();
}

async function authenticate(channel: SmtpChannel, extensions: Set<string>, user: string, password: string) {
  let reply: SmtpReply;
  if (extensions.has("AUTH=PLAIN")) {
    reply = await channel.command(`AUTH PLAIN ${Buffer.from(`\0${user}\0${password}`, "utf8").toString("base64")}`);
  } else if (extensions.has("AUTH=LOGIN")) {
    reply = await channel.command("AUTH LOGIN");
    if (reply.code === 334) reply = await channel.command(Buffer.from(user, "utf8").toString("base64"));
    if (reply.code === 334) reply = await channel.command(Buffer.from(password, "utf8").toString("base64"));
  } else {
    throw new MailDeliveryError("the SMTP server offers neither AUTH PLAIN nor AUTH LOGIN", false);
  }
  if (reply.code !== 235) {
    const reason = describeReply(reply);
    throw new MailDeliveryError(`the SMTP server refused the login of ${user}: ${reason}`, false, reply.code);
  }
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || (net.isIPv4(host) && host.startsWith("127."));
}

function refusal(what: string, reply: SmtpReply): MailDeliveryError {
  return new MailDeliveryError(`the SMTP server ${what} ${describeReply(reply)}`, false, reply.code);
}
