/**
 * Simulated answers to the ECSI questionnaire (template ecsi-model) from a known structural model, so the model
 * report has a truth to recover. analytics' simulatePlsData draws standardised construct scores and items from the
 * paths below (every construct has variance 1; each item loads LOADING on its construct), and each item is then
 * placed on the 1–7 scale around its construct's typical level (CENTRES) and rounded. Rounding to seven points
 * barely weakens the correlations, so PLS on the stored answers recovers the paths within sampling error
 * (about ±0.05 at 400 answers) less PLS's usual slight attenuation of strong paths.
 *
 * True paths, chosen to read like published ECSI studies (quality drives satisfaction most; satisfaction drives
 * loyalty, with image adding to both):
 *
 * | path        | β    |   | path        | β    |
 * |-------------|------|---|-------------|------|
 * | IMAG → CUEX | 0.50 |   | PERQ → PERV | 0.55 |
 * | IMAG → CUSA | 0.20 |   | PERQ → CUSA | 0.45 |
 * | IMAG → CUSL | 0.25 |   | PERV → CUSA | 0.25 |
 * | CUEX → PERQ | 0.55 |   | CUEX → CUSA | 0.05 |
 * | CUEX → PERV | 0.10 |   | CUSA → CUSL | 0.55 |
 */
import { normalDraw, simulatePlsData, type PlsModel, type Random } from "@kexin/analytics";
import { listQuestions, type SurveyDefinition } from "@kexin/contracts";
import { chance, pick } from "./draws.ts";
import { clampRound, type SimulatedAnswer } from "./simulate-survey-answers.ts";
import { drawComment, type CommentLanguage, type CommentTone, type CommentTopic } from "./survey-comments.ts";

/** The true standardised path coefficients, keyed "from→to" by the template's construct keys. */
export const ECSI_TRUE_PATHS: Readonly<Record<string, number>> = {
  "imag→cuex": 0.5,
  "imag→cusa": 0.2,
  "imag→cusl": 0.25,
  "cuex→perq": 0.55,
  "cuex→perv": 0.1,
  "cuex→cusa": 0.05,
  "perq→perv": 0.55,
  "perq→cusa": 0.45,
  "perv→cusa": 0.25,
  "cusa→cusl": 0.55,
};

/** Every item's true loading: reliable, well-worded items, as a mature questionnaire has. */
export const ECSI_LOADING = 0.92;

/** Where each construct's items sit on the 1–7 scale (the answer at a construct score of 0), and how widely they spread. */
const CENTRES: Record<string, number> = { imag: 5.0, cuex: 5.2, perq: 4.9, perv: 4.4, cusa: 4.8, cusl: 4.6 };
const SPREAD = 1.15;
/** A few items sit a little off their construct's level: fewer agree the firm is innovative or would stay at any price. */
const ITEM_OFFSETS: Record<string, number> = { imag_innovative: -0.5, imag_society: -0.3, cusl_price_tolerance: -0.6, perv_price_for_quality: -0.2 };

/** What a comment is about when a construct is the respondent's weakest. */
const CONSTRUCT_TOPICS: Record<string, readonly CommentTopic[]> = {
  imag: ["general"],
  cuex: ["general"],
  perq: ["freshness", "stock", "staff"],
  perv: ["price"],
  cusa: ["general", "staff"],
  cusl: ["price", "general"],
};

/** The PLS model of an ECSI definition: its constructs, their items (questions tied with `construct`) and paths. */
export function ecsiPlsModel(definition: Pick<SurveyDefinition, "pages" | "model">): PlsModel {
  if (!definition.model) throw new Error("the ECSI definition has no structural model");
  const questions = listQuestions(definition);
  return {
    constructs: definition.model.constructs.map((construct) => ({
      name: construct.key,
      mode: construct.mode,
      indicators: questions.filter((question) => question.construct === construct.key).map((question) => question.key),
    })),
    paths: definition.model.paths.map((path) => [path.from, path.to] as const),
  };
}

/** One simulated respondent: the ratings, and what their comment (if they write one) is about. */
export interface EcsiDraw {
  answers: Record<string, unknown>;
  complaint: CommentTopic | null;
  comment: { topic: CommentTopic; tone: CommentTone } | null;
}

/**
 * `count` respondents to the ECSI questionnaire. The comment's words are chosen later (ecsiAnswerIn), once the
 * respondent's language is known. Cost: O(count × items).
 * @throws Error when the definition has a path ECSI_TRUE_PATHS does not give.
 */
export function simulateEcsiAnswers(random: Random, definition: Pick<SurveyDefinition, "pages" | "model">, count: number): EcsiDraw[] {
  const model = ecsiPlsModel(definition);
  const pathCoefficients = model.paths.map(([from, to]) => {
    const beta = ECSI_TRUE_PATHS[`${from}→${to}`];
    if (beta === undefined) throw new Error(`no true coefficient for the path ${from} → ${to}`);
    return beta;
  });
  const loadings = Object.fromEntries(model.constructs.flatMap((construct) => construct.indicators.map((item) => [item, ECSI_LOADING])));
  const data = simulatePlsData({ model, pathCoefficients, loadings, rows: count, random });
  return Array.from({ length: count }, (_, row) => {
    const answers: Record<string, unknown> = {};
    const constructMeans = model.constructs.map((construct) => {
      let sum = 0;
      for (const item of construct.indicators) {
        const value = clampRound(CENTRES[construct.name] + (ITEM_OFFSETS[item] ?? 0) + SPREAD * data[item][row], 1, 7);
        answers[item] = value;
        sum += value;
      }
      return { construct: construct.name, mean: sum / construct.indicators.length };
    });
    const satisfaction = constructMeans.find((entry) => entry.construct === "cusa")!.mean;
    // The most recent contact follows overall satisfaction loosely (one contact is not the relationship).
    const recentCsat = clampRound(1.3 + ((satisfaction - 1) * 4) / 6 + normalDraw(random, 0, 0.5), 1, 5);
    answers.recent_csat = recentCsat;
    const tone: CommentTone = recentCsat <= 2 ? "negative" : recentCsat >= 4 ? "positive" : "suggestion";
    const sorted = [...constructMeans].sort((a, b) => a.mean - b.mean);
    const topic = pick(random, CONSTRUCT_TOPICS[(tone === "positive" ? sorted[sorted.length - 1] : sorted[0]).construct]);
    const comment = chance(random, recentCsat <= 2 ? 0.6 : 0.25) ? { topic, tone } : null;
    return { answers, complaint: recentCsat <= 2 ? topic : null, comment };
  });
}

/** The respondent's answers with their comment written in `language`. */
export function ecsiAnswerIn(random: Random, draw: EcsiDraw, language: CommentLanguage): SimulatedAnswer {
  const answers = draw.comment ? { ...draw.answers, comments: drawComment(random, draw.comment.topic, draw.comment.tone, language) } : draw.answers;
  return { answers, complaint: draw.complaint };
}
