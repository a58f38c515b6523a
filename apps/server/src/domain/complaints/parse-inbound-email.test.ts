import { describe, expect, it } from "vitest";
import { decodeHeaderWords, parseInboundEmail, stripQuotedReply } from "./parse-inbound-email.ts";
import { guessComplaintCategory } from "./guess-complaint-category.ts";

describe("parseInboundEmail", () => {
  it("reads a plain UTF-8 message with threading headers", () => {
    const email = parseInboundEmail(
      [
        'From: "Wang Fang" <Wang.Fang@Example.test>',
        "To: care@kexin.test",
        "Subject: Re: [TS-2026-000042] 店员态度差",
        "Message-ID: <reply-1@example.test>",
        "In-Reply-To: <sent-9@kexin.test>",
        "References: <sent-1@kexin.test> <sent-9@kexin.test>",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "还是没有人联系我。",
        "",
        "On Mon, 2 Mar 2026 at 10:30, Kexin <care@kexin.test> wrote:",
        "> We are sorry.",
      ].join("\r\n"),
    );
    expect(email).toEqual({
      fromAddress: "wang.fang@example.test",
      fromName: "Wang Fang",
      subject: "Re: [TS-2026-000042] 店员态度差",
      messageId: "<reply-1@example.test>",
      inReplyTo: ["<sent-9@kexin.test>", "<sent-9@kexin.test>", "<sent-1@kexin.test>"],
      text: "还是没有人联系我。",
    });
  });

  it("decodes encoded-word headers and base64 GBK and quoted-printable bodies in a multipart message", () => {
    const gbkBody = Buffer.from([0xc5, 0xe4, 0xcb, 0xcd, 0xcc, 0xab, 0xc2, 0xfd]); // 配送太慢 in GBK
    const raw = [
      "From: =?UTF-8?B?5p2O5aic?= <li@example.test>",
      "Subject: =?GBK?B?" + Buffer.from([0xcd, 0xb6, 0xcb, 0xdf]).toString("base64") + "?=", // 投诉
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=GBK",
      "Content-Transfer-Encoding: base64",
      "",
      gbkBody.toString("base64"),
      "--b1",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "<p>=E9=85=8D=E9=80=81</p>",
      "--b1--",
    ].join("\r\n");
    const email = parseInboundEmail(raw);
    expect(email.fromName).toBe("李娜");
    expect(email.subject).toBe("投诉");
    expect(email.text).toBe("配送太慢");
    expect(email.messageId).toBeNull();
  });

  it("falls back to the HTML part as text", () => {
    const email = parseInboundEmail(
      ["From: x@example.test", "Content-Type: text/html; charset=utf-8", "", "<div>Broken <b>kettle</b><br>please help &amp; refund</div><script>x()</script>"].join("\n"),
    );
    expect(email.text).toBe("Broken kettle\nplease help & refund");
  });

  it("decodes Q-encoded words", () => {
    expect(decodeHeaderWords("=?utf-8?Q?caf=C3=A9_au_lait?=")).toBe("café au lait");
  });

  it("cuts quoted replies in Chinese and Outlook styles", () => {
    expect(stripQuotedReply("好的，谢谢\n\n在 2026年3月2日 10:30，客信 <care@kexin.test> 写道：\n> 您好")).toBe("好的，谢谢");
    expect(stripQuotedReply("Fine.\n-----Original Message-----\nFrom: Kexin")).toBe("Fine.");
    expect(stripQuotedReply("> only a quote")).toBe("> only a quote");
  });
});

describe("guessComplaintCategory", () => {
  it.each([
    ["店员态度很差，还骂人", "rude_staff"],
    ["The courier was three days late", "delivery"],
    ["水壶用了两天就坏了", "product_quality"],
    ["I was charged twice", "price"],
    ["排队等了四十分钟没人管", "poor_service"],
    ["Hello", "other"],
  ])("%s → %s", (text, category) => {
    expect(guessComplaintCategory(text)).toBe(category);
  });
});
