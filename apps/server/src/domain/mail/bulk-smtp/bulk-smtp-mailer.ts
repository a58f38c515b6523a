/**
 * The bulk SMTP adapter for greeting campaigns: the same Mailer interface and options as createSmtpMailer, but
 * each message is composed with composeMime and sent over a small pool of pipelining connections, at about a
 * tenth of nodemailer's CPU per message. One-off mail (invitations, complaint replies) stays on nodemailer.
 *
 * What a result means, for callers that must send each letter at most once:
 * - resolved: the server answered 250 to the end of the message; it has it.
 * - rejected with UncertainDeliveryError: the connection died after the whole message went out and before the
 *   server's reply; it may or may not have been taken. Nothing else is ever in that state.
 * - any other MailDeliveryError: the server did not take the message (refused, or the connection failed before the
 *   end of the message). `isPermanent` says whether trying again can help.
 * The pool never re-sends a message itself; the caller decides.
 */
import { hostname } from "node:os";
import { AppError } from "../../app-error.ts";
import { MailDeliveryError, type Mailer, type MailMessage } from "../mailer.ts";
import { composeMime, createMessageId } from "./compose-mime.ts";
import { parseMailbox, type Mailbox } from "./mailbox.ts";
import { openSmtpSession, type SmtpSessionOptions } from "./open-smtp-session.ts";
import { SmtpConnection, type SmtpTransaction } from "./smtp-connection.ts";
import { toSmtpData } from "./smtp-data.ts";

export interface BulkSmtpMailerOptions {
  /** smtp://user:password@host:port (STARTTLS when offered) or smtps://… (TLS from the start). */
  url: string;
  /** The From header, e.g. `Kexin <no-reply@example.com>`. */
  from: string;
  /** Connections opened at most, lazily as the queue grows. */
  maxConnections?: number;
  /** Whether the server's TLS certificate must be valid. Default true; only tests (self-signed server) turn it off. */
  rejectUnauthorized?: boolean;
  connectTimeoutMs?: number;
  greetingTimeoutMs?: number;
  /** How long any single reply may take once its command is sent. */
  replyTimeoutMs?: number;
  /** A connection without work for this long says QUIT (default 10 s); the next send opens a new one. */
  idleTimeoutMs?: number;
}

/**
 * Creates the pooled, pipelining SMTP mailer. Messages are queued and spread over up to `maxConnections`
 * connections; a broken connection is replaced by a new one when messages are waiting.
 * @throws AppError (invalid) naming `url`, `from` or `maxConnections` when the configuration is wrong
 */
export function createBulkSmtpMailer(options: BulkSmtpMailerOptions): Mailer {
  const session = sessionOptions(options);
  const maxConnections = options.maxConnections ?? 4;
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    const message = "maxConnections must be a whole number ≥ 1";
    throw new AppError("mail.smtp_connections_invalid", "invalid", message, "maxConnections");
  }
  let sender: Mailbox;
  try {
    sender = parseMailbox(options.from, "From");
  } catch (error) {
    throw new AppError("mail.from_invalid", "invalid", (error as Error).message, "from");
  }
  // Sent entries are cleared to undefined (the front is dropped now and then) so their messages can be collected.
  const queue: Array<SmtpTransaction | undefined> = [];
  let queueHead = 0;
  const connections = new Set<SmtpConnection>();
  const openings = new Set<Promise<void>>();
  let unsettled = 0;
  // Lowered when the server refuses a connection (e.g. 421, too many clients) while others work or are opening.
  let connectionLimit = maxConnections;
  let isClosed = false;
  let onIdle: (() => void) | undefined;
  let closing: Promise<void> | undefined;

  const takeNext = (): SmtpTransaction | undefined => {
    if (queueHead >= queue.length) return undefined;
    const transaction = queue[queueHead];
    queue[queueHead++] = undefined;
    if (queueHead > 1024 && queueHead * 2 > queue.length) {
      queue.splice(0, queueHead);
      queueHead = 0;
    }
    return transaction;
  };
  const queued = () => queue.length - queueHead;

  const dispatch = () => {
    for (const connection of connections) {
      if (queued() === 0) return;
      connection.pump();
    }
    if (queued() > 0 && connections.size + openings.size < connectionLimit) openConnection();
  };

  const openConnection = () => {
    const opening = openSmtpSession(session).then(
      ({ channel, extensions }) => {
        const connection = new SmtpConnection(channel, extensions, takeNext, options.idleTimeoutMs);
        connections.add(connection);
        channel.onClose(() => {
          connections.delete(connection);
          // Replace it only for waiting messages; an idle pool opens connections again on the next send.
          queueMicrotask(dispatch);
        });
        if (isClosed && unsettled === 0) void connection.close();
        else connection.pump();
      },
      (error: MailDeliveryError) => {
        const othersOpening = openings.size - 1;
        if (connections.size + othersOpening > 0) {
          // Not replaced: the pool goes on with what it has, so a server at its limit is not asked again and again.
          connectionLimit = connections.size + othersOpening;
          return;
        }
        // With no connection to serve them, the waiting messages fail now rather than wait (or retry) forever;
        // the next send starts afresh.
        connectionLimit = maxConnections;
        for (let transaction = takeNext(); transaction; transaction = takeNext()) transaction.reject(error);
      },
    );
    const tracked = opening.finally(() => {
      openings.delete(tracked);
      dispatch();
    });
    openings.add(tracked);
  };

  return {
    kind: "smtp",
    async send(message: MailMessage) {
      if (isClosed) throw new MailDeliveryError("the bulk SMTP mailer is closed", false);
      const recipient = parseMailbox(message.to, "To");
      const messageId = findHeader(message.headers, "Message-ID") ?? createMessageId(sender);
      const data = toSmtpData(composeMime({ from: options.from, ...message, messageId }));
      const smtpUtf8Address = [sender, recipient].find((mailbox) => mailbox.needsSmtpUtf8)?.address;
      unsettled++;
      try {
        await new Promise<void>((resolve, reject) => {
          queue.push({ from: sender.address, to: recipient.address, smtpUtf8Address, data, resolve, reject });
          dispatch();
        });
      } finally {
        unsettled--;
        if (unsettled === 0) onIdle?.();
      }
      return { messageId };
    },
    close() {
      isClosed = true;
      closing ??= (async () => {
        if (unsettled > 0) await new Promise<void>((resolve) => (onIdle = resolve));
        await Promise.allSettled([...openings]);
        await Promise.all([...connections].map((connection) => connection.close()));
      })();
      return closing;
    },
  };
}

function findHeader(headers: Record<string, string> | undefined, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key in headers) if (key.toLowerCase() === lower) return headers[key].trim();
  return undefined;
}

function sessionOptions(options: BulkSmtpMailerOptions): SmtpSessionOptions {
  const invalidUrl = (why: string) => {
    const message = `the SMTP URL ${why}; expected smtp://user:password@host:port or smtps://…`;
    return new AppError("mail.smtp_url_invalid", "invalid", message, "url");
  };
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw invalidUrl("is not a URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw invalidUrl(`has the scheme ${url.protocol}`);
  if (url.hostname === "") throw invalidUrl("names no host");
  const secure = url.protocol === "smtps:";
  const localName = hostname();
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.username ? decodeURIComponent(url.password) : undefined,
    rejectUnauthorized: options.rejectUnauthorized ?? true,
    // RFC 5321 §4.1.4: a fully qualified name, else an address literal.
    clientName: localName.includes(".") ? localName : "[127.0.0.1]",
    connectTimeoutMs: options.connectTimeoutMs ?? 30_000,
    greetingTimeoutMs: options.greetingTimeoutMs ?? 30_000,
    replyTimeoutMs: options.replyTimeoutMs ?? 60_000,
  };
}
