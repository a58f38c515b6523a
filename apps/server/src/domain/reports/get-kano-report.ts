/**
 * The Kano report: for every Kano question, the answer pairs counted in the database (at most 25 valid cells per
 * question) and classified by analytics (Berger et al. table, better/worse coefficients, Fong's test), with what
 * the category means for 基本 / 期望（绩效）/ 兴奋（激励） quality.
 */
import { kanoFromPairCounts, type KanoPairCount } from "@kexin/analytics";
import type { KanoReport, ReportQuery } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { countTuples, packColumns } from "./answer-tuples.ts";
import { KANO_MEANINGS } from "./kano-meanings.ts";
import { answerColumns } from "./load-answer-counts.ts";
import { loadReportContext, reportScope, readReport } from "./report-context.ts";
import { reportNotApplicable } from "./report-errors.ts";

const isKanoAnswer = (value: number) => Number.isInteger(value) && value >= 1 && value <= 5;

export function getKanoReport(args: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ReportQuery>;
  now?: Date;
}): Promise<KanoReport> {
  return readReport(args.db, (db) => buildKanoReport({ ...args, db }));
}

async function buildKanoReport({ db, actor, surveyId, input, now }: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof ReportQuery>;
  now?: Date;
}): Promise<KanoReport> {
  const context = await loadReportContext(db, actor, surveyId, input, now);
  const questions = context.questions.filter((entry) => entry.question.type === "kano");
  if (questions.length === 0) throw reportNotApplicable("this survey has no Kano questions");
  // Each question's functional and dysfunctional answers, counted together (at most 36 pairs per question).
  const columns = questions.flatMap((entry) => answerColumns(entry, context).filter((column) => column.target.kind === "part"));
  // 6 values per part (1–5 or none): a limit of 36³ packs whole questions, three to a query.
  const groups = packColumns(columns, 36 ** 3);
  const results = await Promise.all(groups.map((group) => countTuples(db, context, group)));
  const pairsOf = new Map<string, Map<string, KanoPairCount>>();
  groups.forEach((group, g) => {
    for (let i = 0; i < group.length; i += 2) {
      const key = group[i].question;
      const cells = pairsOf.get(key) ?? new Map<string, KanoPairCount>();
      pairsOf.set(key, cells);
      for (const { values, n } of results[g]) {
        const functional = Number(values[i]);
        const dysfunctional = Number(values[i + 1]);
        if (values[i] === null || values[i + 1] === null || !isKanoAnswer(functional) || !isKanoAnswer(dysfunctional)) continue;
        const cell = cells.get(`${functional}:${dysfunctional}`) ?? { functional, dysfunctional, count: 0 };
        cell.count += n;
        cells.set(`${functional}:${dysfunctional}`, cell);
      }
    }
  });
  const features = questions.flatMap((entry) => {
    const pairs = [...(pairsOf.get(entry.question.key)?.values() ?? [])];
    if (pairs.length === 0 || entry.question.type !== "kano") return [];
    const result = kanoFromPairCounts(pairs);
    return [
      {
        question: entry.question.key,
        title: entry.question.title,
        feature: entry.question.feature,
        n: result.n,
        counts: result.counts,
        category: result.category,
        better: result.better,
        worse: result.worse,
        totalStrength: result.strength.total,
        categoryStrength: result.strength.category,
        isSignificant: result.significance.isSignificant,
        runnerUp: result.significance.runnerUp,
      },
    ];
  });
  return { scope: reportScope(context, { sampleSize: null, isSampled: false }), features, categories: [...KANO_MEANINGS] };
}
