import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { MailDeliveryError } from "../mailer.ts";
import { composeMime, type MimeInput } from "./compose-mime.ts";

const letter: MimeInput = {
  from: "可信茶行 王经理 <no-reply@kexin.test>",
  to: "王女士 <wang@example.test>",
  subject: "新春快乐 — 可信茶行恭祝您阖家幸福、万事如意！🧧 Happy Spring Festival to you and your family",
  text: "尊敬的王女士：\n\n值此新春佳节之际，可信茶行全体同仁向您致以最诚挚的问候。\n.这一行以句点开头\n.\n😀",
  html: "<p>尊敬的王女士：</p>\n<p>值此新春佳节之际 &amp; 感谢您的信任。</p>",
  headers: { "X-Kexin-Kind": "greeting", "X-Kexin-Note": "春节问候 2026" },
};

function refusal(input: Partial<MimeInput>): MailDeliveryError {
  try {
    composeMime({ ...letter, ...input });
  } catch (error) {
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as MailDeliveryError).isPermanent).toBe(true);
    return error as MailDeliveryError;
  }
  throw new Error("composeMime accepted the input");
}

function headerBlock(raw: Buffer): string {
  const text = raw.toString("utf8");
  return text.slice(0, text.indexOf("\r\n\r\n") + 2);
}

describe("composeMime", () => {
  it("round-trips a Chinese subject, display names, text and HTML exactly (read back by mailparser)", async () => {
    const parsed = await simpleParser(composeMime(letter));
    expect(parsed.subject).toBe(letter.subject);
    expect(parsed.from?.value).toEqual([{ name: "可信茶行 王经理", address: "no-reply@kexin.test" }]);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ name: "王女士", address: "wang@example.test" }]);
    expect(parsed.text).toBe(letter.text);
    expect(parsed.html).toBe(letter.html);
    expect(parsed.headers.get("x-kexin-kind")).toBe("greeting");
    // mailparser leaves encoded-words in unknown headers as they are; decode the one word by hand.
    const note = String(parsed.headers.get("x-kexin-note"));
    expect(note).toMatch(/^=\?UTF-8\?B\?.+\?=$/);
    expect(Buffer.from(note.slice(10, -2), "base64").toString("utf8")).toBe("春节问候 2026");
    expect(parsed.headers.get("mime-version")).toBe("1.0");
    expect(parsed.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
  });

  it("encodes non-ASCII headers as encoded-words of at most 75 characters on lines of at most 76, never splitting a character", () => {
    const subjects = [letter.subject, "一".repeat(200), "é😀a中".repeat(40), "x中".repeat(100)];
    for (const subject of subjects) {
      const head = headerBlock(composeMime({ ...letter, subject }));
      const unfolded = head.replace(/\r\n[ \t]/g, " ");
      const subjectLine = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? "";
      const words = subjectLine.split(" ");
      for (const word of words) {
        expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
        expect(word.length).toBeLessThanOrEqual(75);
        const bytes = Buffer.from(word.slice(10, -2), "base64");
        // Each word must decode on its own: re-encoding its text gives back the same bytes (no cut sequence).
        expect(Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes)).toBe(true);
      }
      expect(words.map((word) => Buffer.from(word.slice(10, -2), "base64").toString("utf8")).join("")).toBe(subject);
      for (const line of head.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    }
  });

  it("uses CRLF everywhere and base64 lines of at most 76 characters", () => {
    const raw = composeMime({ ...letter, text: "行".repeat(500) + "\nend\r\nlast\r", html: "<b>x</b>".repeat(100) }).toString("utf8");
    expect(raw).not.toMatch(/[^\r]\n/);
    expect(raw).not.toMatch(/\r[^\n]/);
    expect(raw.endsWith("--\r\n")).toBe(true);
    const body = raw.slice(raw.indexOf("\r\n\r\n"));
    for (const line of body.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
  });

  it("keeps ASCII subjects readable and folds long ones at spaces", async () => {
    const subject = "A thank-you letter from the Kexin tea house, with our best wishes for the coming year and beyond";
    const raw = composeMime({ ...letter, subject });
    const head = headerBlock(raw);
    expect(head).toContain("Subject: A thank-you letter");
    expect(/Subject:.*\r\n( .*\r\n)*/.exec(head)?.[0]).not.toContain("=?UTF-8?");
    expect(head.split("\r\n").every((line) => line.length <= 76)).toBe(true);
    expect((await simpleParser(raw)).subject).toBe(subject);
  });

  it("quotes an ASCII display name with specials and converts an international domain to ASCII", async () => {
    const raw = composeMime({ ...letter, from: '"Li, Na (Kexin)" <li@例子.测试>', to: "zhang@例子.测试" });
    const head = headerBlock(raw);
    expect(head).toContain('From: "Li, Na (Kexin)" <li@xn--fsqu00a.xn--0zwm56d>');
    expect(head).toContain("To: <zhang@xn--fsqu00a.xn--0zwm56d>");
    expect((await simpleParser(raw)).from?.value[0].name).toBe("Li, Na (Kexin)");
  });

  it("writes an RFC 5322 date, and a Message-ID from the headers, the option, or a new one on the sender's domain", () => {
    const date = new Date(Date.UTC(2026, 1, 7, 9, 5, 3));
    expect(headerBlock(composeMime({ ...letter, date }))).toContain("Date: Sat, 07 Feb 2026 09:05:03 +0000\r\n");
    const fromHeaders = composeMime({ ...letter, headers: { "Message-ID": "<greeting-42@kexin.test>" } });
    expect(headerBlock(fromHeaders)).toContain("Message-ID: <greeting-42@kexin.test>\r\n");
    expect(headerBlock(fromHeaders).match(/Message-ID/gi)).toHaveLength(1);
    expect(headerBlock(composeMime({ ...letter, messageId: "<given@kexin.test>" }))).toContain("Message-ID: <given@kexin.test>");
    const generated = /Message-ID: (.*)\r\n/.exec(headerBlock(composeMime(letter)))?.[1];
    expect(generated).toMatch(/^<[0-9a-f-]{36}@kexin\.test>$/);
  });

  it("uses a new random boundary for every message", () => {
    const boundary = (raw: Buffer) => /boundary="([^"]+)"/.exec(raw.toString("utf8"))?.[1];
    const first = boundary(composeMime(letter));
    expect(first).toBeTruthy();
    expect(boundary(composeMime(letter))).not.toBe(first);
  });

  it("refuses header injection through the subject, an extra header, an address or the Message-ID, naming the header", () => {
    expect(refusal({ subject: "Hello\r\nBcc: everyone@example.test" }).message).toContain("Subject");
    expect(refusal({ subject: "Hello\nBcc: x@example.test" }).message).toContain("Subject");
    expect(refusal({ headers: { "X-Kexin-Note": "a\r\nBcc: x@example.test" } }).message).toContain("X-Kexin-Note");
    expect(refusal({ headers: { "X-Bad\r\nBcc": "x" } }).message).toMatch(/header name/);
    expect(refusal({ headers: { "X-Null": "a\0b" } }).message).toContain("X-Null");
    expect(refusal({ to: "wang@example.test\r\nBcc: x@example.test" }).message).toContain("To");
    expect(refusal({ from: "Shop\n <shop@kexin.test>" }).message).toContain("From");
    expect(refusal({ messageId: "<a@b>\r\nBcc: x@example.test" }).message).toContain("Message-ID");
  });

  it("refuses invalid addresses and headers it writes itself or cannot honour", () => {
    expect(refusal({ to: "not an address" }).message).toContain("To");
    expect(refusal({ to: "a..b@example.test" }).message).toContain("To");
    expect(refusal({ headers: { "Content-Type": "text/plain" } }).message).toContain("Content-Type");
    expect(refusal({ headers: { Bcc: "boss@example.test" } }).message).toContain("Bcc");
  });
});
