/**
 * Complaints (投诉) and their recovery: tickets filed from the dashboard, the public complaint page, email or the
 * API; first-response and resolution timers counted in business minutes (SLA policies per severity and tier);
 * escalation to the store manager and then the manager on breach; resolution with compensation; a recovery survey
 * on close. The categories are the churn-reason taxonomy the churn report also reads.
 */
import { z } from "zod";
import { Id, IsoDate, IsoDateTime } from "./common.ts";
import { CustomerTier } from "./value.ts";

export const COMPLAINT_CATEGORIES = [
  "rude_staff",
  "poor_service",
  "untrained_staff",
  "product_quality",
  "poor_choice",
  "price",
  "delivery",
  "changed_needs",
  "other",
] as const;
export const ComplaintCategory = z.enum(COMPLAINT_CATEGORIES);
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

export const COMPLAINT_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const ComplaintSeverity = z.enum(COMPLAINT_SEVERITIES);
export type ComplaintSeverity = z.infer<typeof ComplaintSeverity>;

export const ComplaintStatus = z.enum(["open", "in_progress", "resolved", "closed"]);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** Where the complaint came in. */
export const ComplaintChannel = z.enum(["dashboard", "public_page", "email", "api"]);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** How staff answered the customer: by email (sent through Kexin) or recorded after a call, visit or message. */
export const ComplaintReplyChannel = z.enum(["email", "phone", "in_person", "wechat"]);
export type ComplaintReplyChannel = z.infer<typeof ComplaintReplyChannel>;

export const CompensationKind = z.enum(["refund", "voucher", "replacement", "repair", "gift", "points", "discount", "other"]);
export type CompensationKind = z.infer<typeof CompensationKind>;

export const ComplaintEventKind = z.enum([
  "filed",
  "note",
  "reply",
  "customer_reply",
  "assigned",
  "status",
  "escalated",
  "resolved",
  "reopened",
  "closed",
  "recovery_survey",
  "updated",
]);
export type ComplaintEventKind = z.infer<typeof ComplaintEventKind>;

/** A human ticket number: TS-<year>-<six digits>, counted per organisation and year. */
export const ComplaintNumber = z.string().regex(/^TS-\d{4}-\d{6,}$/, "a ticket number looks like TS-2026-000123");
export const COMPLAINT_NUMBER_PATTERN = /\bTS-(\d{4})-(\d{6,})\b/;

export const COMPLAINT_BODY_MAX = 10_000;
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const optionalText = (max: number) => text(max).nullable().optional();
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,20}$/, "phone must be digits, spaces, +, - or parentheses (5–20 characters)");
const email = z.email("email must be a valid address").max(200);

/** A complaint filed by staff (dashboard) or posted by another system (API). */
export const ComplaintCreate = z.object({
  category: ComplaintCategory,
  severity: ComplaintSeverity.default("medium"),
  subject: text(200).min(1, "subject is required"),
  body: text(COMPLAINT_BODY_MAX).min(1, "body is required"),
  channel: z.enum(["dashboard", "api"]).default("api"),
  storeId: Id.nullable().optional(),
  /** The customer by id; else found by contactEmail, then contactPhone, in the organisation. */
  customerId: Id.nullable().optional(),
  contactName: optionalText(100),
  contactEmail: email.nullable().optional(),
  contactPhone: phone.nullable().optional(),
  /** The colleague the complaint is about, when known as a user. */
  staffId: Id.nullable().optional(),
  /** Or as the customer named them (a name, a badge number). */
  staffName: optionalText(100),
  assigneeId: Id.nullable().optional(),
  /** The language replies are written in (zh-CN, en, zh-TW). */
  language: z.enum(["zh-CN", "en", "zh-TW"]).default("zh-CN"),
});
export type ComplaintCreate = z.input<typeof ComplaintCreate>;

/** Only the fields sent change. Changing the severity recomputes the timers from when the complaint was filed. */
export const ComplaintUpdate = z.object({
  category: ComplaintCategory.optional(),
  severity: ComplaintSeverity.optional(),
  storeId: Id.nullable().optional(),
  assigneeId: Id.nullable().optional(),
  staffId: Id.nullable().optional(),
  staffName: optionalText(100),
  customerId: Id.nullable().optional(),
});
export type ComplaintUpdate = z.input<typeof ComplaintUpdate>;

export const ComplaintNoteCreate = z.object({ body: text(COMPLAINT_BODY_MAX).min(1, "body is required") });
export type ComplaintNoteCreate = z.input<typeof ComplaintNoteCreate>;

export const ComplaintReplyCreate = z.object({
  body: text(COMPLAINT_BODY_MAX).min(1, "body is required"),
  channel: ComplaintReplyChannel.default("email"),
});
export type ComplaintReplyCreate = z.input<typeof ComplaintReplyCreate>;

export const Compensation = z.object({
  amount: z.number().min(0, "amount cannot be negative").max(10_000_000, "amount is too large").nullable(),
  kind: CompensationKind,
  note: optionalText(500),
});
export type Compensation = z.infer<typeof Compensation>;

export const ComplaintResolve = z.object({
  note: text(COMPLAINT_BODY_MAX).min(1, "say how it was resolved"),
  compensation: Compensation.nullable().optional(),
});
export type ComplaintResolve = z.input<typeof ComplaintResolve>;

export const ComplaintReopen = z.object({ reason: text(2000).min(1, "say why it is reopened") });
export type ComplaintReopen = z.input<typeof ComplaintReopen>;

/**
 * A timer: `running` (not done, not yet due), `breached` (not done and overdue), `met` (done on time), `missed`
 * (done late). `businessMinutesLeft` counts business minutes to the due time for an unfinished timer (negative once
 * overdue), null once done.
 */
export const SlaTimer = z.object({
  targetMinutes: z.number().int(),
  dueAt: IsoDateTime,
  completedAt: IsoDateTime.nullable(),
  state: z.enum(["running", "breached", "met", "missed"]),
  businessMinutesLeft: z.number().int().nullable(),
});
export type SlaTimer = z.infer<typeof SlaTimer>;

export const RecoverySurveyState = z.object({
  status: z.enum(["pending", "sent", "failed", "answered", "skipped"]),
  surveyId: Id.nullable(),
  invitationId: Id.nullable(),
  /** Why no invitation was sent (no email, no consent, already invited, no recovery survey chosen…). */
  reason: z.string().nullable(),
});
export type RecoverySurveyState = z.infer<typeof RecoverySurveyState>;

const ComplaintCommon = z.object({
  id: Id,
  number: z.string(),
  status: ComplaintStatus,
  category: ComplaintCategory,
  severity: ComplaintSeverity,
  channel: ComplaintChannel,
  subject: z.string(),
  storeId: Id.nullable(),
  storeName: z.string().nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  customerTier: CustomerTier.nullable(),
  contactName: z.string().nullable(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  staffId: Id.nullable(),
  /** The user's name when staffId is set, else the name the customer gave. */
  staffName: z.string().nullable(),
  escalationLevel: z.number().int(),
  firstResponse: SlaTimer,
  resolution: SlaTimer,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const ComplaintListItem = ComplaintCommon;
export type ComplaintListItem = z.infer<typeof ComplaintListItem>;

export const ComplaintEvent = z.object({
  id: Id,
  kind: ComplaintEventKind,
  body: z.string().nullable(),
  channel: ComplaintReplyChannel.nullable(),
  /** For escalations: 1 (store manager) or 2 (manager). */
  level: z.number().int().nullable(),
  toStatus: ComplaintStatus.nullable(),
  /** Who was told by email (escalations, email replies). */
  recipients: z.array(z.string()),
  /** For email: whether it was handed to the mail server (null while on its way or not an email). */
  isDelivered: z.boolean().nullable(),
  actorName: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type ComplaintEvent = z.infer<typeof ComplaintEvent>;

export const Complaint = ComplaintCommon.extend({
  body: z.string(),
  language: z.string(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  compensation: Compensation.nullable(),
  resolvedAt: IsoDateTime.nullable(),
  closedAt: IsoDateTime.nullable(),
  recoverySurvey: RecoverySurveyState.nullable(),
  events: z.array(ComplaintEvent),
});
export type Complaint = z.infer<typeof Complaint>;

export const ComplaintListQuery = z.object({
  /** Words in the subject, body, ticket number or contact. */
  q: z.string().trim().max(100).optional(),
  /** `active` is open or in progress. */
  status: z.enum(["open", "in_progress", "resolved", "closed", "active"]).optional(),
  severity: ComplaintSeverity.optional(),
  category: ComplaintCategory.optional(),
  storeId: Id.optional(),
  assigneeId: Id.optional(),
  customerId: Id.optional(),
  /** Only unfinished complaints with a timer past due. */
  isBreached: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ComplaintListQuery = z.input<typeof ComplaintListQuery>;

export const ComplaintList = z.object({ items: z.array(ComplaintListItem), total: z.number().int() });
export type ComplaintList = z.infer<typeof ComplaintList>;

/** Targets in business minutes for one severity, for one tier or (tier null) for every tier without its own. */
export const SlaPolicy = z.object({
  severity: ComplaintSeverity,
  tier: CustomerTier.nullable(),
  firstResponseMinutes: z.number().int().min(1, "at least one minute").max(525_600, "at most a year of minutes"),
  resolutionMinutes: z.number().int().min(1, "at least one minute").max(525_600, "at most a year of minutes"),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a time of day as HH:MM (00:00–24:00)");

export const ComplaintSettings = z.object({
  /** An IANA time zone, Asia/Shanghai by default. */
  timeZone: z.string().min(1).max(64),
  /** ISO weekdays that are working days: 1 Monday … 7 Sunday. */
  workDays: z.array(z.number().int().min(1).max(7)).max(7),
  opensAt: clock,
  closesAt: clock,
  /** Days off (public holidays) even when they fall on a working weekday. */
  holidays: z.array(IsoDate).max(366),
  /** Weekend days worked (调休), counted as working days. */
  extraWorkdays: z.array(IsoDate).max(366),
  /** The survey sent when a complaint is closed; null for the newest live after-purchase CSAT survey. */
  recoverySurveyId: Id.nullable(),
  /** Staff meet their target when their complaint rate (per 100 customers they look after) is below this. */
  staffKpiThresholdPercent: z.number().min(0).max(100),
  /** The targets; a severity without a policy uses Kexin's defaults (DEFAULT_SLA_POLICIES). */
  policies: z.array(SlaPolicy).max(40),
});
export type ComplaintSettings = z.infer<typeof ComplaintSettings>;

/** Kexin's default targets (business minutes), used for every severity an organisation has no policy for. */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = [
  { severity: "critical", tier: null, firstResponseMinutes: 60, resolutionMinutes: 480 },
  { severity: "high", tier: null, firstResponseMinutes: 120, resolutionMinutes: 960 },
  { severity: "medium", tier: null, firstResponseMinutes: 240, resolutionMinutes: 1440 },
  { severity: "low", tier: null, firstResponseMinutes: 480, resolutionMinutes: 2400 },
];

export const ComplaintStoreLink = z.object({
  storeId: Id,
  storeName: z.string(),
  slug: z.string(),
  /** The public complaint page of this store: what its QR code opens. */
  url: z.string(),
});
export type ComplaintStoreLink = z.infer<typeof ComplaintStoreLink>;
export const ComplaintStoreLinks = z.object({ items: z.array(ComplaintStoreLink) });
export type ComplaintStoreLinks = z.infer<typeof ComplaintStoreLinks>;

/** The receipt the public page and its JSON API give: the ticket number to quote. */
export const PublicComplaintReceipt = z.object({ number: z.string() });
export type PublicComplaintReceipt = z.infer<typeof PublicComplaintReceipt>;

/** What a customer types on the public complaint page (or a mini-program posts). */
export const PublicComplaintSubmit = z.object({
  category: ComplaintCategory,
  body: text(5000).min(1, "tell us what happened"),
  name: text(100).min(1, "your name is required"),
  email: z.union([z.literal(""), email]).optional(),
  phone: z.union([z.literal(""), phone]).optional(),
  staffName: text(100).optional(),
  language: z.enum(["zh-CN", "en", "zh-TW"]).default("zh-CN"),
});
export type PublicComplaintSubmit = z.input<typeof PublicComplaintSubmit>;

/** What the inbound-email endpoint did with a message. */
export const InboundEmailResult = z.object({
  outcome: z.enum(["threaded", "created", "duplicate"]),
  complaintId: Id,
  number: z.string(),
});
export type InboundEmailResult = z.infer<typeof InboundEmailResult>;

export const ComplaintReportQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  storeId: Id.optional(),
});
export type ComplaintReportQuery = z.input<typeof ComplaintReportQuery>;

const rate = z.number().nullable();
export const ComplaintRateRow = z.object({
  id: Id.nullable(),
  name: z.string(),
  complaints: z.number().int(),
  resolved: z.number().int(),
  /** Resolved (or closed) ÷ complaints, 0–1; null without complaints. */
  resolutionRate: rate,
  customers: z.number().int(),
  orders: z.number().int(),
  /** Complaints per 100 customers; null without customers. */
  perHundredCustomers: rate,
  /** Complaints per 100 orders in the period; null without orders. */
  perHundredOrders: rate,
});
export type ComplaintRateRow = z.infer<typeof ComplaintRateRow>;

export const StaffKpiRow = z.object({
  staffId: Id,
  name: z.string(),
  /** Complaints naming this colleague. */
  complaints: z.number().int(),
  /** Customers they look after (account manager). */
  customers: z.number().int(),
  /** Complaints per 100 customers they look after, as a percentage; null when they look after nobody. */
  complaintRatePercent: rate,
  /** Complaints assigned to them, and how many of those are resolved. */
  handled: z.number().int(),
  handledResolved: z.number().int(),
  resolutionRate: rate,
  /** Below the organisation's threshold; null when there is no rate to judge. */
  meetsTarget: z.boolean().nullable(),
});
export type StaffKpiRow = z.infer<typeof StaffKpiRow>;

export const ComplaintReport = z.object({
  from: IsoDate,
  to: IsoDate,
  total: z.number().int(),
  open: z.number().int(),
  resolved: z.number().int(),
  overall: ComplaintRateRow,
  byStore: z.array(ComplaintRateRow),
  sla: z.object({
    /** Share of complaints with a first response (or past due without one) that were answered in time. */
    firstResponseAttainment: rate,
    firstResponseCounted: z.number().int(),
    resolutionAttainment: rate,
    resolutionCounted: z.number().int(),
    breachedOpen: z.number().int(),
  }),
  /** Time to resolve, in business hours and in calendar hours, over resolved complaints. */
  timeToResolve: z.object({
    count: z.number().int(),
    medianBusinessHours: rate,
    p90BusinessHours: rate,
    medianCalendarHours: rate,
    p90CalendarHours: rate,
  }),
  topReasons: z.array(z.object({ category: ComplaintCategory, count: z.number().int(), share: z.number() })),
  repeatComplainers: z.array(
    z.object({ customerId: Id, name: z.string(), complaints: z.number().int(), lastAt: IsoDateTime }),
  ),
  staffKpiThresholdPercent: z.number(),
  staff: z.array(StaffKpiRow),
});
export type ComplaintReport = z.infer<typeof ComplaintReport>;

/**
 * Run the escalation sweep now (what the every-minute job does). `now` — the clock to run it at — is accepted only
 * on a server started with KEXIN_TEST_HOOKS=true, for browser tests that make a breach happen.
 */
export const ComplaintEscalationRun = z.object({ now: IsoDateTime.optional() });
export type ComplaintEscalationRun = z.input<typeof ComplaintEscalationRun>;
export const ComplaintEscalationResult = z.object({
  escalated: z.number().int(),
  notified: z.number().int(),
  failed: z.number().int(),
});
export type ComplaintEscalationResult = z.infer<typeof ComplaintEscalationResult>;

export const ComplaintQrQuery = z.object({ size: z.coerce.number().int().min(128).max(2048).default(512) });
