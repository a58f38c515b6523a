/** Each question's distribution, from the answer counts, shaped by the kind of answer it takes. */
import {
  type LocalizedText,
  OWN_RATING_KEY,
  type QuestionDistribution,
  type QuestionReport,
  type ReportQuestion,
  type ReportTheme,
  scaleRange,
} from "@kexin/contracts";
import type { AnswerCounts, AnswerTally } from "./load-answer-counts.ts";
import type { CatalogQuestion } from "./report-context.ts";
import { cesMetric, csatMetric, histogramOfTally, npsMetric, scaleStats } from "./report-metrics.ts";

export function describeQuestion(entry: CatalogQuestion): ReportQuestion {
  const { question } = entry;
  return {
    key: question.key,
    type: question.type,
    title: question.title,
    page: entry.page,
    indicator: question.indicator ?? null,
    construct: question.construct ?? null,
  };
}

/** Known rows (or options) first in their defined order, then any keys older versions allowed. */
function orderedKeys(known: readonly { key: string; label: LocalizedText }[], seen: Iterable<string>) {
  const labels = new Map(known.map((item) => [item.key, item.label]));
  const extra = [...seen].filter((key) => !labels.has(key)).sort();
  return [...known.map((item) => item.key), ...extra].map((key) => ({ key, label: labels.get(key) ?? null }));
}

function distributionOf(entry: CatalogQuestion, counts: AnswerCounts, themes: ReadonlyMap<string, ReportTheme[]>): QuestionDistribution {
  const { question } = entry;
  const key = question.key;
  const range = scaleRange(question);
  switch (question.type) {
    case "likert":
    case "csat":
    case "nps":
    case "ces":
    case "importance": {
      const histogram = histogramOfTally(counts.values.get(key), range!);
      return {
        kind: "scale",
        stats: scaleStats(histogram, range!),
        csat: question.type === "csat" ? csatMetric(histogram) : null,
        nps: question.type === "nps" ? npsMetric(histogram) : null,
        ces: question.type === "ces" ? cesMetric(histogram) : null,
      };
    }
    case "expectation_perception":
    case "kano": {
      const names = question.type === "kano" ? (["functional", "dysfunctional"] as const) : (["expectation", "perception"] as const);
      const parts = counts.parts.get(key);
      return {
        kind: "pair",
        parts: names.map((part) => ({ part, stats: scaleStats(histogramOfTally(parts?.get(part), range!), range!) })),
      };
    }
    case "matrix":
    case "competitor": {
      const parts = counts.parts.get(key) ?? new Map<string, AnswerTally>();
      const known =
        question.type === "matrix"
          ? question.rows
          : [{ key: OWN_RATING_KEY, label: { "zh-CN": "我们", en: "Us", "zh-TW": "我們" } }, ...question.competitors];
      return {
        kind: "rows",
        rows: orderedKeys(known, parts.keys()).map(({ key: row, label }) => ({
          row,
          label,
          stats: scaleStats(histogramOfTally(parts.get(row), range!), range!),
        })),
      };
    }
    case "single_choice":
    case "multiple_choice": {
      const tally = (question.type === "single_choice" ? counts.values.get(key) : counts.selections.get(key)) ?? new Map<string, number>();
      const n = counts.answered.get(key) ?? 0;
      return {
        kind: "choice",
        n,
        options: orderedKeys(question.options, tally.keys()).map(({ key: option, label }) => {
          const count = tally.get(option) ?? 0;
          return { key: option, label, count, share: n === 0 ? 0 : count / n };
        }),
      };
    }
    case "text":
      return { kind: "text", n: counts.answered.get(key) ?? 0, themes: themes.get(key) ?? [] };
  }
}

export function questionReports(
  questions: readonly CatalogQuestion[],
  counts: AnswerCounts,
  themes: ReadonlyMap<string, ReportTheme[]>,
): QuestionReport[] {
  return questions.map((entry) => ({
    question: describeQuestion(entry),
    answered: counts.answered.get(entry.question.key) ?? 0,
    distribution: distributionOf(entry, counts, themes),
  }));
}
