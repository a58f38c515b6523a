import { describe, expect, it } from "vitest";
import { composeMime } from "./compose-mime.ts";
import { toSmtpData } from "./smtp-data.ts";

describe("toSmtpData", () => {
  it("returns a composed message as is, without copying it", () => {
    const raw = composeMime({ from: "a@kexin.test", to: "b@example.test", subject: "你好", text: ".x\n.", html: "<p>.</p>" });
    expect(toSmtpData(raw)).toBe(raw);
  });

  it("doubles a dot at the start of any line, including the first and a line that is only a dot", () => {
    const data = toSmtpData(Buffer.from(".first\r\nmiddle\r\n.\r\n..two\r\nlast.\r\n"));
    expect(data.toString()).toBe("..first\r\nmiddle\r\n..\r\n...two\r\nlast.\r\n");
  });

  it("turns bare LF and bare CR into CRLF and ends the last line", () => {
    expect(toSmtpData(Buffer.from("a\nb\rc\r\n.d")).toString()).toBe("a\r\nb\r\nc\r\n..d\r\n");
    expect(toSmtpData(Buffer.from("no final line break")).toString()).toBe("no final line break\r\n");
    expect(toSmtpData(Buffer.alloc(0)).toString()).toBe("\r\n");
  });

  it("keeps UTF-8 bytes intact", () => {
    expect(toSmtpData(Buffer.from("中文\n.行")).toString("utf8")).toBe("中文\r\n..行\r\n");
  });
});
