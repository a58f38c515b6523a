/**
 * A plain-language reading of a PLS model report, in the reader's language: what drives each outcome most, how much
 * of it the model explains, the 0–100 indices, where improving pays most (IPMA), and measurement warnings.
 * Thresholds: ρC ≥ 0.7 and AVE ≥ 0.5 (Hair et al. 2022), HTMT < 0.9 (Henseler et al. 2015).
 */
import type { Locale, LocalizedText, ModelReport } from "@kexin/contracts";

type Phrases = {
  driver(driver: string, outcome: string, coefficient: string, note: string): string;
  significant: string;
  notSignificant: string;
  explained(outcome: string, percent: string, r2: string): string;
  index(construct: string, value: string): string;
  priority(construct: string, target: string, importance: string, performance: string): string;
  reliability(construct: string, rhoC: string, ave: string): string;
  htmt(a: string, b: string, value: string): string;
  sampled(n: number): string;
};

const PHRASES: Record<Locale, Phrases> = {
  "zh-CN": {
    driver: (d, o, c, note) => `${d}是${o}最强的驱动因素（路径系数 ${c}${note}）。`,
    significant: "，显著",
    notSignificant: "，不显著",
    explained: (o, p, r2) => `模型解释了${o}${p}% 的差异（R² = ${r2}）。`,
    index: (c, v) => `${c}指数为 ${v} 分（满分 100）。`,
    priority: (c, t, i, p) => `要提升${t}，优先改进${c}：其总效应最大（${i}），而表现为 ${p} 分，低于平均。`,
    reliability: (c, r, a) => `${c}的测量信度偏低（ρC = ${r}，AVE = ${a}），解读时需谨慎。`,
    htmt: (a, b, v) => `${a}与${b}区分度不足（HTMT = ${v}），两者可能在测同一件事。`,
    sampled: (n) => `本报告基于最新的 ${n} 份答卷。`,
  },
  "zh-TW": {
    driver: (d, o, c, note) => `${d}是${o}最強的驅動因素（路徑係數 ${c}${note}）。`,
    significant: "，顯著",
    notSignificant: "，不顯著",
    explained: (o, p, r2) => `模型解釋了${o}${p}% 的差異（R² = ${r2}）。`,
    index: (c, v) => `${c}指數為 ${v} 分（滿分 100）。`,
    priority: (c, t, i, p) => `要提升${t}，優先改進${c}：其總效應最大（${i}），而表現為 ${p} 分，低於平均。`,
    reliability: (c, r, a) => `${c}的測量信度偏低（ρC = ${r}，AVE = ${a}），解讀時需謹慎。`,
    htmt: (a, b, v) => `${a}與${b}區分度不足（HTMT = ${v}），兩者可能在測同一件事。`,
    sampled: (n) => `本報告基於最新的 ${n} 份答卷。`,
  },
  en: {
    driver: (d, o, c, note) => `${d} is the strongest driver of ${o} (path coefficient ${c}${note}).`,
    significant: ", significant",
    notSignificant: ", not significant",
    explained: (o, p, r2) => `The model explains ${p}% of the variation in ${o} (R² = ${r2}).`,
    index: (c, v) => `The ${c} index is ${v} out of 100.`,
    priority: (c, t, i, p) => `To raise ${t}, improve ${c} first: it has the largest total effect (${i}) and performs below average (${p}).`,
    reliability: (c, r, a) => `${c} is measured with low reliability (ρC = ${r}, AVE = ${a}); read it with care.`,
    htmt: (a, b, v) => `${a} and ${b} are not clearly distinct (HTMT = ${v}); they may measure the same thing.`,
    sampled: (n) => `This report reads the newest ${n} answers.`,
  },
};

const two = (value: number) => value.toFixed(2);
const one = (value: number) => value.toFixed(1);

export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] || text["zh-CN"] || text.en || text["zh-TW"] || Object.values(text).find(Boolean) || "";
}

export function modelReading(report: Omit<ModelReport, "reading">, locale: Locale): string[] {
  const phrases = PHRASES[locale];
  const name = new Map(report.constructs.map((c) => [c.key, localized(c.title, locale)]));
  const label = (key: string) => name.get(key) ?? key;
  const sentences: string[] = [];
  const outcomes = report.constructs.filter((c) => c.rSquared !== null);
  for (const outcome of outcomes) {
    const incoming = report.paths.filter((p) => p.to === outcome.key).sort((a, b) => b.estimate - a.estimate);
    const strongest = incoming[0];
    if (strongest) {
      const note = strongest.bootstrap ? (strongest.bootstrap.isSignificant ? phrases.significant : phrases.notSignificant) : "";
      sentences.push(phrases.driver(label(strongest.from), label(outcome.key), two(strongest.estimate), note));
    }
    sentences.push(phrases.explained(label(outcome.key), (100 * outcome.rSquared!).toFixed(0), two(outcome.rSquared!)));
  }
  for (const construct of report.constructs) sentences.push(phrases.index(label(construct.key), one(construct.index)));
  const map = report.importancePerformance;
  if (map && map.constructs.length > 0) {
    const averagePerformance = map.constructs.reduce((total, c) => total + c.performance, 0) / map.constructs.length;
    const candidates = map.constructs.filter((c) => c.performance <= averagePerformance).sort((a, b) => b.importance - a.importance);
    if (candidates[0]) {
      sentences.push(phrases.priority(label(candidates[0].key), label(map.target), two(candidates[0].importance), one(candidates[0].performance)));
    }
  }
  for (const construct of report.constructs) {
    const { rhoC, ave } = construct.reliability;
    if (construct.indicators.length > 1 && (rhoC < 0.7 || ave < 0.5)) sentences.push(phrases.reliability(label(construct.key), two(rhoC), two(ave)));
  }
  for (const { a, b, value } of report.htmt) {
    if (value !== null && value >= 0.9) sentences.push(phrases.htmt(label(a), label(b), two(value)));
  }
  if (report.scope.isSampled && report.scope.sampleSize !== null) sentences.push(phrases.sampled(report.scope.sampleSize));
  return sentences;
}
