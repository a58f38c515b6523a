/**
 * Draws one customer's profile (who they are) and behaviour (how often and how much they buy), without I/O.
 * About 85% of people get Chinese names, 15% English ones; about 4% of customers are companies (B2B).
 */
import { betaDraw, gammaDraw, normalDraw, type Random } from "@kexin/analytics";
import type { Insertable } from "kysely";
import type { CustomersTable } from "../../db/schema.ts";
import { chance, DAY_MS, integerBetween, isoDate, logNormalDraw, pick, weightedPicker } from "./draws.ts";
import {
  CHINESE_SURNAMES,
  CITIES_BY_STORE_CITY,
  COMPANY_NAME_PARTS,
  EMAIL_DOMAINS,
  ENGLISH_FEMALE_NAMES,
  ENGLISH_MALE_NAMES,
  ENGLISH_SURNAMES,
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  NEEDS,
  OTHER_CITIES,
  PERSONAL_NOTES,
  PREFERENCES,
} from "./word-lists.ts";

export interface ProfileStore {
  id: string;
  city: string;
  /** Staff who look after this store's customers (store manager, agents). */
  accountManagerIds: string[];
}

export interface ProfileContext {
  stores: ProfileStore[];
  /** Looks after company customers; null leaves them to the store staff. */
  keyAccountManagerId: string | null;
  anchorTime: number;
}

export interface CustomerBehaviour {
  /** When the customer first bought (ms since epoch); up to four years before the anchor. */
  acquiredAt: number;
  /** Purchases per year while active: gamma-distributed across customers, so a few buy often and many once. */
  purchasesPerYear: number;
  /** Chance of lapsing after each purchase (the BG/NBD "dropout" p). */
  dropoutProbability: number;
  /** Median ticket in ¥. */
  medianTicket: number;
  isMember: boolean;
  isGroupBuyer: boolean;
}

export type CustomerProfile = Omit<Insertable<CustomersTable>, "org_id" | "id" | "tags">;

const pickSurname = weightedPicker(CHINESE_SURNAMES, ([, , weight]) => weight);
const pickOtherCity = weightedPicker(OTHER_CITIES, ([, weight]) => weight);
const cityPickers = new Map(
  Object.entries(CITIES_BY_STORE_CITY).map(([city, weights]) => [city, weightedPicker(weights, ([, weight]) => weight)]),
);

const digits = (random: Random, length: number) => {
  let text = "";
  for (let i = 0; i < length; i++) text += Math.floor(random() * 10);
  return text;
};

/** A mainland mobile number: 1, then 3–9, then nine digits. */
export const drawPhone = (random: Random): string => `1${integerBetween(random, 3, 9)}${digits(random, 9)}`;

function drawPersonName(random: Random, gender: "female" | "male") {
  if (chance(random, 0.15)) {
    const first = pick(random, gender === "female" ? ENGLISH_FEMALE_NAMES : ENGLISH_MALE_NAMES);
    const last = pick(random, ENGLISH_SURNAMES);
    return { name: `${first} ${last}`, handle: `${first}.${last}`.toLowerCase(), isEnglish: true };
  }
  const [surname, pinyin] = pickSurname(random);
  const given = pick(random, gender === "female" ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  return { name: surname + given, handle: pinyin, isEnglish: false };
}

function drawEmail(random: Random, handle: string, isEnglish: boolean): string {
  if (isEnglish) return `${handle}${chance(random, 0.5) ? integerBetween(random, 1, 99) : ""}@${pick(random, ["gmail.com", "outlook.com"])}`;
  if (chance(random, 0.35)) return `${integerBetween(random, 10_000, 3_999_999_999)}@qq.com`;
  return `${handle}${digits(random, integerBetween(random, 2, 4))}@${pick(random, EMAIL_DOMAINS)}`;
}

function drawCity(random: Random, storeCity: string): string {
  const local = cityPickers.get(storeCity);
  return local && chance(random, 0.94) ? local(random)[0] : pickOtherCity(random)[0];
}

function drawBirthday(random: Random, anchorTime: number): string {
  const age = Math.min(75, Math.max(18, normalDraw(random, 37, 11)));
  return isoDate(anchorTime - age * 365.25 * DAY_MS);
}

/**
 * Draws a customer. `sequence` numbers the customer code (codePrefix + 6 digits). Cost: O(1) draws.
 * @example drawCustomer(seededRandom(1), context, 1, "KX") // { profile: { code: "KX000001", … }, behaviour }
 */
export function drawCustomer(random: Random, context: ProfileContext, sequence: number, codePrefix: string) {
  const store = pick(random, context.stores);
  const isCompany = chance(random, 0.04);
  const gender = isCompany ? "unknown" : chance(random, 0.56) ? "female" : "male";
  const person = drawPersonName(random, gender === "male" ? "male" : "female");
  const companyName = `${store.city}${pick(random, COMPANY_NAME_PARTS.brand)}${pick(random, COMPANY_NAME_PARTS.trade)}有限公司`;
  const accountManagerId = isCompany && context.keyAccountManagerId ? context.keyAccountManagerId : pick(random, store.accountManagerIds);
  const isMember = !isCompany && chance(random, 0.45);
  const attributes: Record<string, string | number | boolean> = {};
  if (isMember) {
    attributes["会员卡号"] = `M${digits(random, 8)}`;
    attributes["会员等级"] = pick(random, ["普卡", "普卡", "银卡", "银卡", "金卡", "黑金卡"]);
  }
  if (chance(random, 0.2)) attributes["偏好联系时间"] = pick(random, ["上午", "午休", "晚上", "周末"]);
  if (isCompany) {
    attributes["联系人"] = `${person.name.slice(0, 1)}${pick(random, ["先生", "女士", "经理"])}`;
    attributes["统一社会信用代码"] = `91${digits(random, 16)}`;
  }

  const acquiredAt = chance(random, 0.35)
    ? context.anchorTime - random() * 365 * DAY_MS
    : context.anchorTime - (365 + random() * 3 * 365) * DAY_MS;
  const profile: CustomerProfile = {
    code: `${codePrefix}${String(sequence).padStart(6, "0")}`,
    name: isCompany ? companyName : person.name,
    kind: isCompany ? "company" : "person",
    gender,
    birthday: !isCompany && chance(random, 0.75) ? drawBirthday(random, context.anchorTime) : null,
    phone: chance(random, 0.95) ? drawPhone(random) : null,
    email: isCompany || chance(random, 0.4) ? drawEmail(random, person.handle, person.isEnglish) : null,
    wechat: chance(random, 0.5) ? `wxid_${Math.floor(random() * 36 ** 8).toString(36).padStart(8, "0")}` : null,
    city: drawCity(random, store.city),
    company: isCompany ? companyName : chance(random, 0.05) ? companyName : null,
    home_store_id: store.id,
    account_manager_id: accountManagerId ?? null,
    preferences: chance(random, 0.3) ? pick(random, PREFERENCES) : null,
    needs: isCompany || chance(random, 0.08) ? pick(random, NEEDS) : null,
    personal_note: chance(random, 0.15) ? pick(random, PERSONAL_NOTES) : null,
    attributes: JSON.stringify(attributes),
    consent: JSON.stringify({
      email: !chance(random, 0.08),
      sms: !chance(random, 0.12),
      wechat: !chance(random, 0.05),
      phone: !chance(random, 0.1),
    }),
    status: chance(random, 0.02) ? "archived" : "active",
    created_at: new Date(Math.floor(acquiredAt)),
  };
  const behaviour: CustomerBehaviour = {
    acquiredAt,
    purchasesPerYear: isCompany ? gammaDraw(random, 2, 2 / 12) : gammaDraw(random, 0.8, 0.8 / 4),
    dropoutProbability: betaDraw(random, 1, 9),
    medianTicket: isCompany ? logNormalDraw(random, 2400, 0.6) : logNormalDraw(random, 150, 0.5),
    isMember,
    isGroupBuyer: isCompany || chance(random, 0.03),
  };
  return { profile, behaviour };
}

/** Tags from what the customer is and did: VIP by spend rank, 新客 by recency of acquisition, 流失风险 by silence. */
export function chooseTags(
  behaviour: CustomerBehaviour,
  summary: { totalSpent: number; purchaseCount: number; lastPurchaseAt: number | null },
  vipThreshold: number,
  anchorTime: number,
): string[] {
  const tags: string[] = [];
  if (summary.totalSpent >= vipThreshold && summary.totalSpent > 0) tags.push("VIP");
  if (anchorTime - behaviour.acquiredAt < 90 * DAY_MS) tags.push("新客");
  if (behaviour.isMember) tags.push("会员");
  if (behaviour.isGroupBuyer) tags.push("团购");
  if (summary.purchaseCount >= 2 && summary.lastPurchaseAt !== null && anchorTime - summary.lastPurchaseAt > 180 * DAY_MS) {
    tags.push("流失风险");
  }
  return tags;
}
