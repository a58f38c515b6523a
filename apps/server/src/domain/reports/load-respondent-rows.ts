/**
 * Per-respondent answers for the reports that need whole answer sets (indicator index, PLS model, SERVQUAL,
 * expectation ratio): the newest `cap` responses matching the filters, only the keys asked for. When more
 * responses match, the report says so (isSampled).
 */
import { mean, normalizeToHundred } from "@kexin/analytics";
import { OWN_RATING_KEY, type Question, scaleRange } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { CatalogQuestion, ReportContext } from "./report-context.ts";

export const RESPONDENT_CAP = 50_000;

export interface RespondentRow {
  version: number;
  answers: Record<string, unknown>;
}

export interface RespondentSample {
  rows: RespondentRow[];
  isSampled: boolean;
}

export async function loadRespondentRows(
  db: Kysely<DB>,
  context: ReportContext,
  keys: readonly string[],
  cap = RESPONDENT_CAP,
): Promise<RespondentSample> {
  if (keys.length === 0 || context.versions.length === 0) return { rows: [], isSampled: false };
  const result = await sql<{ version: number; answers: Record<string, unknown> | null }>`
    select r.version,
      (select jsonb_object_agg(e.key, e.value) from jsonb_each(r.answers) e where e.key = any(${keys}::text[])) as answers
    from survey_responses r
    where ${context.where}
    order by r.submitted_at desc, r.id
    limit ${cap}`.execute(db);
  return {
    rows: result.rows.map((row) => ({ version: row.version, answers: row.answers ?? {} })),
    isSampled: context.responses > cap,
  };
}

const isScaleNumber = (value: unknown, question: Question): value is number => {
  const range = scaleRange(question);
  return range !== null && typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max;
};

/** The raw answer to a question if its version is read, else undefined. */
function answerOf(row: RespondentRow, entry: CatalogQuestion): unknown {
  return entry.versions.has(row.version) ? row.answers[entry.question.key] : undefined;
}

/** One number on the question's own scale: a scale answer, a pair's part, a matrix/competitor row. */
export function numberAnswer(row: RespondentRow, entry: CatalogQuestion, part?: string): number | null {
  const answer = answerOf(row, entry);
  const value = part === undefined ? answer : typeof answer === "object" && answer !== null ? (answer as Record<string, unknown>)[part] : undefined;
  return isScaleNumber(value, entry.question) ? value : null;
}

/**
 * A question's performance answer rescaled to 0–100 (analytics normalizeToHundred): the rating of a scale, the
 * perception of an expectation/perception pair, our own rating of a competitor question, the mean of a matrix's rows.
 */
export function performanceAnswer(row: RespondentRow, entry: CatalogQuestion): number | null {
  const { question } = entry;
  const range = scaleRange(question);
  if (!range) return null;
  const rescale = (value: number | null) => (value === null ? null : normalizeToHundred(value, range));
  switch (question.type) {
    case "likert":
    case "csat":
    case "nps":
    case "ces":
    case "importance":
      return rescale(numberAnswer(row, entry));
    case "expectation_perception":
      return rescale(numberAnswer(row, entry, "perception"));
    case "competitor":
      return rescale(numberAnswer(row, entry, OWN_RATING_KEY));
    case "matrix": {
      const values = question.rows.map((r) => rescale(numberAnswer(row, entry, r.key))).filter((v): v is number => v !== null);
      return values.length === 0 ? null : mean(values);
    }
    default:
      return null;
  }
}
