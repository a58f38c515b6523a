/**
 * Builds a whole RFC 5322 / MIME message as one Buffer: headers, then a multipart/alternative body with a
 * text/plain and a text/html part, both UTF-8 in base64. It does what nodemailer's MailComposer does for Kexin's
 * letters at a tenth of the cost (no streams, no option parsing), which matters at 100,000 letters a campaign.
 */
import { randomUUID } from "node:crypto";
import { MailDeliveryError } from "../mailer.ts";
import { formatDate, formatMailbox, formatUnstructured } from "./header-encoding.ts";
import { assertNoLineBreaks, parseMailbox, type Mailbox } from "./mailbox.ts";

export interface MimeInput {
  /** `Name <address>` or a bare address; a non-ASCII name becomes RFC 2047 encoded-words. */
  from: string;
  /** One recipient, in the same forms as `from`. */
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra header fields; `Message-ID` here is used as the message's id. */
  headers?: Record<string, string>;
  /** The Message-ID to use (with angle brackets); wins over headers["Message-ID"]. */
  messageId?: string;
  /** The Date header; now when absent. */
  date?: Date;
}

// Set by composeMime itself; an extra header of the same name would make a second, conflicting field.
const composedHeaders = new Set([
  "from",
  "to",
  "subject",
  "date",
  "message-id",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
]);
// One envelope recipient per message: a Cc or Bcc header would name people the message never reaches.
const refusedHeaders = new Set(["cc", "bcc"]);
const addressHeaders = new Set(["reply-to", "sender"]);
const headerNamePattern = /^[!-9;-~]+$/;
const base64LineLength = 76;

/**
 * Composes the message: From, To, Subject, Date, Message-ID, MIME-Version, the extra headers, and a
 * multipart/alternative body (random boundary; text/plain then text/html; UTF-8; base64 in 76-character lines),
 * with CRLF line ends throughout. Cost O(size of the message), no I/O.
 * @throws MailDeliveryError (permanent) naming the header when a header name, value or address holds CR, LF or
 *   NUL (header injection), an address is invalid, or an extra header would replace one composeMime writes.
 * @example composeMime({ from: "可信茶行 <shop@example.com>", to: "li@example.com", subject: "新春快乐", text, html })
 *   // → Buffer holding "From: =?UTF-8?B?5Y+v5L+h6Iy26KGM?= <shop@example.com>\r\n…"
 */
export function composeMime(input: MimeInput): Buffer {
  const from = parseSender(input.from);
  const to = parseMailbox(input.to, "To");
  assertNoLineBreaks("Subject", input.subject);
  const extra = input.headers ?? {};
  let headerMessageId: string | undefined;
  let extraLines = "";
  for (const [name, value] of Object.entries(extra)) {
    if (!headerNamePattern.test(name)) {
      const shown = name.replace(/[\r\n\0]/g, " ");
      throw new MailDeliveryError(`the header name "${shown}" is not a valid field name (printable ASCII, no colon)`, true);
    }
    assertNoLineBreaks(name, value);
    const lower = name.toLowerCase();
    if (lower === "message-id") headerMessageId = value.trim();
    else if (refusedHeaders.has(lower)) {
      throw new MailDeliveryError(`the ${name} header is not supported: each message has exactly one recipient`, true);
    } else if (composedHeaders.has(lower)) {
      throw new MailDeliveryError(`the ${name} header is written by the mailer and cannot be set`, true);
    } else if (addressHeaders.has(lower)) extraLines += formatMailbox(name, parseMailbox(value, name));
    else extraLines += formatUnstructured(name, value);
  }
  const messageId = input.messageId ?? headerMessageId ?? createMessageId(from);
  assertNoLineBreaks("Message-ID", messageId);
  const boundary = `----=_kexin_${randomUUID()}`;
  const head =
    formatMailbox("From", from) +
    formatMailbox("To", to) +
    formatUnstructured("Subject", input.subject) +
    `Date: ${formatDate(input.date ?? new Date())}\r\n` +
    `Message-ID: ${messageId}\r\n` +
    "MIME-Version: 1.0\r\n" +
    extraLines +
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"\r\n\r\n`;
  const message =
    head +
    `--${boundary}\r\n` +
    "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
    base64Lines(input.text) +
    `--${boundary}\r\n` +
    "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
    base64Lines(input.html) +
    `--${boundary}--\r\n`;
  return Buffer.from(message, "utf8");
}

// A campaign sends every letter from the same address: parse it once, not once a letter.
let lastSender: { value: string; mailbox: Mailbox } | undefined;
function parseSender(value: string): Mailbox {
  if (lastSender?.value !== value) lastSender = { value, mailbox: parseMailbox(value, "From") };
  return lastSender.mailbox;
}

/**
 * A new Message-ID, `<uuid@domain-of-sender>`: unique without coordination, and on the sender's domain as
 * RFC 5322 §3.6.4 recommends so replies and bounces can be matched to the letter.
 */
export function createMessageId(from: Mailbox): string {
  return `<${randomUUID()}@${from.domain}>`;
}

/**
 * The text as UTF-8 in base64, 76 characters a line, each line ending in CRLF (RFC 2045 §6.8). Line breaks in the
 * text become CRLF first: text/* parts are encoded in canonical form (RFC 2046 §4.1.1).
 */
function base64Lines(text: string): string {
  const encoded = Buffer.from(text.replace(/\r\n|\r|\n/g, "\r\n"), "utf8").toString("base64");
  let out = "";
  for (let start = 0; start < encoded.length; start += base64LineLength) {
    out += `${encoded.slice(start, start + base64LineLength)}\r\n`;
  }
  return out;
}
