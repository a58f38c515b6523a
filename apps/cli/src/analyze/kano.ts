/**
 * `kexin analyze kano` — Kano classification of features from paired functional/dysfunctional answers.
 */
import { classifyKanoFeature, type KanoCategory } from "@kexin/analytics";
import type { Command } from "commander";
import { columnIndex, printJson, readJson, readTable, type Table } from "./read-table.ts";
import { UsageError } from "./usage-error.ts";

/** One feature: its name and the CSV columns holding its functional and dysfunctional answers. */
export interface KanoPair {
  feature: string;
  functional: string;
  dysfunctional: string;
}

/** What `kexin analyze kano` prints: one entry per feature, in the order of the pairs file. */
export interface KanoCommandOutput {
  features: {
    feature: string;
    n: number;
    counts: Record<KanoCategory, number>;
    category: KanoCategory;
    categoryName: string;
    categoryLabel: string;
    better: number | null;
    worse: number | null;
    strengths: { total: number; category: number };
    significance: { isSignificant: boolean; runnerUp: KanoCategory; difference: number; criticalValue: number };
  }[];
}

function parsePairs(file: string, value: unknown): KanoPair[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new UsageError(`${file} must be a non-empty JSON array of {"feature", "functional", "dysfunctional"}`);
  }
  return value.map((item, i) => {
    const pair = item as Partial<Record<keyof KanoPair, unknown>>;
    for (const key of ["feature", "functional", "dysfunctional"] as const) {
      if (typeof pair?.[key] !== "string" || (pair[key] as string).length === 0) {
        throw new UsageError(`${file}: pair ${i + 1} needs a non-empty string "${key}"`);
      }
    }
    return pair as KanoPair;
  });
}

function answer(table: Table, row: number, column: number): number | null {
  const text = table.rows[row][column] ?? "";
  if (text === "") return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    // line = row + 2: the header is line 1
    throw new UsageError(`${table.file} line ${row + 2}: ${table.columns[column]} is "${text}", but Kano answers must be 1–5`);
  }
  return value;
}

/**
 * Classifies every feature named in the pairs. A respondent who left either question of a pair blank is left out
 * of that feature only.
 * @throws UsageError on a bad pairs file, a missing column, an answer outside 1–5 (naming the line), or a feature
 * nobody answered.
 */
export function kanoFromFiles(dataFile: string, pairsFile: string): KanoCommandOutput {
  const pairs = parsePairs(pairsFile, readJson(pairsFile));
  const table = readTable(dataFile);
  const features = pairs.map((pair) => {
    const fi = columnIndex(table, pair.functional);
    const di = columnIndex(table, pair.dysfunctional);
    const functional: number[] = [];
    const dysfunctional: number[] = [];
    for (let row = 0; row < table.rows.length; row++) {
      const f = answer(table, row, fi);
      const d = answer(table, row, di);
      if (f === null || d === null) continue;
      functional.push(f);
      dysfunctional.push(d);
    }
    if (functional.length === 0) throw new UsageError(`${dataFile}: nobody answered both questions of feature "${pair.feature}"`);
    const r = classifyKanoFeature(functional, dysfunctional);
    return {
      feature: pair.feature,
      n: r.n,
      counts: r.counts,
      category: r.category,
      categoryName: r.categoryName,
      categoryLabel: r.categoryLabel,
      better: r.better,
      worse: r.worse,
      strengths: r.strength,
      significance: r.significance,
    };
  });
  return { features };
}

/** Registers `analyze kano` on the `analyze` command. */
export function registerKanoCommand(analyze: Command): void {
  analyze
    .command("kano")
    .description("Kano categories, better/worse coefficients, strengths and Fong's test per feature")
    .requiredOption("--data <file>", "survey CSV: one row per respondent, answers 1 like … 5 dislike")
    .requiredOption("--pairs <file>", 'JSON [{"feature", "functional", "dysfunctional"}] naming CSV columns')
    .action((flags: { data: string; pairs: string }) => {
      printJson(kanoFromFiles(flags.data, flags.pairs));
    });
}
