/**
 * One SMTP client connection sending many messages. With PIPELINING (RFC 2920) each message costs one round trip:
 * MAIL FROM, RCPT TO and DATA go out together; on 354 the body, its end-of-data line and the next message's three
 * commands go out together, so a message's final reply and the next one's first replies share a packet. At most two
 * messages are in flight per connection: the body may only follow its own 354 (RFC 2920 §3.1: DATA ends a group),
 * and writing it blind would turn it into commands whenever the envelope was refused. Throughput comes from the
 * pool's several connections instead. Without PIPELINING it falls back to one command per round trip. The connection
 * pulls work (`takeNext`) only when it can write it at once, so nothing waits inside a connection that might die.
 */
import { MailDeliveryError } from "../mailer.ts";
import { describeReply, type SmtpChannel, type SmtpReply } from "./smtp-channel.ts";
import { UncertainDeliveryError } from "./uncertain-delivery-error.ts";

export interface SmtpTransaction {
  /** Envelope sender and recipient, domains already in ASCII. */
  from: string;
  to: string;
  /** The address with a non-ASCII local part, if any: it needs the server's SMTPUTF8 (RFC 6531). */
  smtpUtf8Address: string | undefined;
  /** The message as toSmtpData returns it: CRLF lines, dots stuffed, ending in CRLF. */
  data: Buffer;
  resolve(): void;
  reject(error: MailDeliveryError): void;
}

interface Flight {
  transaction: SmtpTransaction;
  /** The first refusal among MAIL / RCPT / DATA; the transaction fails with it. */
  failure?: MailDeliveryError;
  /** Set once ".\r\n" is written: from then on a lost connection leaves it unknown whether the server took it. */
  isDataEnded: boolean;
}

const endOfData = Buffer.from(".\r\n");

export class SmtpConnection {
  private readonly inFlight = new Set<Flight>();
  /** Pipelined: a DATA is out and its 354 not back, so the next group must wait (its bytes would be the body). */
  private isAwaitingData = false;
  private isClosing = false;
  private closed: Promise<void> | undefined;
  private quitWhenIdle: (() => void) | undefined;
  private readonly isPipelining: boolean;
  private readonly hasSmtpUtf8: boolean;
  private readonly hasSize: boolean;

  private idleTimer: NodeJS.Timeout | undefined;

  /**
   * @param takeNext gives the next message to send, or undefined when none waits
   * @param idleTimeoutMs after this long without work the connection says QUIT, before the server drops it (and
   *   before a message written at that very moment is lost with it)
   */
  constructor(
    private readonly channel: SmtpChannel,
    extensions: Set<string>,
    private readonly takeNext: () => SmtpTransaction | undefined,
    private readonly idleTimeoutMs = 10_000,
  ) {
    this.isPipelining = extensions.has("PIPELINING");
    this.hasSmtpUtf8 = extensions.has("SMTPUTF8");
    this.hasSize = extensions.has("SIZE");
    channel.onClose((error) => this.onClose(error));
  }

  /** True when the connection is open and has room for another message right now. */
  get canTakeWork(): boolean {
    if (this.isClosing || this.channel.closedBecause) return false;
    return this.isPipelining ? !this.isAwaitingData : this.inFlight.size === 0 && this.channel.pendingReplies === 0;
  }

  get isOpen(): boolean {
    return !this.channel.closedBecause;
  }

  /** Takes messages from `takeNext` while it can write them now; starts the idle timer when there is nothing. */
  pump(): void {
    while (this.canTakeWork) {
      const transaction = this.takeNext();
      if (!transaction) break;
      this.start(transaction);
    }
    if (this.inFlight.size > 0 || this.channel.pendingReplies > 0 || this.isClosing) {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    } else if (!this.idleTimer) {
      this.idleTimer = setTimeout(() => void this.close(), this.idleTimeoutMs);
      this.idleTimer.unref();
    }
  }

  /**
   * Stops taking work, lets the messages in flight finish, then says QUIT and waits for the socket to close.
   * Never rejects.
   */
  close(): Promise<void> {
    this.isClosing = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.closed ??= new Promise<void>((resolve) => {
      let isQuitSent = false;
      this.quitWhenIdle = () => {
        if (isQuitSent) return;
        if (this.channel.closedBecause) return resolve();
        if (this.inFlight.size > 0 || this.channel.pendingReplies > 0) return;
        isQuitSent = true;
        this.channel.write("QUIT\r\n");
        const end = () => void this.channel.end().then(resolve);
        this.channel.expect(end, end);
      };
      this.quitWhenIdle();
    });
    return this.closed;
  }

  private start(transaction: SmtpTransaction): void {
    if (transaction.smtpUtf8Address !== undefined && !this.hasSmtpUtf8) {
      const address = transaction.smtpUtf8Address;
      transaction.reject(
        new MailDeliveryError(`the SMTP server does not support SMTPUTF8, which the address ${address} needs`, true),
      );
      return;
    }
    const flight: Flight = { transaction, isDataEnded: false };
    this.inFlight.add(flight);
    const utf8 = transaction.smtpUtf8Address !== undefined ? " SMTPUTF8" : "";
    const size = this.hasSize ? ` SIZE=${transaction.data.length}` : "";
    const mail = `MAIL FROM:<${transaction.from}>${utf8}${size}\r\n`;
    const rcpt = `RCPT TO:<${transaction.to}>\r\n`;
    // A refusal already heard (e.g. 421 to MAIL, then the server hangs up) says more than the lost connection.
    const fail = (error: MailDeliveryError) => this.settle(flight, flight.failure ?? error);
    if (this.isPipelining) {
      this.isAwaitingData = true;
      this.channel.write(`${mail}${rcpt}DATA\r\n`);
      this.channel.expect((reply) => this.onEnvelopeReply(flight, "MAIL FROM", reply), fail);
      this.channel.expect((reply) => this.onEnvelopeReply(flight, "RCPT TO", reply), fail);
      this.channel.expect((reply) => this.onDataReply(flight, reply), fail);
      return;
    }
    this.channel.write(mail);
    this.channel.expect((reply) => {
      if (!this.onEnvelopeReply(flight, "MAIL FROM", reply)) return this.abort(flight);
      this.channel.write(rcpt);
      this.channel.expect((reply) => {
        if (!this.onEnvelopeReply(flight, "RCPT TO", reply)) return this.abort(flight);
        this.channel.write("DATA\r\n");
        this.channel.expect((reply) => this.onDataReply(flight, reply), fail);
      }, fail);
    }, fail);
  }

  /** Records a refusal of MAIL FROM or RCPT TO; returns whether the command was accepted. */
  private onEnvelopeReply(flight: Flight, command: string, reply: SmtpReply): boolean {
    if (reply.code >= 200 && reply.code < 300) return true;
    const address = command === "MAIL FROM" ? flight.transaction.from : flight.transaction.to;
    flight.failure ??= refusal(`${command}:<${address}>`, reply);
    return false;
  }

  private onDataReply(flight: Flight, reply: SmtpReply): void {
    this.isAwaitingData = false;
    if (reply.code !== 354) {
      flight.failure ??= refusal("DATA", reply);
      return this.abort(flight);
    }
    if (flight.failure) {
      // The server took DATA after refusing the envelope: sending anything now would deliver it, so drop the line.
      this.channel.destroy(new MailDeliveryError(`the SMTP server accepted DATA after refusing the envelope`, false));
      return;
    }
    this.channel.cork();
    this.channel.write(flight.transaction.data);
    this.channel.write(endOfData);
    flight.isDataEnded = true;
    this.channel.expect(
      (reply) => this.settle(flight, reply.code >= 200 && reply.code < 300 ? undefined : refusal("the message", reply)),
      (error) => this.settle(flight, error),
    );
    this.pump();
    this.channel.uncork();
  }

  /** Fails the message and resets the session so the next transaction starts clean (RSET may be pipelined). */
  private abort(flight: Flight): void {
    // RSET goes out before settling, because settling pumps the next message, whose MAIL must follow the RSET.
    this.channel.write("RSET\r\n");
    this.channel.expect(
      (reply) => {
        if (reply.code >= 200 && reply.code < 300) return this.afterReply();
        this.channel.destroy(new MailDeliveryError(`the SMTP server refused RSET: ${describeReply(reply)}`, false));
      },
      () => {},
    );
    this.settle(flight, flight.failure);
  }

  private settle(flight: Flight, error: MailDeliveryError | undefined): void {
    if (!this.inFlight.delete(flight)) return;
    if (!error) flight.transaction.resolve();
    else if (flight.isDataEnded && !error.responseCode) {
      flight.transaction.reject(new UncertainDeliveryError(error.message));
    } else flight.transaction.reject(error);
    this.afterReply();
  }

  private afterReply(): void {
    if (this.isClosing) this.quitWhenIdle?.();
    else this.pump();
  }

  private onClose(error: MailDeliveryError): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const flight of [...this.inFlight]) this.settle(flight, error);
    this.quitWhenIdle?.();
  }
}

/** 5xx: the server refused for good (unknown mailbox, policy); 4xx: try later. */
function refusal(what: string, reply: SmtpReply): MailDeliveryError {
  const message = `the SMTP server refused ${what}: ${describeReply(reply)}`;
  return new MailDeliveryError(message, reply.code >= 500, reply.code);
}
