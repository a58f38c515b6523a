/**
 * Counts of every answer to every question: each question becomes one or more counted columns (its rating, each
 * part or row, each option of a multiple choice, "answered"), counted in the database (answer-tuples.ts), so a
 * million answers come back as a few hundred rows. Answers of versions where the key meant something else (another
 * type or scale) are not counted.
 */
import { OWN_RATING_KEY, scaleRange } from "@kexin/contracts";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import { countTuples, packColumns, tallyColumns, type TupleColumn } from "./answer-tuples.ts";
import type { CatalogQuestion, ReportContext } from "./report-context.ts";

/** Answer text (a number or an option key) → how many gave it. */
export type AnswerTally = Map<string, number>;

export interface AnswerCounts {
  /** Responses (of a compatible version) holding an answer to the question. */
  answered: Map<string, number>;
  /** Scale and single-choice questions: their answers. */
  values: Map<string, AnswerTally>;
  /** Pair, matrix and competitor questions: part or row → its answers. */
  parts: Map<string, Map<string, AnswerTally>>;
  /** Multiple-choice questions: option → how many chose it. */
  selections: Map<string, AnswerTally>;
}

export const emptyAnswerCounts = (): AnswerCounts => ({ answered: new Map(), values: new Map(), parts: new Map(), selections: new Map() });

/** What a counted column holds for its question. */
export type ColumnTarget = { kind: "value" } | { kind: "part"; part: string } | { kind: "option"; option: string } | { kind: "answered" };

export interface AnswerColumn extends TupleColumn {
  question: string;
  target: ColumnTarget;
}

/** The expression, limited to the versions where the key has this question's type and scale. */
function forVersions(entry: CatalogQuestion, context: ReportContext, expression: RawBuilder<unknown>): RawBuilder<unknown> {
  if (context.versions.every((v) => entry.versions.has(v))) return expression;
  return sql`case when r.version = any(${[...entry.versions]}::int[]) then ${expression} end`;
}

/** The counted columns of one question. */
export function answerColumns(entry: CatalogQuestion, context: ReportContext): AnswerColumn[] {
  const { question } = entry;
  const key = question.key;
  const range = scaleRange(question);
  const points = range ? range.max - range.min + 2 : 2;
  const column = (target: ColumnTarget, expression: RawBuilder<unknown>, cardinality: number): AnswerColumn => ({
    question: key,
    target,
    expression: forVersions(entry, context, expression),
    cardinality,
  });
  const answered = column({ kind: "answered" }, sql`jsonb_exists(r.answers, ${key}::text)`, 2);
  const part = (name: string) => column({ kind: "part", part: name }, sql`r.answers -> ${key}::text ->> ${name}::text`, points);
  switch (question.type) {
    case "likert":
    case "csat":
    case "nps":
    case "ces":
    case "importance":
      return [column({ kind: "value" }, sql`r.answers ->> ${key}::text`, points)];
    case "single_choice":
      return [column({ kind: "value" }, sql`r.answers ->> ${key}::text`, question.options.length + 1)];
    case "expectation_perception":
      return [answered, part("expectation"), part("perception")];
    case "kano":
      return [answered, part("functional"), part("dysfunctional")];
    case "matrix":
      return [answered, ...question.rows.map((row) => part(row.key))];
    case "competitor":
      return [answered, part(OWN_RATING_KEY), ...question.competitors.map((c) => part(c.key))];
    case "multiple_choice":
      return [
        answered,
        ...question.options.map((option) =>
          column({ kind: "option", option: option.key }, sql`jsonb_exists(r.answers -> ${key}::text, ${option.key}::text)`, 3),
        ),
      ];
    case "text":
      // Stored answers never hold empty text (validation drops it), so holding the key means answering.
      return [column({ kind: "answered" }, sql`jsonb_exists(r.answers, ${key}::text)`, 2)];
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

/** Adds the tallies of columns to the counts. */
export function addColumnTallies(counts: AnswerCounts, columns: readonly AnswerColumn[], tallies: readonly AnswerTally[]): void {
  columns.forEach((column, i) => {
    const tally = tallies[i];
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    switch (column.target.kind) {
      case "value":
        counts.values.set(column.question, tally);
        counts.answered.set(column.question, total);
        break;
      case "answered":
        counts.answered.set(column.question, tally.get("true") ?? 0);
        break;
      case "part":
        getOrCreate(counts.parts, column.question, () => new Map()).set(column.target.part, tally);
        break;
      case "option": {
        const chosen = tally.get("true") ?? 0;
        getOrCreate(counts.selections, column.question, () => new Map()).set(column.target.option, chosen);
        break;
      }
    }
  });
}

/**
 * Counts the answers to every question except `skip` (counted elsewhere, e.g. with the trend), in as few passes as
 * keep each result small; the passes run side by side.
 */
export async function loadAnswerCounts(db: Kysely<DB>, context: ReportContext, skip: ReadonlySet<string> = new Set()): Promise<AnswerCounts> {
  const counts = emptyAnswerCounts();
  const columns = context.questions.filter((e) => !skip.has(e.question.key)).flatMap((entry) => answerColumns(entry, context));
  const groups = packColumns(columns);
  const results = await Promise.all(groups.map((group) => countTuples(db, context, group)));
  groups.forEach((group, g) => addColumnTallies(counts, group, tallyColumns(results[g], group.length)));
  return counts;
}
