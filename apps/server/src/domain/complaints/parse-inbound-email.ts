/**
 * Reads an inbound email (a raw RFC 822 message, as a mail server's webhook or pipe hands it over): the sender, the
 * subject, the threading headers and the text the customer wrote — the first text/plain part (else the HTML part as
 * text), transfer encodings and charsets (UTF-8, GBK/GB18030, Big5…) decoded, and the quoted earlier message cut off.
 * Not a general MIME library: attachments are ignored.
 */

export interface InboundEmail {
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  messageId: string | null;
  /** Message-IDs this one answers (In-Reply-To, then References), newest first. */
  inReplyTo: string[];
  /** What the sender wrote, without the quoted message below it. */
  text: string;
}

interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  const label = (charset ?? "utf-8").trim().replace(/^"|"$/g, "").toLowerCase();
  try {
    return new TextDecoder(label === "gb2312" ? "gbk" : label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  const input = text.replace(/=\r?\n/g, "");
  for (let index = 0; index < input.length; index++) {
    const character = input[index];
    if (character === "=" && /^[0-9A-Fa-f]{2}$/.test(input.slice(index + 1, index + 3))) {
      bytes.push(parseInt(input.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(character, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?charset?B|Q?…?=) in a header, in any charset TextDecoder knows. */
export function decodeHeaderWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, charset: string, encoding: string, text: string) =>
      decodeCharset(
        encoding.toUpperCase() === "B" ? Buffer.from(text, "base64") : quotedPrintableBytes(text.replace(/_/g, " ")),
        charset.split("*")[0],
      ),
    );
}

function splitPart(raw: Buffer): Part {
  const text = raw.toString("latin1");
  const match = /\r?\n\r?\n/.exec(text);
  const headEnd = match ? match.index : text.length;
  const bodyStart = match ? match.index + match[0].length : text.length;
  const headers = new Map<string, string>();
  for (const line of text.slice(0, headEnd).replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // Raw 8-bit header bytes are taken as UTF-8 (what mail clients send today), then encoded words decoded.
    const value = decodeHeaderWords(Buffer.from(line.slice(colon + 1).trim(), "latin1").toString("utf8"));
    if (!headers.has(name)) headers.set(name, value);
  }
  return { headers, body: raw.subarray(Buffer.byteLength(text.slice(0, bodyStart), "latin1")) };
}

function parameter(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  return new RegExp(`${name}\\s*=\\s*"?([^";]+)"?`, "i").exec(header)?.[1];
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").trim().toLowerCase();
  const charset = parameter(part.headers.get("content-type"), "charset");
  if (encoding === "base64") return decodeCharset(Buffer.from(part.body.toString("latin1").replace(/\s+/g, ""), "base64"), charset);
  if (encoding === "quoted-printable") return decodeCharset(quotedPrintableBytes(part.body.toString("latin1")), charset);
  return decodeCharset(part.body, charset);
}

/** The first text/plain part, else the first text/html part, of a (possibly nested) multipart message. */
function findText(part: Part, depth = 0): { kind: "plain" | "html"; text: string } | null {
  const contentType = (part.headers.get("content-type") ?? "text/plain").toLowerCase();
  if (contentType.startsWith("multipart/") && depth < 5) {
    const boundary = parameter(part.headers.get("content-type"), "boundary");
    if (!boundary) return null;
    const text = part.body.toString("latin1");
    const sections = text.split(`--${boundary}`).slice(1);
    let html: { kind: "plain" | "html"; text: string } | null = null;
    for (const section of sections) {
      if (section.startsWith("--")) break;
      const found = findText(splitPart(Buffer.from(section.replace(/^\r?\n/, ""), "latin1")), depth + 1);
      if (found?.kind === "plain") return found;
      html ??= found;
    }
    return html;
  }
  const disposition = part.headers.get("content-disposition")?.toLowerCase() ?? "";
  if (disposition.startsWith("attachment")) return null;
  if (contentType.startsWith("text/plain")) return { kind: "plain", text: decodeBody(part) };
  if (contentType.startsWith("text/html")) return { kind: "html", text: htmlToText(decodeBody(part)) };
  return null;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Lines where a client starts quoting the message being answered. */
const QUOTE_STARTS = [
  /^On .{4,200}wrote:\s*$/,
  /^在.{2,200}写道[:：]\s*$/,
  /^於.{2,200}寫道[:：]\s*$/,
  /^-{2,}\s*(Original Message|原始邮件|原始郵件)\s*-{2,}/i,
  /^(From|发件人|寄件者)[:：]\s.+$/,
];

/** What the sender wrote above the quoted earlier message (lines starting with ">" and what follows "On … wrote:"). */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const kept: string[] = [];
  for (const line of lines) {
    if (QUOTE_STARTS.some((pattern) => pattern.test(line.trim()))) break;
    if (line.trimStart().startsWith(">")) continue;
    kept.push(line);
  }
  const result = kept.join("\n").trim();
  return result || text.trim();
}

const angleIds = (value: string | undefined) => (value ? [...value.matchAll(/<[^<>\s]+>/g)].map((match) => match[0]) : []);

export function parseInboundEmail(raw: string | Buffer): InboundEmail {
  const top = splitPart(typeof raw === "string" ? Buffer.from(raw, "utf8") : raw);
  const from = top.headers.get("from") ?? "";
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from)?.[1] ?? null;
  const name = from.includes("<") ? from.slice(0, from.indexOf("<")).trim().replace(/^"|"$/g, "").trim() || null : null;
  const found = findText(top);
  return {
    fromAddress: address ? address.toLowerCase() : null,
    fromName: name,
    subject: (top.headers.get("subject") ?? "").trim(),
    messageId: angleIds(top.headers.get("message-id"))[0] ?? null,
    inReplyTo: [...angleIds(top.headers.get("in-reply-to")), ...angleIds(top.headers.get("references")).reverse()],
    text: found ? stripQuotedReply(found.text) : "",
  };
}
