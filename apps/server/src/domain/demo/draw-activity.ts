/**
 * Draws a customer's year of purchases and interactions, without I/O. Purchases follow a Poisson process thinned
 * by a seasonal weight (weekends, the weeks before 春节, 618, 双11, Christmas), and each purchase may be the last
 * (the customer lapses), as in the BG/NBD model the CLV analysis later fits.
 */
import { exponentialDraw, type Random } from "@kexin/analytics";
import type { Insertable } from "kysely";
import type { InteractionsTable, TransactionsTable } from "../../db/schema.ts";
import type { CustomerBehaviour } from "./draw-customer-profile.ts";
import { chance, DAY_MS, integerBetween, logNormalDraw, pick, poissonDraw, toCents, weightedPicker } from "./draws.ts";
import { INTERACTION_TEMPLATES, PRODUCTS } from "./word-lists.ts";

const HOUR_MS = 3_600_000;
/** Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** 春节 (first day of the lunar year); years outside the table simply get no Spring Festival effect. */
const SPRING_FESTIVALS = ["2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03"].map(
  (date) => Date.parse(`${date}T00:00:00Z`),
);

export interface ActivityWindow {
  /** Midnight (UTC) of the first day of the year of activity. */
  start: number;
  /** The anchor: midnight (UTC) of the day after the last day of activity. */
  end: number;
  /** Relative purchase intensity of each day of the window. */
  dayWeights: number[];
  maxWeight: number;
}

/** The 365 days before the anchor, with their seasonal weights. */
export function activityWindow(anchorTime: number): ActivityWindow {
  const start = anchorTime - 365 * DAY_MS;
  const dayWeights: number[] = [];
  for (let day = start; day < anchorTime; day += DAY_MS) {
    const date = new Date(day);
    const month = date.getUTCMonth() + 1;
    const dayOfMonth = date.getUTCDate();
    let weight = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 1.35 : 1;
    for (const festival of SPRING_FESTIVALS) {
      const daysUntil = (festival - day) / DAY_MS;
      if (daysUntil >= 1 && daysUntil <= 21) weight *= 1.8; // New Year gifts
      if (daysUntil <= 0 && daysUntil > -7) weight *= 0.5; // shops quiet during the holiday
    }
    if (month === 6 && dayOfMonth <= 18) weight *= 1.3;
    if (month === 11 && dayOfMonth <= 11) weight *= dayOfMonth === 11 ? 3 : 1.8;
    if (month === 12 && dayOfMonth >= 20 && dayOfMonth <= 24) weight *= 1.3;
    dayWeights.push(weight);
  }
  return { start, end: anchorTime, dayWeights, maxWeight: Math.max(...dayWeights) };
}

/** A time on the Beijing calendar day that starts at `day` (UTC midnight), between the given local hours. */
const atLocalTime = (random: Random, day: number, fromHour: number, toHour: number): number =>
  day + fromHour * HOUR_MS + random() * (toHour - fromHour) * HOUR_MS - BEIJING_OFFSET_MS;

const dayOf = (time: number) => Math.floor((time + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS;

/** Purchase days (UTC midnights) within the window, in order. Cost: O(purchases) expected. */
export function drawPurchaseDays(random: Random, behaviour: CustomerBehaviour, window: ActivityWindow): number[] {
  const days: number[] = [];
  let time = window.start;
  if (behaviour.acquiredAt >= window.start) {
    days.push(Math.min(dayOf(behaviour.acquiredAt), window.end - DAY_MS));
    time = behaviour.acquiredAt;
    if (chance(random, behaviour.dropoutProbability)) return days;
  } else if (chance(random, 0.1)) {
    return days; // lapsed before this year began
  }
  const candidateRate = (behaviour.purchasesPerYear / (365 * DAY_MS)) * window.maxWeight;
  for (;;) {
    time += exponentialDraw(random, candidateRate);
    if (time >= window.end) return days;
    const index = Math.floor((time - window.start) / DAY_MS);
    if (random() * window.maxWeight > window.dayWeights[index]) continue; // thinning
    days.push(window.start + index * DAY_MS);
    if (chance(random, behaviour.dropoutProbability)) return days;
  }
}

const pickInteractionKind = weightedPicker(
  [["wechat", 35], ["call", 15], ["visit", 20], ["note", 15], ["email", 8], ["sms", 7]] as const,
  ([, weight]) => weight,
);

export interface ActivityContext {
  orgId: string;
  customerId: string;
  homeStoreId: string | null;
  otherStoreIds: string[];
  staffIds: string[];
  accountManagerId: string | null;
  nextId: () => string;
  nextOrderNumber: () => number;
}

type TransactionRow = Insertable<TransactionsTable> & { amount: number };

/** Transactions on the given days: log-normal tickets around the customer's median, cost 60–75% of the amount. */
export function drawTransactions(
  random: Random,
  behaviour: CustomerBehaviour,
  days: number[],
  context: ActivityContext,
): TransactionRow[] {
  return days.map((day) => {
    const occurredAt = new Date(Math.floor(atLocalTime(random, day, 10, 22)));
    const channel = pick(random, ["store", "store", "store", "store", "store", "store", "store", "online", "online", "wechat"]);
    const storeId =
      channel !== "store" ? null : context.otherStoreIds.length > 0 && chance(random, 0.08) ? pick(random, context.otherStoreIds) : context.homeStoreId;
    const amount = Math.max(9.9, toCents(logNormalDraw(random, behaviour.medianTicket, 0.5)));
    const itemCount = integerBetween(random, 1, 3);
    const items = [];
    let remaining = amount;
    for (let i = 0; i < itemCount; i++) {
      const [sku, name] = pick(random, PRODUCTS);
      const lineAmount = i === itemCount - 1 ? toCents(remaining) : toCents(remaining * (0.3 + random() * 0.4));
      remaining -= lineAmount;
      items.push({ sku, name, quantity: 1, amount: lineAmount });
    }
    const orderNumber = context.nextOrderNumber();
    return {
      id: context.nextId(),
      org_id: context.orgId,
      customer_id: context.customerId,
      store_id: storeId,
      external_id: `KX${new Date(day).toISOString().slice(0, 10).replaceAll("-", "")}${String(orderNumber).padStart(6, "0")}`,
      occurred_at: occurredAt,
      channel,
      amount,
      cost: toCents(amount * (0.6 + random() * 0.15)),
      items: JSON.stringify(items),
      created_at: occurredAt,
    };
  });
}

/** Interactions: follow-up calls (回访) after some purchases, plus calls, visits, WeChat messages and notes. */
export function drawInteractions(
  random: Random,
  behaviour: CustomerBehaviour,
  purchaseDays: number[],
  window: ActivityWindow,
  context: ActivityContext,
): Insertable<InteractionsTable>[] {
  const events: { time: number; kind: string; summary: string }[] = [];
  for (const day of purchaseDays) {
    const followUpDay = day + integerBetween(random, 2, 4) * DAY_MS;
    if (chance(random, 0.12) && followUpDay < window.end) {
      events.push({ time: atLocalTime(random, followUpDay, 9, 20), kind: "call", summary: "电话回访：询问对上次购买的满意度" });
    }
  }
  const from = Math.max(window.start, behaviour.acquiredAt);
  const others = poissonDraw(random, 0.5 + 0.15 * purchaseDays.length);
  for (let i = 0; i < others; i++) {
    const kind = pickInteractionKind(random)[0];
    const day = dayOf(from + random() * (window.end - from));
    events.push({ time: atLocalTime(random, day, 9, 21), kind, summary: pick(random, INTERACTION_TEMPLATES[kind]) });
  }
  return events
    .filter((event) => event.time < window.end)
    .map((event) => {
      const occurredAt = new Date(Math.floor(event.time));
      const userId = context.accountManagerId && chance(random, 0.7) ? context.accountManagerId : pick(random, context.staffIds);
      return {
        id: context.nextId(),
        org_id: context.orgId,
        customer_id: context.customerId,
        store_id: context.homeStoreId,
        user_id: userId,
        kind: event.kind,
        occurred_at: occurredAt,
        summary: event.summary,
        body: null,
        created_at: occurredAt,
      };
    });
}
