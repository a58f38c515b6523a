/** Requests and responses of the survey API: building and publishing, distribution, and public answering. */
import { z } from "zod";
import { Id, IsoDateTime, Locale, Page } from "../common.ts";
import { LocalizedText, SurveyDefinition } from "./definition.ts";

export const SurveyStatus = z.enum(["draft", "live", "closed"]);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const SurveySummary = z.object({
  id: Id,
  name: z.string(),
  title: LocalizedText,
  status: SurveyStatus,
  /** The store the survey belongs to, or null for one of the whole organisation. */
  storeId: Id.nullable(),
  /** The newest published version, or null before the first publication. */
  currentVersion: z.number().int().nullable(),
  responseCount: z.number().int(),
  updatedAt: IsoDateTime,
});
export type SurveySummary = z.infer<typeof SurveySummary>;

export const SurveyVersionSummary = z.object({
  version: z.number().int(),
  publishedAt: IsoDateTime,
  responseCount: z.number().int(),
});

export const SurveyDetail = SurveySummary.extend({
  /** The working copy the builder edits; publishing freezes it as a new version. */
  draft: SurveyDefinition,
  hasUnpublishedChanges: z.boolean(),
  versions: z.array(SurveyVersionSummary),
});
export type SurveyDetail = z.infer<typeof SurveyDetail>;

export const SurveyList = z.object({ items: z.array(SurveySummary) });
export type SurveyList = z.infer<typeof SurveyList>;

export const SurveyCreate = z.object({
  name: z.string().trim().min(1).max(200),
  storeId: Id.nullable().optional(),
  /** Start from a template (its key) or from a definition; neither gives one empty page. */
  templateKey: z.string().max(60).optional(),
  /** The language a template is copied in first; the others stay available. */
  locale: Locale.optional(),
  definition: SurveyDefinition.optional(),
});
export type SurveyCreate = z.input<typeof SurveyCreate>;

export const SurveyUpdate = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  storeId: Id.nullable().optional(),
  definition: SurveyDefinition.optional(),
});
export type SurveyUpdate = z.input<typeof SurveyUpdate>;

/** A copy of a survey's draft as a new survey; without a name the copy is named after the original. */
export const SurveyDuplicate = z
  .object({ name: z.string().trim().min(1).max(200).optional(), storeId: Id.nullable().optional() })
  .optional();
export type SurveyDuplicate = z.input<typeof SurveyDuplicate>;

/** One frozen version, as the answers given to it were asked. */
export const SurveyVersionDetail = z.object({
  surveyId: Id,
  version: z.number().int(),
  publishedAt: IsoDateTime,
  definition: SurveyDefinition,
});
export type SurveyVersionDetail = z.infer<typeof SurveyVersionDetail>;

export const SurveyTemplateSummary = z.object({
  key: z.string(),
  title: LocalizedText,
  description: LocalizedText,
  /** What the template measures, so the report menu knows which reports apply. */
  measures: z.array(z.enum(["csat", "nps", "ces", "servqual", "kano", "model", "indicators", "expectation", "employee"])),
  questionCount: z.number().int(),
});
export type SurveyTemplateSummary = z.infer<typeof SurveyTemplateSummary>;
export const SurveyTemplateList = z.object({ items: z.array(SurveyTemplateSummary) });
export type SurveyTemplateList = z.infer<typeof SurveyTemplateList>;

export const SurveyLinkKind = z.enum(["public", "kiosk"]);
export const SurveyLink = z.object({
  id: Id,
  surveyId: Id,
  slug: z.string(),
  kind: SurveyLinkKind,
  storeId: Id.nullable(),
  label: z.string(),
  isActive: z.boolean(),
  /** Path of the respondent page, e.g. /s/Ab3dE5gH7k. */
  path: z.string(),
  /** The full address respondents open and the QR code encodes: KEXIN_PUBLIC_URL and the path. */
  url: z.string(),
  responseCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type SurveyLink = z.infer<typeof SurveyLink>;
export const SurveyLinkCreate = z.object({
  kind: SurveyLinkKind.default("public"),
  storeId: Id.nullable().optional(),
  label: z.string().trim().min(1).max(120),
});
export const SurveyLinkUpdate = z.object({ isActive: z.boolean().optional(), label: z.string().trim().min(1).max(120).optional() });
export type SurveyLinkCreate = z.input<typeof SurveyLinkCreate>;
export type SurveyLinkUpdate = z.input<typeof SurveyLinkUpdate>;
export const SurveyLinkList = z.object({ items: z.array(SurveyLink) });
export type SurveyLinkList = z.infer<typeof SurveyLinkList>;
/** Side of a PNG QR code in pixels (print cards want 1024 or more). */
export const SurveyLinkQrQuery = z.object({ size: z.coerce.number().int().min(128).max(2048).default(512) });

export const InvitationStatus = z.enum(["pending", "sent", "failed", "answered"]);
export const SurveyInvitation = z.object({
  id: Id,
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  email: z.string(),
  status: InvitationStatus,
  sentAt: IsoDateTime.nullable(),
  remindedAt: IsoDateTime.nullable(),
  answeredAt: IsoDateTime.nullable(),
  error: z.string().nullable(),
});
export type SurveyInvitation = z.infer<typeof SurveyInvitation>;
export const SurveyInvitationList = z.object({ items: z.array(SurveyInvitation), total: z.number().int() });
export const InvitationCreate = z.object({
  customerIds: z.array(Id).min(1).max(5000),
  language: Locale.optional(),
});
export const InvitationSendResult = z.object({
  created: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  /** Customers skipped, with why: no email, no consent to email, already invited. */
  skipped: z.array(z.object({ customerId: Id, reason: z.enum(["no_email", "no_consent", "already_invited", "not_found"]) })),
});
export const ReminderResult = z.object({ reminded: z.number().int(), failed: z.number().int() });
/** A survey's invitations, newest first, a page at a time, optionally of one status. */
export const InvitationListQuery = Page.extend({ status: InvitationStatus.optional() });
/** Remind, once, everyone invited at least this many hours ago who has not answered (0: everyone sent so far). */
export const ReminderRequest = z.object({
  minHoursSinceSent: z.number().min(0).max(24 * 365).default(72),
});

/** What the respondent page needs: a frozen version, never the working draft. */
export const PublicSurvey = z.object({
  surveyId: Id,
  version: z.number().int(),
  definition: SurveyDefinition,
  isKiosk: z.boolean(),
  /** Set when answering through a personal invitation; the customer is not named on the page. */
  invitation: z.object({ isAnswered: z.boolean() }).nullable(),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

/** One submission. `submissionKey` is made once per answer by the page, so a retry or double tap stores one answer. */
export const ResponseSubmit = z.object({
  slug: z.string().max(40).optional(),
  token: z.string().max(100).optional(),
  version: z.number().int().min(1),
  submissionKey: z.uuid(),
  language: Locale,
  answers: z.record(z.string().max(40), z.unknown()),
  startedAt: IsoDateTime.optional(),
  /** The saved progress this answer finishes (see DraftSave); it is deleted when the answer is stored. */
  draftKey: z.uuid().optional(),
});
export type ResponseSubmit = z.input<typeof ResponseSubmit>;
export const ResponseReceipt = z.object({ responseId: Id, isDuplicate: z.boolean() });

/** Progress saved so a half-finished answer can be resumed on the same device or through the same invitation. */
export const DraftSave = z.object({
  slug: z.string().max(40).optional(),
  token: z.string().max(100).optional(),
  version: z.number().int().min(1),
  pageIndex: z.number().int().min(0).max(100),
  answers: z.record(z.string().max(40), z.unknown()),
});
export const Draft = z.object({
  version: z.number().int(),
  pageIndex: z.number().int(),
  answers: z.record(z.string(), z.unknown()),
  updatedAt: IsoDateTime,
});

export const SurveyResponseRow = z.object({
  id: Id,
  version: z.number().int(),
  submittedAt: IsoDateTime,
  channel: z.string(),
  language: Locale,
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  storeId: Id.nullable(),
  answers: z.record(z.string(), z.unknown()),
});
export const SurveyResponseList = z.object({ items: z.array(SurveyResponseRow), total: z.number().int() });
/** Answers newest first, a page at a time, optionally only those given to one version. */
export const SurveyResponseQuery = Page.extend({ version: z.coerce.number().int().min(1).optional() });
export type SurveyResponseQuery = z.input<typeof SurveyResponseQuery>;
export type SurveyResponseList = z.infer<typeof SurveyResponseList>;
