/**
 * The merge fields a template sees for one customer, in the template's language:
 *
 *   customer.name / surname / honorific (先生·女士, Mr·Ms; empty when the gender is unknown or for a company)
 *   customer.salutation (王女士, Ms Wang; the full name when there is no honorific), customer.tier (label),
 *   customer.tier_key, customer.points, customer.city, customer.company
 *   store.name / store.city (home store), last_purchase.date / amount / store, org.name,
 *   occasion.name / key / date / year, today, hints.preferences, hints.note
 *
 * Points: Kexin keeps no loyalty ledger; `customer.points` is the numeric `points` attribute of the customer record
 * (imported from the POS or loyalty system as a custom attribute), and nil when there is none.
 *
 * Hints: the customer's `preferences` field is written to be used for the customer (what they like) and is exposed.
 * The personal note is internal (it may say "difficult, check invoices twice") and is never exposed whole: only its
 * lines that staff marked for letters with a "问候:" / "問候:" / "greeting:" prefix become `hints.note`.
 */
import { sql, type Kysely } from "kysely";
import type { GreetingLanguage } from "@kexin/contracts";
import type { DB, TierKey } from "../../db/schema.ts";
import { zonedParts } from "./zoned-time.ts";

export interface MergeSource {
  id: string;
  name: string;
  kind: "person" | "company";
  gender: "female" | "male" | "unknown";
  city: string | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  wechat: string | null;
  preferences: string | null;
  personal_note: string | null;
  attributes: Record<string, unknown>;
  consent: { email?: boolean; sms?: boolean; wechat?: boolean };
  status: "active" | "archived";
  erased_at: Date | null;
  home_store_id: string | null;
  store_name: string | null;
  store_city: string | null;
  tier: TierKey | null;
  last_purchase_at: Date | null;
  last_purchase_amount: string | null;
  last_purchase_store: string | null;
}

export interface OccasionInfo {
  key: string;
  /** A rule occasion (spring_festival, …) or "campaign". */
  kind: string;
  /** A campaign's name, shown as the occasion's name. */
  label?: string;
  date: string;
}

/** Loads what the merge fields need for these customers of one organisation, keyed by customer id. */
export async function loadMergeSources(db: Kysely<DB>, orgId: string, customerIds: string[]): Promise<Map<string, MergeSource>> {
  if (customerIds.length === 0) return new Map();
  const { rows } = await sql<MergeSource>`
    select c.id, c.name, c.kind, c.gender, c.city, c.company, c.email, c.phone, c.wechat, c.preferences,
           c.personal_note, c.attributes, c.consent, c.status, c.erased_at, c.home_store_id,
           s.name as store_name, s.city as store_city, v.tier,
           p.occurred_at as last_purchase_at, p.amount as last_purchase_amount, p.store_name as last_purchase_store
    from customers c
    left join stores s on s.id = c.home_store_id and s.org_id = c.org_id
    left join customer_values v on v.customer_id = c.id and v.org_id = c.org_id
    left join lateral (
      select t.occurred_at, t.amount, ts.name as store_name
      from transactions t
      left join stores ts on ts.id = t.store_id and ts.org_id = t.org_id
      where t.org_id = c.org_id and t.customer_id = c.id
      order by t.occurred_at desc
      limit 1
    ) p on true
    where c.org_id = ${orgId} and c.id = any(${customerIds}::uuid[])
  `.execute(db);
  return new Map(rows.map((row) => [row.id, row]));
}

const TIER_LABELS: Record<GreetingLanguage, Record<TierKey, string>> = {
  "zh-CN": { vip: "VIP客户", important: "重要客户", quality: "质优客户", ordinary: "普通客户" },
  "zh-TW": { vip: "VIP客戶", important: "重要客戶", quality: "質優客戶", ordinary: "普通客戶" },
  en: { vip: "VIP", important: "Key customer", quality: "Valued customer", ordinary: "Customer" },
};

const OCCASION_NAMES: Record<GreetingLanguage, Record<string, string>> = {
  "zh-CN": {
    spring_festival: "春节",
    mid_autumn: "中秋节",
    dragon_boat: "端午节",
    national_day: "国庆节",
    birthday: "生日",
    after_purchase: "购后回访",
    tier_change: "会员等级变化",
    win_back: "老朋友回访",
  },
  "zh-TW": {
    spring_festival: "春節",
    mid_autumn: "中秋節",
    dragon_boat: "端午節",
    national_day: "國慶日",
    birthday: "生日",
    after_purchase: "購後回訪",
    tier_change: "會員等級變化",
    win_back: "老朋友回訪",
  },
  en: {
    spring_festival: "Spring Festival",
    mid_autumn: "Mid-Autumn Festival",
    dragon_boat: "Dragon Boat Festival",
    national_day: "National Day",
    birthday: "birthday",
    after_purchase: "after-purchase follow-up",
    tier_change: "membership tier change",
    win_back: "catching up",
  },
};

const HONORIFICS: Record<GreetingLanguage, { female: string; male: string }> = {
  "zh-CN": { female: "女士", male: "先生" },
  "zh-TW": { female: "女士", male: "先生" },
  en: { female: "Ms", male: "Mr" },
};

const COMPOUND_SURNAMES = [
  "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫",
  "慕容", "长孙", "長孫", "令狐", "宇文", "司徒", "夏侯", "轩辕", "軒轅", "端木", "澹台", "澹臺",
];
const CJK = /[\u3400-\u9fff]/;

/** The family name: the first character (or a known two-character surname) of a Chinese name, else the last word. */
export function surnameOf(name: string): string {
  const trimmed = name.trim();
  if (CJK.test(trimmed.charAt(0))) {
    return COMPOUND_SURNAMES.find((surname) => trimmed.startsWith(surname)) ?? trimmed.charAt(0);
  }
  const words = trimmed.split(/\s+/);
  return words[words.length - 1] ?? trimmed;
}

const HINT_LINE = /^\s*(?:问候|問候|greeting)\s*[:：]\s*(.+)$/i;

/** The personal note's lines marked for letters, without their marker; the rest of the note stays internal. */
export function letterHints(personalNote: string | null): string | null {
  if (!personalNote) return null;
  const lines = personalNote
    .split(/\r?\n/)
    .map((line) => HINT_LINE.exec(line)?.[1]?.trim())
    .filter((line): line is string => Boolean(line));
  return lines.length > 0 ? lines.join("；") : null;
}

export function formatDate(date: string, language: GreetingLanguage): string {
  const [year, month, day] = date.split("-").map(Number);
  if (language === "en") {
    const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
    return `${day} ${monthName} ${year}`;
  }
  return `${year}年${month}月${day}日`;
}

const money = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" });

export function buildMergeFields(
  source: MergeSource,
  context: { language: GreetingLanguage; occasion: OccasionInfo; orgName: string; now: Date; timeZone: string },
): Record<string, unknown> {
  const { language, occasion } = context;
  const isPerson = source.kind === "person";
  const honorific = isPerson && source.gender !== "unknown" ? HONORIFICS[language][source.gender] : "";
  const surname = isPerson ? surnameOf(source.name) : source.name;
  const salutation = honorific
    ? language === "en"
      ? `${honorific} ${surname}`
      : `${surname}${honorific}`
    : source.name;
  const points = typeof source.attributes?.points === "number" ? source.attributes.points : null;
  const lastPurchaseDate = source.last_purchase_at ? zonedParts(new Date(source.last_purchase_at), context.timeZone).date : null;
  return {
    customer: {
      name: source.name,
      surname,
      honorific,
      salutation,
      tier: source.tier ? TIER_LABELS[language][source.tier] : TIER_LABELS[language].ordinary,
      tier_key: source.tier ?? "ordinary",
      points,
      city: source.city,
      company: source.company,
    },
    store: source.store_name ? { name: source.store_name, city: source.store_city } : null,
    last_purchase: lastPurchaseDate
      ? {
          date: formatDate(lastPurchaseDate, language),
          amount: source.last_purchase_amount === null ? null : money.format(Number(source.last_purchase_amount)),
          store: source.last_purchase_store,
        }
      : null,
    hints: { preferences: source.preferences, note: letterHints(source.personal_note) },
    org: { name: context.orgName },
    occasion: {
      key: occasion.key,
      name: occasion.label ?? OCCASION_NAMES[language][occasion.kind] ?? occasion.kind,
      date: formatDate(occasion.date, language),
      year: Number(occasion.date.slice(0, 4)),
    },
    today: formatDate(zonedParts(context.now, context.timeZone).date, language),
  };
}

/** Complete fields with every name defined, for checking a template on save (strict variables). */
export function sampleMergeFields(language: GreetingLanguage): Record<string, unknown> {
  return buildMergeFields(
    {
      id: "00000000-0000-4000-8000-000000000000",
      name: language === "en" ? "Lin Wang" : "王琳",
      kind: "person",
      gender: "female",
      city: "上海",
      company: "",
      email: "sample@example.test",
      phone: null,
      wechat: null,
      preferences: language === "en" ? "jasmine tea" : "茉莉花茶",
      personal_note: language === "en" ? "greeting: asks about her garden" : "问候：喜欢养花",
      attributes: { points: 1280 },
      consent: {},
      status: "active",
      erased_at: null,
      home_store_id: null,
      store_name: language === "en" ? "Jing'an store" : "静安店",
      store_city: "上海",
      tier: "vip",
      last_purchase_at: new Date("2026-03-05T06:00:00Z"),
      last_purchase_amount: "1280",
      last_purchase_store: language === "en" ? "Jing'an store" : "静安店",
    },
    {
      language,
      occasion: { key: "sample:2026", kind: "spring_festival", date: "2026-02-17" },
      orgName: "Kexin",
      now: new Date("2026-02-17T01:00:00Z"),
      timeZone: "Asia/Shanghai",
    },
  );
}
