/**
 * Who answers the demo surveys, when, where and through what, without I/O: answers fall over the year before the
 * anchor, denser in recent weeks (the density grows e-fold over the year, so the last month has about three times
 * the first month's answers), in opening hours for the in-store links and waking hours for email. Identified
 * answers come through personal email invitations, as live ones do (a public link never identifies anyone); the
 * answer's store is then the customer's home store.
 */
import { exponentialDraw, type Random } from "@kexin/analytics";
import type { Locale } from "@kexin/contracts";
import type { Insertable } from "kysely";
import type { ResponseChannel, SurveyInvitationsTable } from "../../db/schema.ts";
import { chance, DAY_MS } from "./draws.ts";
import type { SimulatedAnswer } from "./simulate-survey-answers.ts";

const HOUR_MS = 3_600_000;
/** Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
/** The answer density over the year grows as e^(RECENCY·x), x from 0 (a year ago) to 1 (the anchor). */
const RECENCY = 1.1;

export interface DemoCustomer {
  id: string;
  name: string;
  email: string | null;
  homeStoreId: string | null;
  accountManagerId: string | null;
  tags: readonly string[];
  /** When the customer was acquired (ms). */
  createdAt: number;
  /** Has an email address, agreed to email and is active. */
  canBeEmailed: boolean;
}

export interface DemoSurveyLink {
  id: string;
  kind: "public" | "kiosk";
  storeId: string | null;
}

export interface PlannedResponse {
  id: string;
  submissionKey: string;
  surveyKey: string;
  submittedAt: number;
  startedAt: number;
  simulated: SimulatedAnswer;
  language: Locale;
  channel: ResponseChannel;
  linkId: string | null;
  storeId: string | null;
  customer: DemoCustomer | null;
  invitationId: string | null;
}

export interface AnswerWindow {
  /** A year before the anchor. */
  start: number;
  /** The anchor: answers are all before it. */
  end: number;
}

/**
 * A moment in the window, denser towards its end, between `fromHour` and `toHour` Beijing time, not before
 * `notBefore`. Cost: O(1) expected.
 */
export function drawAnswerTime(random: Random, window: AnswerWindow, [fromHour, toHour]: readonly [number, number], notBefore = window.start): number {
  const days = Math.round((window.end - window.start) / DAY_MS);
  const firstDay = Math.max(0, Math.ceil((notBefore - window.start) / DAY_MS));
  let day = -1;
  for (let attempt = 0; attempt < 50 && day < firstDay; attempt++) {
    const x = Math.log(1 + random() * Math.expm1(RECENCY)) / RECENCY;
    day = Math.min(days - 1, Math.floor(x * days));
  }
  if (day < firstDay) day = Math.min(days - 1, firstDay + Math.floor(random() * Math.max(1, days - firstDay)));
  return window.start + day * DAY_MS + (fromHour + random() * (toHour - fromHour)) * HOUR_MS - BEIJING_OFFSET_MS;
}

/**
 * The first day of a Beijing calendar month nearest to `daysBefore` days before the anchor: the demo's CSAT
 * improvement starts there, so the monthly trend shows it as one clear step between two months.
 */
export function monthStartNear(anchorTime: number, daysBefore: number): number {
  const target = anchorTime - daysBefore * DAY_MS;
  const local = new Date(target + BEIJING_OFFSET_MS);
  const thisMonth = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - BEIJING_OFFSET_MS;
  const nextMonth = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - BEIJING_OFFSET_MS;
  return target - thisMonth <= nextMonth - target ? thisMonth : nextMonth;
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Customers with an English name read English: the invitation and the answer are in English. */
export const languageOf = (customer: DemoCustomer): "zh-CN" | "en" => (/^[A-Za-z]/.test(customer.name) ? "en" : "zh-CN");

/** Seconds to answer: a short survey takes one to four minutes, a long one five to twelve. */
export const answeringTime = (random: Random, isLong: boolean): number =>
  (isLong ? 300 + random() * 420 : 60 + random() * 180) * 1000;

export interface InvitationPlan {
  surveyId: string;
  surveyKey: string;
  orgId: string;
  createdBy: string;
  window: AnswerWindow;
  answered: number;
  unanswered: number;
  failed: number;
  isLong: boolean;
  /** The answers to give, one per answered invitation, in order; each is told who answers and when. */
  answer(customer: DemoCustomer, submittedAt: number, index: number): SimulatedAnswer;
  /** A token hash nobody holds the token of (the demo never sends these invitations). */
  tokenHash(): string;
  nextId(): string;
}

export interface PlannedInvitations {
  invitations: Insertable<SurveyInvitationsTable>[];
  responses: PlannedResponse[];
}

/**
 * Email invitations to customers who can be emailed and were customers for a month before answering: `answered`
 * of them answered (a day or two after the email, some after the reminder three days on), `unanswered` were sent
 * and reminded but not answered, `failed` bounced. Fewer when there are fewer such customers.
 */
export function planInvitations(random: Random, customers: readonly DemoCustomer[], plan: InvitationPlan): PlannedInvitations {
  const { window } = plan;
  const monthBeforeEnd = window.end - 30 * DAY_MS;
  const candidates = shuffled(
    random,
    customers.filter((customer) => customer.canBeEmailed && customer.createdAt < monthBeforeEnd),
  );
  const result: PlannedInvitations = { invitations: [], responses: [] };
  const base = (customer: DemoCustomer, createdAt: number) => ({
    id: plan.nextId(),
    org_id: plan.orgId,
    survey_id: plan.surveyId,
    customer_id: customer.id,
    email: customer.email!,
    language: languageOf(customer),
    token_hash: plan.tokenHash(),
    created_by: plan.createdBy,
    created_at: new Date(createdAt),
    next_attempt_at: new Date(createdAt),
  });
  const answered = candidates.slice(0, plan.answered);
  answered.forEach((customer, index) => {
    const submittedAt = drawAnswerTime(random, window, [8, 23], customer.createdAt + 30 * DAY_MS);
    // Most answer within a day or two of the email; the few who take longer answered after the reminder.
    const delay = Math.min(exponentialDraw(random, 1 / (1.2 * DAY_MS)), 9 * DAY_MS) + 10 * 60_000;
    const sentAt = submittedAt - delay;
    const invitation = base(customer, sentAt - 120_000);
    const responseId = plan.nextId();
    result.invitations.push({
      ...invitation,
      status: "answered",
      attempts: 1,
      sent_at: new Date(sentAt),
      reminded_at: delay > 3 * DAY_MS ? new Date(sentAt + 3 * DAY_MS) : null,
      answered_at: new Date(submittedAt),
      response_id: responseId,
    });
    result.responses.push({
      id: responseId,
      submissionKey: plan.nextId(),
      surveyKey: plan.surveyKey,
      submittedAt,
      startedAt: submittedAt - answeringTime(random, plan.isLong),
      simulated: plan.answer(customer, submittedAt, index),
      language: languageOf(customer),
      channel: "email",
      linkId: null,
      storeId: customer.homeStoreId,
      customer,
      invitationId: invitation.id,
    });
  });
  // Sent at least four days before the anchor, so each has had its one reminder: nobody can set off another
  // email to the demo's made-up addresses.
  const unansweredWindow = { start: window.start, end: window.end - 4 * DAY_MS };
  for (const customer of candidates.slice(plan.answered, plan.answered + plan.unanswered)) {
    const sentAt = drawAnswerTime(random, unansweredWindow, [9, 11], customer.createdAt + 30 * DAY_MS);
    result.invitations.push({
      ...base(customer, sentAt - 120_000),
      status: "sent",
      attempts: 1,
      sent_at: new Date(sentAt),
      reminded_at: new Date(sentAt + 3 * DAY_MS),
    });
  }
  for (const customer of candidates.slice(plan.answered + plan.unanswered, plan.answered + plan.unanswered + plan.failed)) {
    const createdAt = drawAnswerTime(random, unansweredWindow, [9, 11], customer.createdAt + 30 * DAY_MS);
    result.invitations.push({
      ...base(customer, createdAt),
      status: "failed",
      attempts: 1,
      error: `550 5.1.1 <${customer.email}>: recipient address rejected: mailbox unavailable`,
    });
  }
  return result;
}

export interface LinkAnswerPlan {
  surveyKey: string;
  count: number;
  window: AnswerWindow;
  /** Where each answer comes from: a link (and so its store and channel), drawn per answer. */
  pickLink(random: Random): DemoSurveyLink;
  englishShare: number;
  isLong: boolean;
  answer(link: DemoSurveyLink, submittedAt: number, language: "zh-CN" | "en", index: number): SimulatedAnswer;
  nextId(): string;
}

/** Anonymous answers through public and kiosk links, in opening hours (10:00–21:30). */
export function planLinkAnswers(random: Random, plan: LinkAnswerPlan): PlannedResponse[] {
  const responses: PlannedResponse[] = [];
  for (let index = 0; index < plan.count; index++) {
    const link = plan.pickLink(random);
    const submittedAt = drawAnswerTime(random, plan.window, [10, 21.5]);
    const language = chance(random, plan.englishShare) ? "en" : "zh-CN";
    responses.push({
      id: plan.nextId(),
      submissionKey: plan.nextId(),
      surveyKey: plan.surveyKey,
      submittedAt,
      startedAt: submittedAt - answeringTime(random, plan.isLong),
      simulated: plan.answer(link, submittedAt, language, index),
      language,
      channel: link.kind === "kiosk" ? "kiosk" : "link",
      linkId: link.id,
      storeId: link.storeId,
      customer: null,
      invitationId: null,
    });
  }
  return responses;
}
