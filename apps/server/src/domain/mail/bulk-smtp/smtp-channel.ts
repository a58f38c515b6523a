/**
 * The wire under one SMTP client connection: writes commands, parses replies (multi-line `250-…` / `250 …`) and
 * hands each reply to the oldest waiting handler. SMTP answers commands strictly in the order they were sent, even
 * pipelined (RFC 2920 §3.1), so a FIFO of expected replies is all the bookkeeping that pipelining needs.
 */
import { StringDecoder } from "node:string_decoder";
import type { Socket } from "node:net";
import tls from "node:tls";
import { MailDeliveryError } from "../mailer.ts";

export interface SmtpReply {
  code: number;
  /** The text of each line, without the code. */
  lines: string[];
}

/** RFC 5321 §4.5.3.1.5 allows 512; anything near this is not an SMTP server. */
const maxReplyLineLength = 65_536;

interface ExpectedReply {
  onReply(reply: SmtpReply): void;
  onFailure(error: MailDeliveryError): void;
}

/** `250 Accepted` style summary of a reply, for error messages. */
export function describeReply(reply: SmtpReply): string {
  return `${reply.code} ${reply.lines.join(" ").trim()}`.slice(0, 300);
}

export class SmtpChannel {
  private socket: Socket;
  private decoder = new StringDecoder("utf8");
  private partial = "";
  private lines: string[] = [];
  private readonly expected: ExpectedReply[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerMs = 0;
  private failure: MailDeliveryError | undefined;
  private readonly closeListeners: Array<(error: MailDeliveryError) => void> = [];

  constructor(
    socket: Socket,
    private readonly replyTimeoutMs: number,
  ) {
    this.socket = socket;
    socket.setNoDelay(true);
    this.attach(socket);
  }

  /** Why the channel is closed, or undefined while it is open. */
  get closedBecause(): MailDeliveryError | undefined {
    return this.failure;
  }

  get pendingReplies(): number {
    return this.expected.length;
  }

  /** Calls `listener` once when the channel closes, for whatever reason, with a temporary error saying why. */
  onClose(listener: (error: MailDeliveryError) => void): void {
    this.closeListeners.push(listener);
  }

  /** Waits for the next reply without sending anything (the greeting, the next line of a pipelined group). */
  expect(onReply: (reply: SmtpReply) => void, onFailure: (error: MailDeliveryError) => void): void {
    if (this.failure) {
      onFailure(this.failure);
      return;
    }
    this.expected.push({ onReply, onFailure });
    if (this.expected.length === 1) this.armTimer(this.replyTimeoutMs);
  }

  /** The next reply as a promise; `timeoutMs` replaces the reply timeout for this one (the greeting has its own). */
  nextReply(timeoutMs = this.replyTimeoutMs): Promise<SmtpReply> {
    return new Promise((resolve, reject) => {
      this.expect(resolve, reject);
      if (this.expected.length === 1) this.armTimer(timeoutMs);
    });
  }

  /** Sends one command line and waits for its reply. */
  command(line: string): Promise<SmtpReply> {
    this.write(`${line}\r\n`);
    return this.nextReply();
  }

  write(data: string | Buffer): void {
    if (!this.failure) this.socket.write(data);
  }

  /** Groups several writes into one packet (a pipelined group and the body before it). */
  cork(): void {
    this.socket.cork();
  }

  uncork(): void {
    this.socket.uncork();
  }

  /**
   * Upgrades the connection to TLS after the server's 220 to STARTTLS. Bytes that arrived after the 220 and
   * before the handshake would be trusted as if they came over TLS (CVE-2011-0411), so any such bytes fail it.
   * @throws MailDeliveryError (temporary) when the handshake fails or times out
   */
  async upgradeToTls(options: tls.ConnectionOptions, timeoutMs: number): Promise<void> {
    if (this.partial !== "" || this.lines.length > 0 || this.expected.length > 0) {
      const error = new MailDeliveryError("the SMTP server sent data after its STARTTLS reply", false);
      this.destroy(error);
      throw error;
    }
    const plain = this.socket;
    this.detach(plain);
    const secure = tls.connect({ ...options, socket: plain });
    this.socket = secure;
    this.attach(secure);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.destroy(new MailDeliveryError(`the TLS handshake did not finish within ${timeoutMs} ms`, false));
      }, timeoutMs);
      secure.once("secureConnect", () => {
        clearTimeout(timer);
        resolve();
      });
      this.onClose((error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    secure.setNoDelay(true);
  }

  /** Ends the connection politely (after QUIT's reply), letting written bytes drain; resolves once closed. */
  end(): Promise<void> {
    const socket = this.socket;
    const closed = new Promise<void>((resolve) => {
      if (socket.closed) resolve();
      else socket.once("close", () => resolve());
    });
    if (!this.failure) {
      socket.end();
      // A server that never closes its side must not hold the caller; the bytes have long been flushed by then.
      setTimeout(() => socket.destroy(), this.replyTimeoutMs).unref();
      this.fail(new MailDeliveryError("the SMTP connection was closed", false), false);
    }
    return closed;
  }

  /** Drops the connection at once; pending handlers fail with `error`. */
  destroy(error: MailDeliveryError): void {
    if (this.failure) return;
    this.socket.destroy();
    this.fail(error);
  }

  private readonly onData = (chunk: Buffer) => {
    this.partial += this.decoder.write(chunk);
    let end = this.partial.indexOf("\n");
    while (end !== -1 && !this.failure) {
      const line = this.partial.slice(0, this.partial.charCodeAt(end - 1) === 13 ? end - 1 : end);
      this.partial = this.partial.slice(end + 1);
      this.onLine(line);
      end = this.partial.indexOf("\n");
    }
    if (this.partial.length > maxReplyLineLength) {
      this.destroy(new MailDeliveryError("the SMTP server sent a reply line longer than 64 KiB", false));
    }
  };

  private readonly onSocketError = (error: Error) => {
    this.fail(new MailDeliveryError(`the SMTP connection failed: ${error.message}`, false));
  };

  private readonly onSocketClose = () => {
    this.fail(new MailDeliveryError("the SMTP server closed the connection", false));
  };

  private onLine(line: string): void {
    const code = Number(line.slice(0, 3));
    const separator = line.charAt(3);
    if (!/^[2-5]\d\d$/.test(line.slice(0, 3)) || (separator !== "" && separator !== " " && separator !== "-")) {
      this.destroy(new MailDeliveryError(`the SMTP server sent a malformed reply line: ${line.slice(0, 100)}`, false));
      return;
    }
    this.lines.push(line.slice(4));
    if (separator === "-") return;
    const reply = { code, lines: this.lines };
    this.lines = [];
    const handler = this.expected.shift();
    if (!handler) {
      this.destroy(new MailDeliveryError(`the SMTP server sent an unexpected reply: ${describeReply(reply)}`, false));
      return;
    }
    if (this.expected.length === 0) this.clearTimer();
    else this.armTimer(this.replyTimeoutMs);
    handler.onReply(reply);
  }

  private armTimer(timeoutMs: number): void {
    // Re-arming happens once per reply; refreshing the same timer avoids allocating one each time.
    if (this.timer && this.timerMs === timeoutMs) {
      this.timer.refresh();
      return;
    }
    this.clearTimer();
    this.timerMs = timeoutMs;
    this.timer = setTimeout(() => {
      this.destroy(new MailDeliveryError(`the SMTP server did not reply within ${timeoutMs} ms`, false));
    }, timeoutMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fail(error: MailDeliveryError, destroySocket = true): void {
    if (this.failure) return;
    this.failure = error;
    this.clearTimer();
    this.detach(this.socket);
    this.socket.on("error", () => {});
    if (destroySocket && !this.socket.destroyed) this.socket.destroy();
    for (const handler of this.expected.splice(0)) handler.onFailure(error);
    for (const listener of this.closeListeners.splice(0)) listener(error);
  }

  private attach(socket: Socket): void {
    socket.on("data", this.onData);
    socket.on("error", this.onSocketError);
    socket.on("close", this.onSocketClose);
  }

  private detach(socket: Socket): void {
    socket.off("data", this.onData);
    socket.off("error", this.onSocketError);
    socket.off("close", this.onSocketClose);
  }
}
