import { describe, expect, it } from "vitest";
import { composeInvitationEmail, type InvitationEmailInput } from "./invitation-email.ts";

const base: InvitationEmailInput = {
  kind: "invitation",
  language: "zh-CN",
  customerName: "林小姐",
  surveyTitle: "购物满意度",
  orgName: "悦家超市",
  link: "https://kexin.example/r/token-123",
};

describe("composeInvitationEmail", () => {
  it.each(["zh-CN", "en", "zh-TW"] as const)("writes a %s invitation and a reminder in other words, both with the link", (language) => {
    const invitation = composeInvitationEmail({ ...base, language });
    const reminder = composeInvitationEmail({ ...base, language, kind: "reminder" });
    for (const email of [invitation, reminder]) {
      expect(email.text).toContain(base.link);
      expect(email.html).toContain(`href="${base.link}"`);
      expect(email.subject).toContain("购物满意度");
      expect(email.text).toContain("林小姐");
      expect(email.html).toContain(`lang="${language}"`);
    }
    expect(reminder.subject).not.toBe(invitation.subject);
    expect(reminder.text).not.toBe(invitation.text);
  });

  it("uses traditional characters for zh-TW", () => {
    const email = composeInvitationEmail({ ...base, language: "zh-TW" });
    expect(email.text).toContain("這個連結只屬於您");
    expect(email.text).toContain("您收到這封郵件");
  });

  it("explains why the customer receives it", () => {
    expect(composeInvitationEmail(base).text).toContain("您收到这封邮件，是因为您是悦家超市的客户");
    expect(composeInvitationEmail({ ...base, language: "en" }).text).toContain("because you are a customer of 悦家超市");
  });

  it("greets without a name when none is known", () => {
    expect(composeInvitationEmail({ ...base, customerName: null }).text.startsWith("您好：")).toBe(true);
    expect(composeInvitationEmail({ ...base, language: "en", customerName: "  " }).text.startsWith("Hello,")).toBe(true);
  });

  it("keeps a title with line breaks on one subject line, and escapes it in the HTML", () => {
    const email = composeInvitationEmail({ ...base, surveyTitle: "Line one\r\nBcc: someone@example.test <b>" });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toContain("Line one\r\nBcc: someone@example.test &lt;b&gt;");
    expect(email.html).not.toContain("<b>");
  });
});
