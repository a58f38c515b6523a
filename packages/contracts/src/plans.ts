/**
 * Maintenance plans: one per value tier per organisation, each a list of actions (call, visit or greeting) on a
 * cadence, with a topic (the script) and who does it. Plans generate dated tasks for a horizon of days; a task's
 * key is `plan:<plan>:<action>:<customer>:<yyyy-mm-dd>`, so regenerating never duplicates one.
 *
 * Holidays: an action with `assignTo: "greetings"` is done by the greetings module (a letter through the customer's
 * channels, sent once per occasion) and creates no task; this is the default for 普通客户 ("greetings on holidays"),
 * which would otherwise bury the stores under one task per ordinary customer per holiday. A holiday action assigned
 * to a person (e.g. a VIP visit at Spring Festival) creates a greeting task due on the holiday.
 *
 * B2B service figures: a call to a company customer may record its on-time delivery rate and inspection pass rate
 * (percent); the customer page and a report trend them.
 */
import { z } from "zod";
import { Id, IsoDateTime } from "./common.ts";
import { CustomerTier } from "./value.ts";

export const PlanActionKind = z.enum(["call", "visit", "greeting"]);
export type PlanActionKind = z.infer<typeof PlanActionKind>;
export const PlanCadence = z.enum(["daily", "weekly", "monthly", "holidays"]);
export type PlanCadence = z.infer<typeof PlanCadence>;
/** Holidays a plan can act on: solar (New Year, National Day) and lunar (the rest), dated by the lunar calendar. */
export const PLAN_HOLIDAYS = ["new_year", "spring_festival", "lantern_festival", "dragon_boat", "mid_autumn", "national_day"] as const;
export const PlanHoliday = z.enum(PLAN_HOLIDAYS);
export type PlanHoliday = z.infer<typeof PlanHoliday>;
/** Who does the action: the customer's account manager (else their home store), the store, or the greetings module. */
export const PlanAssignee = z.enum(["account_manager", "store", "greetings"]);
export type PlanAssignee = z.infer<typeof PlanAssignee>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const Weekday = z.number().int().min(1).max(7);

const actionFields = {
  kind: PlanActionKind,
  cadence: PlanCadence,
  /** For the weekly cadence: the days of the week (one for weekly, two for "twice a week", …). */
  weekdays: z.array(Weekday).max(7).default([]),
  /** For the monthly cadence: the day of the month (past the month's end, its last day). */
  monthDay: z.number().int().min(1).max(31).nullable().default(null),
  /** For the holidays cadence. */
  holidays: z.array(PlanHoliday).max(PLAN_HOLIDAYS.length).default([]),
  /** What to talk about: the script the person follows, and the task's title. */
  topic: z.string().trim().min(1).max(200),
  assignTo: PlanAssignee.default("account_manager"),
  /** A call to a company customer records on-time delivery and inspection pass rate. */
  recordsServiceFigures: z.boolean().default(false),
};

export const PlanAction = z.object({ id: Id, ...actionFields });
export type PlanAction = z.infer<typeof PlanAction>;

/** An action as edited: `id` keeps an existing action (and its tasks); without it, the action is new. */
export const PlanActionInput = z
  .object({ id: Id.optional(), ...actionFields })
  .superRefine((action, context) => {
    if (action.cadence === "weekly" && action.weekdays.length === 0) {
      context.addIssue({ code: "custom", path: ["weekdays"], message: "pick at least one day of the week" });
    }
    if (new Set(action.weekdays).size !== action.weekdays.length) {
      context.addIssue({ code: "custom", path: ["weekdays"], message: "each day of the week once" });
    }
    if (action.cadence === "monthly" && action.monthDay === null) {
      context.addIssue({ code: "custom", path: ["monthDay"], message: "pick the day of the month" });
    }
    if (action.cadence === "holidays" && action.holidays.length === 0) {
      context.addIssue({ code: "custom", path: ["holidays"], message: "pick at least one holiday" });
    }
    if (action.assignTo === "greetings" && action.kind !== "greeting") {
      context.addIssue({ code: "custom", path: ["assignTo"], message: "only greetings are sent by the greetings module" });
    }
  });
export type PlanActionInput = z.input<typeof PlanActionInput>;

export const Plan = z.object({
  id: Id,
  tier: CustomerTier,
  isActive: z.boolean(),
  actions: z.array(PlanAction),
  /** Customers currently in the tier. */
  customerCount: z.number().int(),
  /** Open tasks this plan has generated (from today on). */
  openTaskCount: z.number().int(),
  updatedAt: IsoDateTime.nullable(),
  updatedByName: z.string().nullable(),
});
export type Plan = z.infer<typeof Plan>;
export const PlanList = z.object({ items: z.array(Plan) });
export type PlanList = z.infer<typeof PlanList>;

export const PlanUpdate = z.object({
  isActive: z.boolean().default(true),
  actions: z.array(PlanActionInput).max(20),
});
export type PlanUpdate = z.input<typeof PlanUpdate>;

/** What a generation did, over [horizonStart, horizonEnd] (calendar days in Asia/Shanghai). */
export const PlanGeneration = z.object({
  created: z.number().int(),
  /** Open tasks the plans no longer ask for (tier or plan changed), dismissed, not deleted. */
  dismissed: z.number().int(),
  /** Tasks dismissed earlier that the plans ask for again. */
  reopened: z.number().int(),
  /** Open tasks whose action changed topic or kind, brought in line. */
  updated: z.number().int(),
  horizonStart: z.iso.date(),
  horizonEnd: z.iso.date(),
});
export type PlanGeneration = z.infer<typeof PlanGeneration>;
export const PlanSaved = z.object({ plan: Plan, generation: PlanGeneration });
export type PlanSaved = z.infer<typeof PlanSaved>;
export const PlanRegenerate = z.object({ days: z.number().int().min(1).max(31).default(7) }).prefault({});

/** Service figures of a B2B customer, in percent. */
export const ServiceFiguresInput = z
  .object({
    onTimeDeliveryRate: z.number().min(0).max(100).nullable().default(null),
    inspectionPassRate: z.number().min(0).max(100).nullable().default(null),
  })
  .refine((figures) => figures.onTimeDeliveryRate !== null || figures.inspectionPassRate !== null, {
    path: ["onTimeDeliveryRate"],
    message: "enter the on-time delivery rate or the inspection pass rate",
  });
export type ServiceFiguresInput = z.input<typeof ServiceFiguresInput>;

export const ServiceFigure = z.object({
  id: Id,
  taskId: Id.nullable(),
  onTimeDeliveryRate: z.number().nullable(),
  inspectionPassRate: z.number().nullable(),
  recordedAt: IsoDateTime,
  recordedByName: z.string().nullable(),
});
export type ServiceFigure = z.infer<typeof ServiceFigure>;
export const ServiceFigureList = z.object({ items: z.array(ServiceFigure) });
export type ServiceFigureList = z.infer<typeof ServiceFigureList>;

export const ServiceFigureReportQuery = z.object({
  groupBy: z.enum(["tier", "customer"]).default("tier"),
  /** Months back from the current one (Asia/Shanghai), the current included. */
  months: z.coerce.number().int().min(1).max(36).default(6),
  storeId: Id.optional(),
});
export const ServiceFigureSeries = z.object({
  /** The tier key, or the customer's id. */
  key: z.string(),
  /** The customer's name (for a tier, the key; the dashboard translates it). */
  label: z.string(),
  tier: CustomerTier.nullable(),
  /** One point per month of `months`, null where nothing was recorded. */
  onTimeDeliveryRate: z.array(z.number().nullable()),
  inspectionPassRate: z.array(z.number().nullable()),
  records: z.number().int(),
});
export const ServiceFigureReport = z.object({
  /** yyyy-mm, oldest first. */
  months: z.array(z.string()),
  series: z.array(ServiceFigureSeries),
});
export type ServiceFigureReport = z.infer<typeof ServiceFigureReport>;
