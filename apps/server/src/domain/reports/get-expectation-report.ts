/**
 * The expectation-vs-perception report: for each respondent c = b/a, their mean perception b over their mean
 * expectation a on the expectation/perception items they rated (analytics satisfactionRatio), read as regular
 * (perception above expectation), uncertain (about equal) or rare (below); plus each attribute's means and ratio.
 */
import { mean, satisfactionRatio, type SatisfactionReading } from "@kexin/analytics";
import type { ExpectationReport, ReportQuery } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { loadRespondentRows, numberAnswer } from "./load-respondent-rows.ts";
import { loadReportContext, reportScope, readReport } from "./report-context.ts";
import { reportNotApplicable } from "./report-errors.ts";

/** |c − 1| within this reads "uncertain" (analytics' default). */
export const RATIO_TOLERANCE = 0.02;
const BIN_WIDTH = 0.1;
const BIN_COUNT = 20;
const READINGS: SatisfactionReading[] = ["regular", "uncertain", "rare"];

export function getExpectationReport(args: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ReportQuery>;
  now?: Date;
}): Promise<ExpectationReport> {
  return readReport(args.db, (db) => buildExpectationReport({ ...args, db }));
}

async function buildExpectationReport({ db, actor, surveyId, input, now }: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ReportQuery>;
  now?: Date;
}): Promise<ExpectationReport> {
  const context = await loadReportContext(db, actor, surveyId, input, now);
  const items = context.questions.filter((entry) => entry.question.type === "expectation_perception");
  if (items.length === 0) throw reportNotApplicable("this survey has no expectation/perception questions");
  const sample = await loadRespondentRows(db, context, items.map((e) => e.question.key));

  const ratios: number[] = [];
  const split = new Map<SatisfactionReading, number>(READINGS.map((r) => [r, 0]));
  const itemValues = items.map(() => ({ expectation: [] as number[], perception: [] as number[] }));
  for (const row of sample.rows) {
    const expected: number[] = [];
    const perceived: number[] = [];
    items.forEach((entry, i) => {
      const e = numberAnswer(row, entry, "expectation");
      const p = numberAnswer(row, entry, "perception");
      if (e === null || p === null) return;
      expected.push(e);
      perceived.push(p);
      itemValues[i].expectation.push(e);
      itemValues[i].perception.push(p);
    });
    if (expected.length === 0) continue;
    const { ratio, reading } = satisfactionRatio(mean(perceived), mean(expected), RATIO_TOLERANCE);
    ratios.push(ratio);
    split.set(reading, split.get(reading)! + 1);
  }
  const bins = Array.from({ length: BIN_COUNT }, (_, i) => ({ from: i * BIN_WIDTH, to: (i + 1) * BIN_WIDTH, count: 0 }));
  for (const ratio of ratios) bins[Math.min(BIN_COUNT - 1, Math.floor(ratio / BIN_WIDTH + 1e-9))].count++;

  return {
    scope: reportScope(context, { sampleSize: sample.rows.length, isSampled: sample.isSampled }),
    tolerance: RATIO_TOLERANCE,
    respondents: ratios.length,
    meanRatio: ratios.length === 0 ? null : mean(ratios),
    split: READINGS.map((reading) => ({
      reading,
      count: split.get(reading)!,
      share: ratios.length === 0 ? 0 : split.get(reading)! / ratios.length,
    })),
    ratioBins: bins.map((bin) => ({ from: Math.round(bin.from * 10) / 10, to: Math.round(bin.to * 10) / 10, count: bin.count })),
    attributes: items.flatMap((entry, i) => {
      const { expectation, perception } = itemValues[i];
      if (expectation.length === 0) return [];
      const a = mean(expectation);
      const b = mean(perception);
      const { ratio, reading } = satisfactionRatio(b, a, RATIO_TOLERANCE);
      return [{ question: entry.question.key, title: entry.question.title, n: expectation.length, expectation: a, perception: b, gap: b - a, ratio, reading }];
    }),
  };
}
