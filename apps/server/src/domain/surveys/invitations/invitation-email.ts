/**
 * The words of a survey invitation and of its one reminder, in the invitation's language, as a plain-text and an
 * HTML part. Names and titles are written by staff or customers: the HTML part escapes every one of them; the link
 * is ours (public URL + a base64url token) but is escaped too, since it lands in an attribute.
 */
import type { Locale } from "@kexin/contracts";
import { escapeHtml } from "../../mail/escape-html.ts";

export interface InvitationEmailInput {
  kind: "invitation" | "reminder";
  language: Locale;
  /** The customer's name, or null when it is unknown (a greeting without a name is used). */
  customerName: string | null;
  surveyTitle: string;
  orgName: string;
  /** `${publicUrl}/r/<token>`. */
  link: string;
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

/** One language's wording; each function receives values already made safe for where they go. */
interface Wording {
  subject(title: string, org: string): string;
  greeting(name: string | null): string;
  body(title: string, org: string): string[];
  button: string;
  linkNote: string;
  why(org: string): string;
}

const INVITATION: Record<Locale, Wording> = {
  "zh-CN": {
    subject: (title, org) => `${org}想听听您的意见：${title}`,
    greeting: (name) => (name ? `${name}，您好：` : "您好："),
    body: (title, org) => [
      `感谢您一直以来对${org}的信任。为了把服务做得更好，我们想请您花几分钟填写问卷「${title}」，告诉我们您的真实感受。`,
    ],
    button: "开始填写",
    linkNote: "这个链接只属于您，提交一次后即失效，请不要转发给他人。",
    why: (org) =>
      `您收到这封邮件，是因为您是${org}的客户，并同意接收我们的电子邮件。如不想再收到此类邮件，请直接回复告诉我们，或告知您常去的门店。`,
  },
  en: {
    subject: (title, org) => `${org} would like your opinion: ${title}`,
    greeting: (name) => (name ? `Dear ${name},` : "Hello,"),
    body: (title, org) => [
      `Thank you for choosing ${org}. We want to do better, and you can help: would you take a few minutes to answer "${title}" and tell us how we are really doing?`,
    ],
    button: "Start the survey",
    linkNote: "This link is yours alone and stops working once you have answered, so please do not pass it on.",
    why: (org) =>
      `You receive this email because you are a customer of ${org} and agreed to hear from us by email. If you would rather not receive messages like this, reply to let us know or tell your store.`,
  },
  "zh-TW": {
    subject: (title, org) => `${org}想聽聽您的意見：${title}`,
    greeting: (name) => (name ? `${name}，您好：` : "您好："),
    body: (title, org) => [
      `感謝您一直以來對${org}的信任。為了把服務做得更好，我們想請您花幾分鐘填寫問卷「${title}」，告訴我們您的真實感受。`,
    ],
    button: "開始填寫",
    linkNote: "這個連結只屬於您，提交一次後即失效，請不要轉寄給他人。",
    why: (org) =>
      `您收到這封郵件，是因為您是${org}的客戶，並同意接收我們的電子郵件。如不想再收到此類郵件，請直接回覆告訴我們，或告知您常去的門市。`,
  },
};

const REMINDER: Record<Locale, Wording> = {
  "zh-CN": {
    subject: (title) => `温馨提醒：问卷「${title}」还在等您`,
    greeting: (name) => (name ? `${name}，您好：` : "您好："),
    body: (title, org) => [
      `几天前我们邀请您填写问卷「${title}」，目前还没有收到您的回答。您的每一条意见都会被${org}认真阅读，如果方便，现在仍可以填写，只需几分钟。`,
      "这是唯一的一次提醒，之后不会再打扰您。",
    ],
    button: "现在填写",
    linkNote: "请使用本邮件中的新链接：它取代了上一封邮件里的链接，提交一次后即失效。",
    why: INVITATION["zh-CN"].why,
  },
  en: {
    subject: (title) => `A gentle reminder: "${title}" is still open for you`,
    greeting: (name) => (name ? `Dear ${name},` : "Hello,"),
    body: (title, org) => [
      `A few days ago we asked for your view in "${title}" and have not heard back yet. Everything you write is read by the people at ${org}; if you have a few minutes, the survey is still open.`,
      "This is our only reminder; we will not ask again.",
    ],
    button: "Answer now",
    linkNote: "Please use the new link in this email: it replaces the one we sent before and works for one answer.",
    why: INVITATION.en.why,
  },
  "zh-TW": {
    subject: (title) => `溫馨提醒：問卷「${title}」還在等您`,
    greeting: (name) => (name ? `${name}，您好：` : "您好："),
    body: (title, org) => [
      `幾天前我們邀請您填寫問卷「${title}」，目前還沒有收到您的回答。您的每一條意見都會被${org}認真閱讀，如果方便，現在仍可以填寫，只需幾分鐘。`,
      "這是唯一的一次提醒，之後不會再打擾您。",
    ],
    button: "現在填寫",
    linkNote: "請使用本郵件中的新連結：它取代了上一封郵件裡的連結，提交一次後即失效。",
    why: INVITATION["zh-TW"].why,
  },
};

/** The subject, text and HTML of an invitation or reminder. Pure: the same input gives the same email. */
export function composeInvitationEmail(input: InvitationEmailInput): ComposedEmail {
  const wording = (input.kind === "invitation" ? INVITATION : REMINDER)[input.language];
  const name = input.customerName?.trim() || null;
  // Subjects are a header, not HTML, but a line break in a title must not start a new header line.
  const subject = wording.subject(oneLine(input.surveyTitle), oneLine(input.orgName));
  const text = [
    wording.greeting(name),
    "",
    ...wording.body(input.surveyTitle, input.orgName).flatMap((paragraph) => [paragraph, ""]),
    `${wording.button}${input.language === "en" ? ": " : "："}${input.link}`,
    "",
    wording.linkNote,
    "",
    "—",
    wording.why(input.orgName),
    "",
    input.orgName,
    "",
  ].join("\n");

  const safe = { title: escapeHtml(input.surveyTitle), org: escapeHtml(input.orgName), link: escapeHtml(input.link) };
  const paragraphs = wording.body(safe.title, safe.org).map((paragraph) => `<p style="margin:0 0 16px">${paragraph}</p>`);
  const html = `<!doctype html>
<html lang="${input.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f6f8;font-family:-apple-system,'PingFang SC','Microsoft YaHei',Arial,sans-serif;color:#1f2329;line-height:1.6">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<p style="margin:0 0 16px">${escapeHtml(wording.greeting(name))}</p>
${paragraphs.join("\n")}
<p style="margin:24px 0"><a href="${safe.link}" style="display:inline-block;background:#1677ff;color:#ffffff;text-decoration:none;padding:12px 24px;border-radius:6px;font-weight:600">${escapeHtml(wording.button)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#646a73">${escapeHtml(wording.linkNote)}<br><a href="${safe.link}" style="color:#1677ff;word-break:break-all">${safe.link}</a></p>
<p style="margin:0">${safe.org}</p>
<hr style="border:none;border-top:1px solid #e5e6eb;margin:24px 0">
<p style="margin:0;font-size:12px;color:#8f959e">${wording.why(safe.org)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
