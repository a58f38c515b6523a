/**
 * Customer value tiers: VIP客户, 重要客户, 质优客户, 普通客户 — highest first. A customer's tier is the computed one
 * (from the organisation's tier rules over RFM, CLV and profit figures) unless someone set it by hand, with a reason.
 * Also the value figures behind it, the Pareto view, the priority order and churn (the leaky bucket).
 */
import { z } from "zod";
import { Id, IsoDateTime, Page } from "./common.ts";

export const CUSTOMER_TIERS = ["vip", "important", "quality", "ordinary"] as const;
export const CustomerTier = z.enum(CUSTOMER_TIERS);
export type CustomerTier = z.infer<typeof CustomerTier>;

/** The segment names of R's rfm 0.3.0 table (analytics DEFAULT_RFM_SEGMENTS) and "Others" for no match. */
export const RFM_SEGMENTS = [
  "Champions",
  "Potential Loyalist",
  "Loyal Customers",
  "Promising",
  "New Customers",
  "Can't Lose Them",
  "At Risk",
  "Need Attention",
  "About To Sleep",
  "Lost",
  "Others",
] as const;
export const RfmSegmentName = z.enum(RFM_SEGMENTS);

/**
 * Figures a tier condition can test. `clvTopPercent` and `profitTopPercent` are a customer's place in the
 * organisation by CLV or gross profit, as a percentage from the top (0.1 = the very best, 100 = the last):
 * "profitTopPercent ≤ 20" means "among the 20% who bring the most gross profit".
 */
export const TIER_NUMBER_METRICS = [
  "clv",
  "pAlive",
  "revenue",
  "annualSpend",
  "grossProfit",
  "costToServe",
  "orders",
  "recencyDays",
  "rfmScore",
  "clvTopPercent",
  "profitTopPercent",
] as const;
export const TierNumberMetric = z.enum(TIER_NUMBER_METRICS);
export type TierNumberMetric = z.infer<typeof TierNumberMetric>;

export const TierNumberCondition = z.strictObject({
  metric: TierNumberMetric,
  op: z.enum(["gte", "lte"]),
  value: z.number().finite(),
});
export const TierSegmentCondition = z.strictObject({
  metric: z.literal("rfmSegment"),
  op: z.literal("in"),
  values: z.array(RfmSegmentName).min(1, "choose at least one RFM segment").max(RFM_SEGMENTS.length),
});
export const TierCondition = z.discriminatedUnion("metric", [TierNumberCondition, TierSegmentCondition]).superRefine((condition, context) => {
  if (condition.metric === "pAlive" && (condition.value < 0 || condition.value > 1)) {
    context.addIssue({ code: "custom", path: ["value"], message: "P(alive) is a probability between 0 and 1" });
  }
  if ((condition.metric === "clvTopPercent" || condition.metric === "profitTopPercent") && !(condition.value > 0 && condition.value <= 100)) {
    context.addIssue({ code: "custom", path: ["value"], message: "a top percentage lies above 0 and at most 100" });
  }
});
export type TierCondition = z.infer<typeof TierCondition>;

/** One rule: the tier a customer gets when every condition holds (no conditions: everyone left). */
export const TierRule = z.strictObject({
  tier: CustomerTier,
  conditions: z.array(TierCondition).max(10, "at most 10 conditions per rule"),
});
export type TierRule = z.infer<typeof TierRule>;

/** Ordered: the first rule whose conditions all hold gives the tier; a customer no rule takes is 普通 (ordinary). */
export const TierRuleSet = z.strictObject({ rules: z.array(TierRule).max(20, "at most 20 rules") });
export type TierRuleSet = z.infer<typeof TierRuleSet>;

export const TierRulesView = TierRuleSet.extend({
  /** True while the organisation has never saved rules of its own. */
  isDefault: z.boolean(),
  updatedAt: IsoDateTime.nullable(),
  updatedByName: z.string().nullable(),
});
export type TierRulesView = z.infer<typeof TierRulesView>;

const TierCounts = z.object({ vip: z.number(), important: z.number(), quality: z.number(), ordinary: z.number(), none: z.number() });

/** What a draft rule set would do: tier in force before → after for every customer (overrides keep theirs). */
export const TierPreview = z.object({
  total: z.number(),
  changed: z.number(),
  before: TierCounts,
  after: TierCounts,
  /** One cell per (from, to) pair with customers in it; from null = no tier yet. */
  moves: z.array(z.object({ from: CustomerTier.nullable(), to: CustomerTier.nullable(), count: z.number() })),
});
export type TierPreview = z.infer<typeof TierPreview>;

export const TierSaveResult = z.object({ rules: TierRulesView, changed: z.number() });
export type TierSaveResult = z.infer<typeof TierSaveResult>;

export const ModelParameters = z.object({
  bgnbd: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }).nullable(),
  gammaGamma: z.object({ p: z.number(), q: z.number(), v: z.number() }).nullable(),
  /** Why a model could not be fitted (too few repeat buyers…), in plain words. */
  note: z.string().nullable(),
});

export const RecomputeSummary = z.object({
  computedAt: IsoDateTime,
  customers: z.number(),
  buyers: z.number(),
  transactions: z.number(),
  tierChanges: z.number(),
  durationMs: z.number(),
  model: ModelParameters,
});
export type RecomputeSummary = z.infer<typeof RecomputeSummary>;

export const ValueFigures = z.object({
  orders: z.number(),
  firstPurchaseAt: IsoDateTime.nullable(),
  lastPurchaseAt: IsoDateTime.nullable(),
  revenue: z.number(),
  annualSpend: z.number(),
  annualValue: z.number().nullable(),
  grossProfit: z.number().nullable(),
  costToServe: z.number().nullable(),
  recencyDays: z.number().nullable(),
  rfm: z.object({ r: z.number(), f: z.number(), m: z.number(), score: z.number(), segment: z.string() }).nullable(),
  pAlive: z.number().nullable(),
  expectedPurchases: z.number().nullable(),
  clv: z.number().nullable(),
  clvTopPercent: z.number().nullable(),
  profitTopPercent: z.number().nullable(),
  expectedIntervalDays: z.number().nullable(),
  churnStatus: z.enum(["active", "at_risk", "lost"]).nullable(),
});
export type ValueFigures = z.infer<typeof ValueFigures>;

export const TierChange = z.object({
  id: Id,
  fromTier: CustomerTier.nullable(),
  toTier: CustomerTier.nullable(),
  source: z.enum(["computed", "manual"]),
  reason: z.string().nullable(),
  changedByName: z.string().nullable(),
  changedAt: IsoDateTime,
});

/** The tier card of one customer. */
export const CustomerValue = z.object({
  customerId: Id,
  tier: CustomerTier.nullable(),
  computedTier: CustomerTier.nullable(),
  override: z.object({ tier: CustomerTier, reason: z.string(), byName: z.string().nullable(), at: IsoDateTime }).nullable(),
  computedAt: IsoDateTime.nullable(),
  figures: ValueFigures.nullable(),
  history: z.array(TierChange),
});
export type CustomerValue = z.infer<typeof CustomerValue>;

export const TierOverrideInput = z.strictObject({
  tier: CustomerTier,
  reason: z.string().trim().min(2, "give a reason for setting the tier by hand").max(500),
});
export type TierOverrideInput = z.infer<typeof TierOverrideInput>;

export const ValueOverview = z.object({
  tiers: z.array(
    z.object({
      tier: CustomerTier,
      customers: z.number(),
      overridden: z.number(),
      revenue: z.number(),
      grossProfit: z.number(),
      clv: z.number(),
      averagePAlive: z.number().nullable(),
    }),
  ),
  /** Customers without a tier yet (added since the last recompute). */
  withoutTier: z.number(),
  segments: z.array(z.object({ segment: z.string(), customers: z.number() })),
  lastRun: RecomputeSummary.nullable(),
});
export type ValueOverview = z.infer<typeof ValueOverview>;

export const ParetoQuery = z.object({ topPercent: z.coerce.number().min(1).max(100).default(20) });

export const Concentration = z.object({
  total: z.number(),
  /** Share of the total from the top `topPercent` of customers. */
  topShare: z.number(),
  gini: z.number(),
  /** Pareto curve, most valuable customers first: at most 101 points from (0, 0) to (1, 1). */
  curve: z.array(z.object({ customerShare: z.number(), valueShare: z.number() })),
});
export const ParetoGroup = z.object({
  storeId: Id.nullable(),
  storeName: z.string().nullable(),
  customers: z.number(),
  revenue: Concentration.nullable(),
  /** Gross profit where costs are known; customers who lost money count as 0 and are counted in losingCustomers. */
  grossProfit: Concentration.nullable(),
  losingCustomers: z.number(),
});
export const ParetoView = z.object({
  topPercent: z.number(),
  /** The organisation (for store-bound staff: all of their stores' customers together). */
  overall: ParetoGroup,
  /** Per home store of the customers. */
  stores: z.array(ParetoGroup),
});
export type ParetoView = z.infer<typeof ParetoView>;

export const ValueCustomerListQuery = Page.extend({ storeId: Id.optional() });

export const PriorityList = z.object({
  items: z.array(
    z.object({
      rank: z.number(),
      customerId: Id,
      name: z.string(),
      phone: z.string().nullable(),
      homeStoreName: z.string().nullable(),
      tier: CustomerTier.nullable(),
      clv: z.number().nullable(),
      pAlive: z.number().nullable(),
    }),
  ),
  total: z.number(),
});
export type PriorityList = z.infer<typeof PriorityList>;

export const CHURN_REASONS = [
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

export const ChurnSummary = z.object({
  buyers: z.number(),
  active: z.number(),
  atRisk: z.number(),
  lost: z.number(),
  /** Customers whose expected next purchase ran out in the last 90 days: the leak right now. */
  lostLast90Days: z.number(),
  /** Yearly revenue the lost customers used to bring (annual value). */
  lostAnnualValue: z.number(),
  atRiskAnnualValue: z.number(),
  atRiskClv: z.number(),
  lostByMonth: z.array(z.object({ month: z.string(), customers: z.number(), annualValue: z.number() })),
  /** Why customers leave: complaint categories (CHURN_REASONS) of at-risk and lost customers, most customers first. */
  reasons: z.array(z.object({ reason: z.string(), customers: z.number() })),
  /** Exit feedback: themes of negative feedback from at-risk and lost customers. */
  feedbackThemes: z.array(z.object({ theme: z.string(), customers: z.number() })),
  thresholds: z.object({
    atRiskIntervalMultiple: z.number(),
    lostIntervalMultiple: z.number(),
    atRiskAliveBelow: z.number(),
    lostAliveBelow: z.number(),
  }),
});
export type ChurnSummary = z.infer<typeof ChurnSummary>;

export const ChurnListQuery = ValueCustomerListQuery.extend({ status: z.enum(["at_risk", "lost"]).default("at_risk") });
export const ChurnCustomerList = z.object({
  items: z.array(
    z.object({
      customerId: Id,
      name: z.string(),
      phone: z.string().nullable(),
      homeStoreName: z.string().nullable(),
      accountManagerName: z.string().nullable(),
      tier: CustomerTier.nullable(),
      clv: z.number().nullable(),
      annualValue: z.number().nullable(),
      pAlive: z.number().nullable(),
      lastPurchaseAt: IsoDateTime.nullable(),
      expectedIntervalDays: z.number().nullable(),
      /** Days past the expected next purchase. */
      daysOverdue: z.number().nullable(),
    }),
  ),
  total: z.number(),
});
export type ChurnCustomerList = z.infer<typeof ChurnCustomerList>;

/**
 * Value settings. Cost-to-serve = Σ interactions of the last 365 days × the unit cost of their kind (call, visit,
 * email, sms, wechat, note, other); unknown (null) while no unit cost is set. Churn: a buyer is at risk past
 * `atRiskIntervalMultiple` × their expected interval between purchases or below `atRiskAliveBelow` P(alive), and
 * lost past `lostIntervalMultiple` × or below `lostAliveBelow`.
 */
export const ValueSettings = z
  .strictObject({
    interactionCosts: z.record(z.string().min(1).max(40), z.number().finite().min(0).max(1_000_000)),
    atRiskIntervalMultiple: z.number().min(1).max(20),
    lostIntervalMultiple: z.number().min(1).max(50),
    atRiskAliveBelow: z.number().min(0).max(1),
    lostAliveBelow: z.number().min(0).max(1),
  })
  .superRefine((settings, context) => {
    if (settings.lostIntervalMultiple < settings.atRiskIntervalMultiple) {
      context.addIssue({ code: "custom", path: ["lostIntervalMultiple"], message: "lost must come after at risk: use a multiple ≥ the at-risk one" });
    }
    if (settings.lostAliveBelow > settings.atRiskAliveBelow) {
      context.addIssue({ code: "custom", path: ["lostAliveBelow"], message: "the lost P(alive) threshold must not exceed the at-risk one" });
    }
  });
export type ValueSettings = z.infer<typeof ValueSettings>;
