/**
 * The feedback inbox (意见反馈): what customers say by phone, email, WeChat, Weibo, app stores, in person or on the
 * web, entered by staff, imported from a spreadsheet or posted by another system to the same API. Each item carries
 * a sentiment score in [−1, 1] and the themes found in its text.
 */
import { z } from "zod";
import { Id, IsoDate, IsoDateTime } from "./common.ts";
import { ImportMapping, ImportRowError } from "./imports.ts";
import { TaskStatus } from "./tasks.ts";

export const FeedbackChannel = z.enum(["phone", "email", "wechat", "weibo", "app_store", "in_person", "web", "other"]);
export type FeedbackChannel = z.infer<typeof FeedbackChannel>;

export const FeedbackStatus = z.enum(["new", "in_progress", "closed"]);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const SentimentBand = z.enum(["negative", "neutral", "positive"]);
export type SentimentBand = z.infer<typeof SentimentBand>;

/** Below this score feedback counts as negative (and, with a known customer, opens a follow-up task). */
export const NEGATIVE_SENTIMENT_BELOW = -0.3;
/** Above this score feedback counts as positive. */
export const POSITIVE_SENTIMENT_ABOVE = 0.3;

/** The band a sentiment score falls in: negative below −0.3, positive above 0.3, neutral between (inclusive). */
export function sentimentBand(score: number): SentimentBand {
  if (score < NEGATIVE_SENTIMENT_BELOW) return "negative";
  if (score > POSITIVE_SENTIMENT_ABOVE) return "positive";
  return "neutral";
}

export const FEEDBACK_BODY_MAX = 10_000;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * A new feedback item, from staff or another system. The customer is given by id, or found by phone or email
 * within the organisation (and the caller's stores); when none matches, the name and contact are kept on the item.
 */
export const FeedbackCreate = z.object({
  channel: FeedbackChannel,
  body: z.string().trim().min(1, "body is required").max(FEEDBACK_BODY_MAX, `body must be at most ${FEEDBACK_BODY_MAX} characters`),
  rating: z.number().int().min(1, "rating is 1 to 5").max(5, "rating is 1 to 5").nullable().optional(),
  /** When the customer said it; now when absent. */
  receivedAt: IsoDateTime.optional(),
  storeId: Id.nullable().optional(),
  customerId: Id.nullable().optional(),
  /** Used to find the customer when no id is given. */
  customerPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,20}$/, "phone must be digits, spaces, +, - or parentheses (5–20 characters)")
    .nullable()
    .optional(),
  customerEmail: z.email("email must be a valid address").max(200).nullable().optional(),
  authorName: optionalText(100),
  authorContact: optionalText(200),
  /** The id the item has in the system it came from; the same (channel, sourceRef) is stored once. */
  sourceRef: optionalText(128),
  /** A language tag such as zh or en; detected from the text when absent. */
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "language must be a tag such as zh, en or zh-TW")
    .optional(),
});
export type FeedbackCreate = z.input<typeof FeedbackCreate>;

/** Only the fields sent change; null unassigns, unlinks or clears the store. */
export const FeedbackUpdate = z.object({
  status: FeedbackStatus.optional(),
  assigneeId: Id.nullable().optional(),
  storeId: Id.nullable().optional(),
  customerId: Id.nullable().optional(),
});
export type FeedbackUpdate = z.input<typeof FeedbackUpdate>;

const FeedbackCommon = z.object({
  id: Id,
  channel: FeedbackChannel,
  rating: z.number().int().nullable(),
  language: z.string(),
  sentiment: z.number(),
  sentimentBand: SentimentBand,
  themes: z.array(z.string()),
  status: FeedbackStatus,
  storeId: Id.nullable(),
  storeName: z.string().nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  authorName: z.string().nullable(),
  authorContact: z.string().nullable(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  sourceRef: z.string().nullable(),
  receivedAt: IsoDateTime,
  createdAt: IsoDateTime,
});

/** One feedback item with its whole text and the follow-up task it opened, if any. */
export const Feedback = FeedbackCommon.extend({
  body: z.string(),
  createdByName: z.string().nullable(),
  followUpTask: z.object({ id: Id, status: TaskStatus, assigneeName: z.string().nullable() }).nullable(),
});
export type Feedback = z.infer<typeof Feedback>;

/** A row of the inbox: the start of the text only. */
export const FeedbackListItem = FeedbackCommon.extend({
  excerpt: z.string(),
  isExcerptCut: z.boolean(),
});
export type FeedbackListItem = z.infer<typeof FeedbackListItem>;

/** The inbox filters, shared by the list and the themes summary. Dates are calendar days in China time. */
export const FeedbackFilters = z.object({
  /** Words in the text; `%` and `_` are taken literally. */
  q: z.string().trim().max(100).optional(),
  channel: FeedbackChannel.optional(),
  status: FeedbackStatus.optional(),
  sentiment: SentimentBand.optional(),
  storeId: Id.optional(),
  assigneeId: Id.optional(),
  customerId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  theme: z.string().trim().min(1).max(64).optional(),
});

export const FeedbackListQuery = FeedbackFilters.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type FeedbackListQuery = z.input<typeof FeedbackListQuery>;

export const FeedbackList = z.object({ items: z.array(FeedbackListItem), total: z.number().int() });
export type FeedbackList = z.infer<typeof FeedbackList>;

export const FeedbackThemesQuery = FeedbackFilters.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type FeedbackThemesQuery = z.input<typeof FeedbackThemesQuery>;

/** The most frequent themes over the filtered feedback, with how the people who raised them felt. */
export const FeedbackThemeSummary = z.object({
  /** Feedback items matching the filters. */
  total: z.number().int(),
  themes: z.array(
    z.object({
      term: z.string(),
      count: z.number().int(),
      averageSentiment: z.number(),
      negativeCount: z.number().int(),
    }),
  ),
});
export type FeedbackThemeSummary = z.infer<typeof FeedbackThemeSummary>;

/** The columns an import fills (the file's header is matched to them in Chinese or English). */
export const FEEDBACK_IMPORT_FIELDS = [
  "channel", "body", "receivedAt", "customerCode", "customerName", "phone", "email", "rating", "storeCode", "sourceRef",
] as const;
export const REQUIRED_FEEDBACK_IMPORT_FIELDS = ["body"] as const;

/** What an import did or, on a dry run, would do. Bad rows are listed by line and field; then nothing is written. */
export const FeedbackImportReport = z.object({
  isDryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Items written (0 on a dry run or when any row is bad). */
  created: z.number().int(),
  /** Rows already imported before (same channel and reference), left alone. */
  skipped: z.number().int(),
  /** Of the rows created (or to be created on a dry run), how many were linked to a customer. */
  linkedToCustomer: z.number().int(),
  errors: z.array(ImportRowError),
  columns: z.array(z.string()),
  mapping: ImportMapping,
});
export type FeedbackImportReport = z.infer<typeof FeedbackImportReport>;
