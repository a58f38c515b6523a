/**
 * The emails of a complaint: a reply to the customer (in the complaint's language, the ticket number in the
 * subject so the customer's answer threads back onto the ticket) and the escalation notice to the store manager or
 * manager (in the recipient's own language). Every value written by a customer or colleague is escaped in the HTML.
 */
import type { Locale } from "@kexin/contracts";
import { escapeHtml } from "../mail/escape-html.ts";

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

const asLocale = (language: string): Locale => (language === "en" || language === "zh-TW" ? language : "zh-CN");

const REPLY: Record<Locale, { greeting(name: string | null): string; footer(org: string, number: string): string }> = {
  "zh-CN": {
    greeting: (name) => (name ? `${name}，您好：` : "您好："),
    footer: (org, number) => `${org} 客户服务 · 投诉编号 ${number}。直接回复本邮件即可继续沟通，请保留主题中的编号。`,
  },
  en: {
    greeting: (name) => (name ? `Dear ${name},` : "Hello,"),
    footer: (org, number) => `${org} customer care · ticket ${number}. Reply to this email to continue; please keep the number in the subject.`,
  },
  "zh-TW": {
    greeting: (name) => (name ? `${name}，您好：` : "您好："),
    footer: (org, number) => `${org} 客戶服務 · 投訴編號 ${number}。直接回覆本郵件即可繼續溝通，請保留主旨中的編號。`,
  },
};

/** The subject every email of a ticket carries: "[TS-2026-000123] <subject>". */
export const ticketSubject = (number: string, subject: string) => `[${number}] ${subject.replace(/[\r\n]+/g, " ")}`;

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");

export function composeComplaintReply(input: {
  language: string;
  number: string;
  subject: string;
  customerName: string | null;
  orgName: string;
  body: string;
}): ComposedEmail {
  const words = REPLY[asLocale(input.language)];
  const greeting = words.greeting(input.customerName);
  const footer = words.footer(input.orgName, input.number);
  return {
    subject: ticketSubject(input.number, input.subject),
    text: `${greeting}\n\n${input.body}\n\n--\n${footer}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.6">` +
      `<p>${escapeHtml(greeting)}</p>${paragraphs(input.body)}<hr><p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>` +
      `</body></html>`,
  };
}

const ESCALATION: Record<Locale, { subject(level: number, number: string, subject: string): string; lines(e: EscalationFacts): string[]; link: string }> = {
  "zh-CN": {
    subject: (level, number, subject) => `【投诉升级${level === 2 ? "·二级" : ""}】${number} ${subject}`,
    lines: (e) => [
      `投诉 ${e.number} 已超出服务时限（${e.breached}），现升级给您处理。`,
      `门店：${e.storeName ?? "—"} · 严重程度：${e.severity} · 负责人：${e.assigneeName ?? "未分配"}`,
      `客户：${e.customerName ?? "—"} · 提交时间：${e.createdAt}`,
      `内容：${e.subject}`,
    ],
    link: "打开投诉",
  },
  en: {
    subject: (level, number, subject) => `[Escalated${level === 2 ? ", level 2" : ""}] ${number} ${subject}`,
    lines: (e) => [
      `Complaint ${e.number} is past its service target (${e.breached}) and is escalated to you.`,
      `Store: ${e.storeName ?? "—"}   Severity: ${e.severity}   Assignee: ${e.assigneeName ?? "nobody yet"}`,
      `Customer: ${e.customerName ?? "—"}   Filed: ${e.createdAt}`,
      `About: ${e.subject}`,
    ],
    link: "Open the complaint",
  },
  "zh-TW": {
    subject: (level, number, subject) => `【投訴升級${level === 2 ? "·二級" : ""}】${number} ${subject}`,
    lines: (e) => [
      `投訴 ${e.number} 已超出服務時限（${e.breached}），現升級給您處理。`,
      `門市：${e.storeName ?? "—"} · 嚴重程度：${e.severity} · 負責人：${e.assigneeName ?? "未指派"}`,
      `客戶：${e.customerName ?? "—"} · 提交時間：${e.createdAt}`,
      `內容：${e.subject}`,
    ],
    link: "開啟投訴",
  },
};

export interface EscalationFacts {
  level: number;
  number: string;
  subject: string;
  severity: string;
  storeName: string | null;
  assigneeName: string | null;
  customerName: string | null;
  createdAt: string;
  /** Which timer is past due: "first response" / "resolution". */
  breached: string;
  link: string;
}

export function composeEscalation(language: string, facts: EscalationFacts): ComposedEmail {
  const words = ESCALATION[asLocale(language)];
  const lines = words.lines(facts);
  return {
    subject: words.subject(facts.level, facts.number, facts.subject.replace(/[\r\n]+/g, " ")),
    text: `${lines.join("\n")}\n\n${words.link}: ${facts.link}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.6">` +
      lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("") +
      `<p><a href="${escapeHtml(facts.link)}">${escapeHtml(words.link)}</a></p></body></html>`,
  };
}

const BREACHED: Record<Locale, Record<"firstResponse" | "resolution", string>> = {
  "zh-CN": { firstResponse: "首次响应超时", resolution: "解决超时" },
  en: { firstResponse: "first response overdue", resolution: "resolution overdue" },
  "zh-TW": { firstResponse: "首次回應逾時", resolution: "解決逾時" },
};
export const breachedLabel = (language: string, timer: "firstResponse" | "resolution") => BREACHED[asLocale(language)][timer];
