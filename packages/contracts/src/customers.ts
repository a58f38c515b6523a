import { z } from "zod";
import { Id, IsoDate } from "./common.ts";

export const Channel = z.enum(["email", "sms", "wechat", "phone"]);
export type Channel = z.infer<typeof Channel>;

/** Consent per channel: false means the customer opted out of that channel. */
export const Consent = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  wechat: z.boolean(),
  phone: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;

export const Gender = z.enum(["female", "male", "unknown"]);
export const CustomerKind = z.enum(["person", "company"]);
export const CustomerStatus = z.enum(["active", "archived"]);

const AttributeValue = z.union([z.string().max(500), z.number(), z.boolean()]);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

/** The fields staff may write about a customer, without defaults (so a partial update never resets a field). */
const CustomerFields = z.object({
  code: optionalText(64),
  name: text(100).min(1, "name is required"),
  kind: CustomerKind,
  gender: Gender,
  birthday: IsoDate.nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,20}$/, "phone must be digits, spaces, +, - or parentheses (5–20 characters)")
    .nullable()
    .optional(),
  email: z.email("email must be a valid address").max(200).nullable().optional(),
  wechat: optionalText(64),
  city: optionalText(64),
  company: optionalText(200),
  homeStoreId: Id.nullable().optional(),
  accountManagerId: Id.nullable().optional(),
  preferences: optionalText(2000),
  needs: optionalText(2000),
  personalNote: optionalText(4000),
  tags: z.array(text(32).min(1)).max(50),
  attributes: z.record(z.string().max(64), AttributeValue),
  consent: Consent,
});

/** What staff may write about a new customer. Every field is validated with a message naming it. */
export const CustomerInput = CustomerFields.extend({
  kind: CustomerKind.default("person"),
  gender: Gender.default("unknown"),
  tags: CustomerFields.shape.tags.default([]),
  attributes: CustomerFields.shape.attributes.default({}),
  consent: Consent.default({ email: true, sms: true, wechat: true, phone: true }),
});
export type CustomerInput = z.input<typeof CustomerInput>;

/** A partial change: only the fields present are written; absent fields keep their value. */
export const CustomerUpdate = CustomerFields.partial();
export type CustomerUpdate = z.input<typeof CustomerUpdate>;

export const Customer = z.object({
  id: Id,
  code: z.string().nullable(),
  name: z.string(),
  kind: CustomerKind,
  gender: Gender,
  birthday: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  city: z.string().nullable(),
  company: z.string().nullable(),
  homeStoreId: Id.nullable(),
  homeStoreName: z.string().nullable(),
  accountManagerId: Id.nullable(),
  accountManagerName: z.string().nullable(),
  preferences: z.string().nullable(),
  needs: z.string().nullable(),
  personalNote: z.string().nullable(),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), AttributeValue),
  consent: Consent,
  status: CustomerStatus,
  isErased: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  firstPurchaseAt: z.string().nullable(),
  lastPurchaseAt: z.string().nullable(),
  purchaseCount: z.number().int(),
  totalSpent: z.number(),
});
export type Customer = z.infer<typeof Customer>;

export const CustomerSort = z.enum(["name", "lastPurchaseAt", "totalSpent", "purchaseCount", "createdAt"]);

export const CustomerListQuery = z.object({
  /** Part of the name, code, phone or email; one or two characters search names only. */
  q: z.string().trim().max(100).optional(),
  storeId: Id.optional(),
  tag: z.string().trim().max(32).optional(),
  status: z.enum(["active", "archived", "all"]).default("active"),
  /** Customers who bought within the last N days (the "active customer" filter). */
  activeWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
  minTotalSpent: z.coerce.number().min(0).optional(),
  sort: CustomerSort.default("lastPurchaseAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CustomerListQuery = z.input<typeof CustomerListQuery>;

export const CustomerListItem = Customer.pick({
  id: true,
  code: true,
  name: true,
  phone: true,
  email: true,
  city: true,
  homeStoreId: true,
  homeStoreName: true,
  tags: true,
  status: true,
  lastPurchaseAt: true,
  purchaseCount: true,
  totalSpent: true,
});
export type CustomerListItem = z.infer<typeof CustomerListItem>;

/**
 * Lists count their matches up to this many, then say "more": an exact count over a whole organisation costs more
 * than the page itself (see BENCHMARKS.md), and nobody pages past ten thousand customers.
 */
export const CUSTOMER_LIST_COUNT_CAP = 10_000;

export const CustomerList = z.object({
  items: z.array(CustomerListItem),
  /** Matches, counted up to CUSTOMER_LIST_COUNT_CAP. */
  total: z.number().int(),
  /** True when there are more matches than `total`. */
  isTotalCapped: z.boolean(),
});
export type CustomerList = z.infer<typeof CustomerList>;

export const InteractionKind = z.enum(["call", "visit", "email", "sms", "wechat", "note", "other"]);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const InteractionCreate = z.object({
  kind: InteractionKind,
  summary: text(200).min(1, "summary is required"),
  body: optionalText(10_000),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});
export type InteractionCreate = z.input<typeof InteractionCreate>;

/** Staff-written kinds, plus what the system writes: survey answers, feedback, tasks (closed-loop follow-ups). */
export const TimelineEventKind = z.enum(["purchase", "call", "visit", "email", "sms", "wechat", "note", "other", "survey", "feedback", "task", "tier", "message", "complaint"]);

export const TimelineEvent = z.object({
  id: Id,
  kind: TimelineEventKind,
  at: z.string(),
  summary: z.string(),
  body: z.string().nullable(),
  amount: z.number().nullable(),
  /** Purchases: how many line items the order had (the summary is its sales channel). */
  itemCount: z.number().int().nullable(),
  storeName: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const TimelineQuery = z.object({
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const Timeline = z.object({ items: z.array(TimelineEvent), hasMore: z.boolean() });
export type Timeline = z.infer<typeof Timeline>;

/**
 * Everything Kexin stores about one person (PIPL art. 45 / GDPR art. 15 and 20): profile, purchases, interactions,
 * survey answers, feedback and the addresses invitations were sent to.
 */
export const PersonalDataExport = z.object({
  exportedAt: z.string(),
  customer: Customer,
  transactions: z.array(
    z.object({
      id: Id,
      occurredAt: z.string(),
      storeName: z.string().nullable(),
      channel: z.string().nullable(),
      amount: z.number(),
      items: z.array(z.unknown()),
    }),
  ),
  interactions: z.array(
    z.object({
      id: Id,
      kind: z.string(),
      occurredAt: z.string(),
      summary: z.string(),
      body: z.string().nullable(),
      storeName: z.string().nullable(),
      staffName: z.string().nullable(),
    }),
  ),
  surveyAnswers: z.array(
    z.object({ id: Id, surveyName: z.string(), submittedAt: z.string(), answers: z.record(z.string(), z.unknown()) }),
  ),
  feedback: z.array(
    z.object({ id: Id, channel: z.string(), receivedAt: z.string(), body: z.string(), rating: z.number().nullable() }),
  ),
  surveyInvitations: z.array(
    z.object({ id: Id, surveyName: z.string(), email: z.string(), status: z.string(), createdAt: z.string() }),
  ),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;
