/**
 * A real SMTP server on 127.0.0.1 (random port) for tests: it accepts any sender without authentication, keeps
 * every message it receives, and can be told to refuse recipients, so mail code is tested over a socket, not a mock.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message exactly as received (RFC 822); read it with parseMail. */
  raw: string;
}

export interface LocalSmtpServer {
  /** smtp://127.0.0.1:<port>, for KEXIN_SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /** When set, RCPT TO answers with this reply code and text (e.g. 550 for "no such user", 451 to try later). */
  refuseRecipients: { code: number; message: string } | null;
  /** Waits until at least `count` messages arrived. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startLocalSmtpServer(): Promise<LocalSmtpServer> {
  const state: LocalSmtpServer = {
    url: "",
    messages: [],
    refuseRecipients: null,
    waitForMessages: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (state.messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, received ${state.messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return state.messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1_000,
    onRcptTo(_address, _session, callback) {
      const refusal = state.refuseRecipients;
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mailFrom = session.envelope.mailFrom;
        state.messages.push({
          from: mailFrom ? mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  // A client that dies mid-session (a worker killed with -9 in a test) resets its connection: not the server's error.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") console.warn(`local SMTP server: ${error.message}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
