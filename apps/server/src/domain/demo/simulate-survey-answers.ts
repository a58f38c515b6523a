/**
 * Simulated answers to the demo's CSAT, NPS and supermarket-index surveys, from known parameters and a seeded
 * generator, without I/O. Each answer is drawn from a small latent model — a respondent's mood plus each
 * attribute's level, then rounded onto the question's scale — so the scores move together as real answers do and
 * the reports find the structure that was put in:
 * - CSAT: the second store is 0.3 points worse on staff and speed; an improvement programme (faster checkout,
 *   staff coaching) lifts speed by 0.9 and staff by 0.4 from its start, two months before the anchor, which takes
 *   the top-2 share from about 70% to about 83%.
 * - NPS: loyalty shifts with what the customer is (VIP, member, at risk of lapsing), giving an NPS of about +20.
 * - Supermarket index: checkout waiting time (排队结账) is the weakest indicator by far, so 服务 is the weakest
 *   dimension, while it matters a lot to shoppers (high importance): the one place to work first.
 */
import { normalDraw, type Random } from "@kexin/analytics";
import { chance, pick, weightedPicker } from "./draws.ts";
import { drawComment, type CommentLanguage, type CommentTone, type CommentTopic } from "./survey-comments.ts";

export interface SimulatedAnswer {
  answers: Record<string, unknown>;
  /** What the respondent complained about most (the weakest point of a low answer), if anything. */
  complaint: CommentTopic | null;
}

/** Rounds a latent value onto a scale, so a draw past either end lands on the end. */
export const clampRound = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(value)));

interface Attribute {
  key: string;
  /** Mean of the latent rating (1–5) before the improvement, in the better store. */
  base: number;
  /** Weight in the overall judgement. */
  weight: number;
  weakerStore: number;
  improvement: number;
  noise: number;
  /** Chance that a visit goes wrong on this point (a long queue, a rude answer), given that something went wrong. */
  incidentShare: number;
  complaints: readonly CommentTopic[];
  praise: readonly CommentTopic[];
}

const CSAT_ATTRIBUTES: readonly Attribute[] = [
  { key: "product_quality", base: 4.25, weight: 0.3, weakerStore: 0, improvement: 0, noise: 0.6, incidentShare: 0.2, complaints: ["stock", "freshness"], praise: ["freshness", "stock"] },
  { key: "staff_attitude", base: 4.1, weight: 0.3, weakerStore: -0.3, improvement: 0.4, noise: 0.65, incidentShare: 0.3, complaints: ["staff"], praise: ["staff"] },
  { key: "service_speed", base: 3.65, weight: 0.25, weakerStore: -0.3, improvement: 0.9, noise: 0.75, incidentShare: 0.4, complaints: ["queue"], praise: ["queue", "convenience"] },
  { key: "store_environment", base: 4.3, weight: 0.15, weakerStore: 0, improvement: 0, noise: 0.55, incidentShare: 0.1, complaints: ["cleanliness"], praise: ["cleanliness"] },
];
const pickIncident = weightedPicker(CSAT_ATTRIBUTES, (attribute) => attribute.incidentShare);

export interface CsatVisit {
  /** The store that does a little worse on staff and speed. */
  isWeakerStore: boolean;
  /** Answered after the improvement programme started. */
  isAfterImprovement: boolean;
  language: CommentLanguage;
}

function toneOf(score: number, low: number, high: number, random: Random): CommentTone {
  if (score <= low) return "negative";
  if (score >= high) return chance(random, 0.8) ? "positive" : "suggestion";
  return chance(random, 0.7) ? "suggestion" : "negative";
}

/** The weakest (for complaints and suggestions) or strongest (for praise) of the rated points. */
function topicOf(random: Random, rated: readonly { latent: number; attribute: Attribute }[], tone: CommentTone): CommentTopic {
  const sorted = [...rated].sort((a, b) => a.latent - b.latent);
  const chosen = tone === "positive" ? sorted[sorted.length - 1] : sorted[0];
  return pick(random, tone === "positive" ? chosen.attribute.praise : chosen.attribute.complaints);
}

/**
 * One answer to the after-purchase CSAT survey (csat-after-purchase). Cost: O(1).
 * @example simulateCsatAnswer(seededRandom(1), { isWeakerStore: false, isAfterImprovement: true, language: "zh-CN" })
 */
export function simulateCsatAnswer(random: Random, visit: CsatVisit): SimulatedAnswer {
  const mood = normalDraw(random, 0, 0.55);
  const incident = chance(random, visit.isAfterImprovement ? 0.045 : 0.07) ? pickIncident(random) : null;
  const rated = CSAT_ATTRIBUTES.map((attribute) => {
    let latent = attribute.base + mood + normalDraw(random, 0, attribute.noise);
    if (visit.isWeakerStore) latent += attribute.weakerStore;
    if (visit.isAfterImprovement) latent += attribute.improvement;
    if (incident === attribute) latent -= 1.6;
    return { attribute, latent };
  });
  const overall = rated.reduce((sum, { attribute, latent }) => sum + attribute.weight * latent, 0) + normalDraw(random, 0, 0.45) - (incident ? 0.5 : 0);
  const csat = clampRound(overall, 1, 5);
  const answers: Record<string, unknown> = { overall_csat: csat };
  for (const { attribute, latent } of rated) {
    if (!chance(random, 0.05)) answers[attribute.key] = clampRound(latent, 1, 5); // optional: a few skip one
  }
  const speed = rated.find(({ attribute }) => attribute.key === "service_speed")!.latent;
  answers.customer_effort = clampRound(1 + 1.5 * (0.5 * speed + 0.5 * overall - 1) + normalDraw(random, 0, 0.6), 1, 7);
  const tone = toneOf(csat, 2, 4, random);
  const commentChance = csat <= 2 ? 0.75 : csat === 3 ? 0.5 : 0.3;
  const topic = topicOf(random, rated, tone);
  if (chance(random, commentChance)) answers.improvement = drawComment(random, topic, tone, visit.language);
  if (csat <= 3 && chance(random, csat <= 2 ? 0.75 : 0.5)) answers.callback_wanted = chance(random, csat <= 2 ? 0.6 : 0.2) ? "yes" : "no";
  return { answers, complaint: csat <= 2 ? topicOf(random, rated, "negative") : null };
}

type Driver = "product_quality" | "price" | "service_attitude" | "response_speed" | "expertise" | "delivery" | "after_sales" | "convenience" | "reputation" | "other";

const DRIVER_TOPICS: Record<Driver, CommentTopic> = {
  product_quality: "freshness",
  price: "price",
  service_attitude: "staff",
  response_speed: "queue",
  expertise: "staff",
  delivery: "convenience",
  after_sales: "after_sales",
  convenience: "convenience",
  reputation: "general",
  other: "general",
};

/** Which reasons weigh most, by where the score fell: what let detractors down, what promoters value. */
const DRIVER_WEIGHTS: Record<"detractor" | "passive" | "promoter", Partial<Record<Driver, number>>> = {
  detractor: { price: 3, service_attitude: 3, response_speed: 2.5, after_sales: 2, product_quality: 1.5, delivery: 1, other: 0.3 },
  passive: { price: 3, product_quality: 2, service_attitude: 2, convenience: 2, response_speed: 1, expertise: 1, other: 0.3 },
  promoter: { product_quality: 3, service_attitude: 3, convenience: 3, reputation: 2, expertise: 2, after_sales: 1 },
};

function drawDrivers(random: Random, group: keyof typeof DRIVER_WEIGHTS): Driver[] {
  const pool = Object.entries(DRIVER_WEIGHTS[group]) as [Driver, number][];
  const count = pick(random, [1, 2, 2, 3, 3]);
  const chosen: Driver[] = [];
  while (chosen.length < count) {
    const remaining = pool.filter(([driver]) => !chosen.includes(driver));
    chosen.push(weightedPicker(remaining, ([, weight]) => weight)(random)[0]);
  }
  return chosen;
}

export interface NpsRespondent {
  /** Added to the standard-normal loyalty: positive for VIPs and members, negative for customers drifting away. */
  loyaltyShift: number;
  /** How long the person has been a customer when answering. */
  tenureDays: number;
  language: CommentLanguage;
}

/** One answer to the relationship NPS survey (nps-relationship). Cost: O(1). */
export function simulateNpsAnswer(random: Random, respondent: NpsRespondent): SimulatedAnswer {
  const nps = clampRound(8.3 + 2.2 * (normalDraw(random) + respondent.loyaltyShift), 0, 10);
  const group = nps <= 6 ? "detractor" : nps <= 8 ? "passive" : "promoter";
  const drivers = drawDrivers(random, group);
  const answers: Record<string, unknown> = { nps, score_drivers: drivers };
  const topic = DRIVER_TOPICS[drivers[0]];
  if (group === "detractor" && chance(random, 0.65)) answers.detractor_reason = drawComment(random, topic, "negative", respondent.language);
  if (group === "passive" && chance(random, 0.35)) answers.passive_reason = drawComment(random, topic, "suggestion", respondent.language);
  if (group === "promoter" && chance(random, 0.45)) answers.promoter_reason = drawComment(random, topic, "positive", respondent.language);
  const years = respondent.tenureDays / 365.25;
  answers.relationship_length = years < 1 ? "under_1_year" : years < 3 ? "years_1_to_3" : years < 5 ? "years_3_to_5" : "over_5_years";
  return { answers, complaint: group === "detractor" ? topic : null };
}

interface Indicator {
  key: string;
  /** Mean latent rating (1–5) in the better store. */
  mean: number;
  weakerStore?: number;
  /** Share of shoppers who skip this optional indicator (never used the returns desk, came on foot …). */
  skip?: number;
  /** Mean importance (1–5), for the eight indicators the survey asks the importance of. */
  importance?: number;
  topic: CommentTopic;
}

/** Weights follow the template's indicator system: dimension weight × indicator weight. */
const SUPERMARKET_INDICATORS: readonly (Indicator & { weight: number })[] = [
  { key: "goods_variety", mean: 4.0, weight: 0.25 * 0.25, topic: "stock" },
  { key: "goods_freshness", mean: 3.95, weight: 0.25 * 0.3, importance: 4.6, topic: "freshness" },
  { key: "goods_quality", mean: 4.1, weight: 0.25 * 0.25, importance: 4.5, topic: "freshness" },
  { key: "goods_in_stock", mean: 3.55, weight: 0.25 * 0.2, topic: "stock" },
  { key: "price_level", mean: 3.7, weight: 0.2 * 0.4, importance: 4.2, topic: "price" },
  { key: "price_promotions", mean: 3.6, weight: 0.2 * 0.3, importance: 3.6, topic: "price" },
  { key: "price_accuracy", mean: 4.15, weight: 0.2 * 0.3, topic: "price" },
  { key: "service_attitude", mean: 3.95, weakerStore: -0.3, weight: 0.2 * 0.3, importance: 4.0, topic: "staff" },
  { key: "service_help", mean: 3.7, weight: 0.2 * 0.2, topic: "staff" },
  { key: "service_checkout", mean: 2.65, weakerStore: -0.3, weight: 0.2 * 0.3, importance: 4.5, topic: "queue" },
  { key: "service_returns", mean: 3.6, skip: 0.4, weight: 0.2 * 0.2, topic: "after_sales" },
  { key: "env_cleanliness", mean: 4.15, weight: 0.15 * 0.35, importance: 4.3, topic: "cleanliness" },
  { key: "env_layout", mean: 3.9, weight: 0.15 * 0.25, topic: "stock" },
  { key: "env_comfort", mean: 4.0, weight: 0.15 * 0.2, topic: "cleanliness" },
  { key: "env_safety", mean: 4.25, weight: 0.15 * 0.2, topic: "cleanliness" },
  { key: "conv_location", mean: 4.3, weight: 0.2 * 0.3, importance: 3.9, topic: "convenience" },
  { key: "conv_parking", mean: 3.3, skip: 0.35, weight: 0.2 * 0.15, topic: "convenience" },
  { key: "conv_hours", mean: 4.2, weight: 0.2 * 0.2, topic: "convenience" },
  { key: "conv_payment", mean: 4.5, weight: 0.2 * 0.15, topic: "convenience" },
  { key: "conv_online", mean: 3.8, skip: 0.45, weight: 0.2 * 0.2, topic: "convenience" },
];

export const WEAKEST_SUPERMARKET_INDICATOR = "service_checkout";

const pickFrequency = weightedPicker(
  [
    ["several_weekly", 0.3],
    ["weekly", 0.35],
    ["monthly", 0.25],
    ["rarely", 0.1],
  ] as const,
  ([, weight]) => weight,
);

/** One answer to the supermarket satisfaction index (supermarket-index). Cost: O(indicators). */
export function simulateSupermarketAnswer(random: Random, visit: Omit<CsatVisit, "isAfterImprovement">): SimulatedAnswer {
  const mood = normalDraw(random, 0, 0.5);
  const answers: Record<string, unknown> = {};
  let overall = 0;
  let weakest: { latent: number; indicator: Indicator } | null = null;
  let strongest: { latent: number; indicator: Indicator } | null = null;
  for (const indicator of SUPERMARKET_INDICATORS) {
    const latent = indicator.mean + (visit.isWeakerStore ? (indicator.weakerStore ?? 0) : 0) + mood + normalDraw(random, 0, 0.7);
    overall += indicator.weight * latent;
    if (indicator.skip && chance(random, indicator.skip)) continue;
    answers[indicator.key] = clampRound(latent, 1, 5);
    if (!weakest || latent < weakest.latent) weakest = { latent, indicator };
    if (!strongest || latent > strongest.latent) strongest = { latent, indicator };
  }
  const csat = clampRound(overall + normalDraw(random, 0, 0.35), 1, 5);
  answers.overall_csat = csat;
  for (const indicator of SUPERMARKET_INDICATORS) {
    if (indicator.importance) answers[`importance_${indicator.key}`] = clampRound(indicator.importance + normalDraw(random, 0, 0.7), 1, 5);
  }
  answers.visit_frequency = pickFrequency(random)[0];
  if (chance(random, csat <= 2 ? 0.7 : 0.4)) {
    const tone: CommentTone = csat >= 4 && chance(random, 0.25) ? "positive" : weakest!.latent < 2.5 ? "negative" : "suggestion";
    const about = tone === "positive" ? strongest! : weakest!;
    answers.improvement = drawComment(random, about.indicator.topic, tone, visit.language);
  }
  return { answers, complaint: csat <= 2 ? weakest!.indicator.topic : null };
}
