/**
 * Greetings and letters (问候与信函): liquid templates with merge fields, occasions (lunar holidays, birthdays, days
 * after a purchase, tier changes), occasion rules that send automatically, campaigns to a segment, and the delivery
 * record that proves each message went out at most once per customer, occasion and channel.
 */
import { z } from "zod";
import { Id, IsoDate, IsoDateTime } from "./common.ts";
import { CustomerTier } from "./value.ts";

export const GreetingChannel = z.enum(["email", "sms", "wechat"]);
export type GreetingChannel = z.infer<typeof GreetingChannel>;

export const GreetingLanguage = z.enum(["zh-CN", "en", "zh-TW"]);
export type GreetingLanguage = z.infer<typeof GreetingLanguage>;

/** What a template is for; the built-in templates cover each of these in zh-CN and en. */
export const TEMPLATE_PURPOSES = [
  "thank_you",
  "spring_festival",
  "mid_autumn",
  "dragon_boat",
  "national_day",
  "birthday",
  "new_product",
  "after_purchase",
  "win_back",
  "tier_upgrade",
  "other",
] as const;
export const TemplatePurpose = z.enum(TEMPLATE_PURPOSES);
export type TemplatePurpose = z.infer<typeof TemplatePurpose>;

/** Occasions a rule can fire on by itself. */
export const RULE_OCCASIONS = [
  "spring_festival",
  "mid_autumn",
  "dragon_boat",
  "national_day",
  "birthday",
  "after_purchase",
  "tier_change",
  "win_back",
] as const;
export const RuleOccasion = z.enum(RULE_OCCASIONS);
export type RuleOccasion = z.infer<typeof RuleOccasion>;

/** HH:MM on a 24-hour clock, in the organisation's time zone. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (00:00–23:59)");

export const GreetingTemplate = z.object({
  id: Id,
  /** Set on the built-in templates (e.g. "spring_festival"); null on the organisation's own. */
  builtinKey: z.string().nullable(),
  purpose: TemplatePurpose,
  language: GreetingLanguage,
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  isArchived: z.boolean(),
  updatedAt: IsoDateTime,
});
export type GreetingTemplate = z.infer<typeof GreetingTemplate>;
export const GreetingTemplateList = z.object({ items: z.array(GreetingTemplate) });

export const GreetingTemplateInput = z.object({
  name: z.string().trim().min(1).max(120),
  purpose: TemplatePurpose.default("other"),
  language: GreetingLanguage.default("zh-CN"),
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(10_000),
});
export type GreetingTemplateInput = z.input<typeof GreetingTemplateInput>;
export const GreetingTemplateUpdate = GreetingTemplateInput.partial().extend({ isArchived: z.boolean().optional() });
export type GreetingTemplateUpdate = z.input<typeof GreetingTemplateUpdate>;

/** Render a saved template, or an unsaved draft (subject + body), for one customer. */
export const GreetingPreviewRequest = z.object({
  customerId: Id,
  templateId: Id.optional(),
  subject: z.string().max(300).optional(),
  body: z.string().max(10_000).optional(),
  language: GreetingLanguage.optional(),
});
export type GreetingPreviewRequest = z.input<typeof GreetingPreviewRequest>;
export const GreetingPreview = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** The merge fields this customer supplies, as the template sees them. */
  fields: z.record(z.string(), z.unknown()),
});
export type GreetingPreview = z.infer<typeof GreetingPreview>;

/**
 * Which customers: every condition given must hold (an empty segment is every active customer with an address).
 * `tiers` matches the tier in force; a customer with no computed tier counts as "ordinary".
 */
export const Segment = z.object({
  tiers: z.array(CustomerTier).max(4).optional(),
  storeIds: z.array(Id).max(200).optional(),
  /** Customers carrying any of these tags. */
  tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  /** Bought within the last N days. */
  purchasedWithinDays: z.number().int().min(1).max(3650).optional(),
  /** Last purchase more than N days ago (customers who never bought are left out). */
  notPurchasedForDays: z.number().int().min(1).max(3650).optional(),
  kind: z.enum(["person", "company"]).optional(),
});
export type Segment = z.infer<typeof Segment>;

export const GreetingRule = z.object({
  id: Id,
  name: z.string(),
  occasion: RuleOccasion,
  templateId: Id,
  templateName: z.string(),
  channel: GreetingChannel,
  sendTime: ClockTime,
  /** after_purchase: days after the purchase; win_back: days without a purchase. */
  daysAfter: z.number().int().nullable(),
  segment: Segment,
  isActive: z.boolean(),
  updatedAt: IsoDateTime,
});
export type GreetingRule = z.infer<typeof GreetingRule>;
export const GreetingRuleList = z.object({ items: z.array(GreetingRule) });
export const GreetingRuleInput = z.object({
  name: z.string().trim().min(1).max(120),
  occasion: RuleOccasion,
  templateId: Id,
  channel: GreetingChannel.default("email"),
  sendTime: ClockTime.default("09:00"),
  daysAfter: z.number().int().min(0).max(3650).nullable().optional(),
  segment: Segment.default({}),
  isActive: z.boolean().default(true),
});
export type GreetingRuleInput = z.input<typeof GreetingRuleInput>;
export const GreetingRuleUpdate = GreetingRuleInput.partial();
export type GreetingRuleUpdate = z.input<typeof GreetingRuleUpdate>;

export const CampaignStatus = z.enum(["scheduled", "sending", "done", "cancelled"]);
export const GreetingCampaign = z.object({
  id: Id,
  name: z.string(),
  templateId: Id,
  templateName: z.string(),
  channel: GreetingChannel,
  segment: Segment,
  scheduledAt: IsoDateTime,
  status: CampaignStatus,
  estimatedCount: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  createdAt: IsoDateTime,
});
export type GreetingCampaign = z.infer<typeof GreetingCampaign>;
export const GreetingCampaignList = z.object({ items: z.array(GreetingCampaign) });
export const GreetingCampaignInput = z.object({
  name: z.string().trim().min(1).max(120),
  templateId: Id,
  channel: GreetingChannel.default("email"),
  segment: Segment.default({}),
  scheduledAt: IsoDateTime,
});
export type GreetingCampaignInput = z.input<typeof GreetingCampaignInput>;

export const SegmentPreviewRequest = z.object({ segment: Segment.default({}), channel: GreetingChannel.default("email") });
export type SegmentPreviewRequest = z.input<typeof SegmentPreviewRequest>;
/** `sendable` = matched − optedOut − noAddress: what a campaign to this segment would send now. */
export const SegmentPreview = z.object({
  matched: z.number().int(),
  sendable: z.number().int(),
  optedOut: z.number().int(),
  noAddress: z.number().int(),
});
export type SegmentPreview = z.infer<typeof SegmentPreview>;

export const DeliveryStatus = z.enum(["pending", "sending", "sent", "skipped", "uncertain", "failed"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;
export const MessageDelivery = z.object({
  id: Id,
  customerId: Id,
  customerName: z.string(),
  occasionKey: z.string(),
  channel: GreetingChannel,
  status: DeliveryStatus,
  /** Why it was skipped (opt_out, no_address, inactive, cancelled) or what went wrong. */
  reason: z.string().nullable(),
  recipient: z.string().nullable(),
  subject: z.string().nullable(),
  messageId: z.string().nullable(),
  attempts: z.number().int(),
  dueAt: IsoDateTime,
  sentAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
  campaignId: Id.nullable(),
  ruleId: Id.nullable(),
});
export type MessageDelivery = z.infer<typeof MessageDelivery>;
export const DeliveryListQuery = z.object({
  status: DeliveryStatus.optional(),
  customerId: Id.optional(),
  campaignId: Id.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const DeliveryList = z.object({
  items: z.array(MessageDelivery),
  total: z.number().int(),
  countsByStatus: z.record(z.string(), z.number().int()),
});
export type DeliveryList = z.infer<typeof DeliveryList>;

/**
 * For an uncertain delivery (a worker died between handing it over and recording it): staff checked and either
 * send it again (the customer may get it twice) or record it as sent.
 */
export const DeliveryResolution = z.object({ action: z.enum(["resend", "mark_sent", "dismiss"]) });

export const GreetingSettings = z.object({
  timeZone: z.string().min(1).max(64),
  /** Nothing is sent from quietStart to quietEnd (may span midnight, e.g. 21:00–09:00); it waits. */
  quietStart: ClockTime,
  quietEnd: ClockTime,
});
export type GreetingSettings = z.infer<typeof GreetingSettings>;

export const OccasionDate = z.object({ occasion: RuleOccasion, date: IsoDate });
export const OccasionCalendar = z.object({ year: z.number().int(), items: z.array(OccasionDate) });
export type OccasionCalendar = z.infer<typeof OccasionCalendar>;
export const OccasionCalendarQuery = z.object({ year: z.coerce.number().int().min(1901).max(2099) });
