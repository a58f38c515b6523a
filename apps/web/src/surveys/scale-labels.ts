/**
 * The words on the points of rating scales, in the three languages a survey can be written in. A survey stores
 * only which set a scale uses (`labels: "satisfaction"`); the words live here so every survey says them the same
 * way. Point 1 is always the most negative end. Kano and NPS anchors are here too.
 *
 * The respondent page (src/respond) borrows this file, so it must stay free of run-time imports (types only).
 */
import type { Locale, Question, ScaleLabels } from "@kexin/contracts";

type Words = Readonly<Record<Locale, readonly string[]>>;

export const SCALE_LABELS: Readonly<Record<ScaleLabels, Readonly<Record<5 | 7, Words>>>> = {
  satisfaction: {
    5: {
      "zh-CN": ["很不满意", "不满意", "一般", "满意", "很满意"],
      en: ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
      "zh-TW": ["很不滿意", "不滿意", "普通", "滿意", "很滿意"],
    },
    7: {
      "zh-CN": ["很不满意", "不满意", "比较不满意", "一般", "比较满意", "满意", "很满意"],
      en: ["Very dissatisfied", "Dissatisfied", "Somewhat dissatisfied", "Neutral", "Somewhat satisfied", "Satisfied", "Very satisfied"],
      "zh-TW": ["很不滿意", "不滿意", "比較不滿意", "普通", "比較滿意", "滿意", "很滿意"],
    },
  },
  agreement: {
    5: {
      "zh-CN": ["非常不同意", "不同意", "中立", "同意", "非常同意"],
      en: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
      "zh-TW": ["非常不同意", "不同意", "中立", "同意", "非常同意"],
    },
    7: {
      "zh-CN": ["非常不同意", "不同意", "有点不同意", "中立", "有点同意", "同意", "非常同意"],
      en: ["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree"],
      "zh-TW": ["非常不同意", "不同意", "有點不同意", "中立", "有點同意", "同意", "非常同意"],
    },
  },
  importance: {
    5: {
      "zh-CN": ["很不重要", "不重要", "一般", "重要", "很重要"],
      en: ["Very unimportant", "Unimportant", "Neutral", "Important", "Very important"],
      "zh-TW": ["很不重要", "不重要", "普通", "重要", "很重要"],
    },
    7: {
      "zh-CN": ["极不重要", "很不重要", "不太重要", "一般", "比较重要", "很重要", "极其重要"],
      en: ["Extremely unimportant", "Very unimportant", "Somewhat unimportant", "Neutral", "Somewhat important", "Very important", "Extremely important"],
      "zh-TW": ["極不重要", "很不重要", "不太重要", "普通", "比較重要", "很重要", "極其重要"],
    },
  },
  quality: {
    5: {
      "zh-CN": ["很差", "较差", "一般", "较好", "很好"],
      en: ["Very poor", "Poor", "Fair", "Good", "Very good"],
      "zh-TW": ["很差", "較差", "普通", "較好", "很好"],
    },
    7: {
      "zh-CN": ["极差", "很差", "较差", "一般", "较好", "很好", "极好"],
      en: ["Extremely poor", "Very poor", "Poor", "Fair", "Good", "Very good", "Excellent"],
      "zh-TW": ["極差", "很差", "較差", "普通", "較好", "很好", "極好"],
    },
  },
  likelihood: {
    5: {
      "zh-CN": ["肯定不会", "可能不会", "不确定", "可能会", "肯定会"],
      en: ["Definitely not", "Probably not", "Not sure", "Probably", "Definitely"],
      "zh-TW": ["肯定不會", "可能不會", "不確定", "可能會", "肯定會"],
    },
    7: {
      "zh-CN": ["肯定不会", "很可能不会", "可能不会", "不确定", "可能会", "很可能会", "肯定会"],
      en: ["Definitely not", "Very unlikely", "Unlikely", "Not sure", "Likely", "Very likely", "Definitely"],
      "zh-TW": ["肯定不會", "很可能不會", "可能不會", "不確定", "可能會", "很可能會", "肯定會"],
    },
  },
  effort: {
    5: {
      "zh-CN": ["非常费力", "比较费力", "一般", "比较省力", "非常省力"],
      en: ["Very difficult", "Difficult", "Neither difficult nor easy", "Easy", "Very easy"],
      "zh-TW": ["非常費力", "比較費力", "普通", "比較省力", "非常省力"],
    },
    7: {
      "zh-CN": ["极其费力", "非常费力", "比较费力", "一般", "比较省力", "非常省力", "极其省力"],
      en: ["Extremely difficult", "Very difficult", "Somewhat difficult", "Neither difficult nor easy", "Somewhat easy", "Very easy", "Extremely easy"],
      "zh-TW": ["極其費力", "非常費力", "比較費力", "普通", "比較省力", "非常省力", "極其省力"],
    },
  },
};

/** Kano answer codes 1–5 (the order packages/analytics classifies): like, must be, neutral, live with, dislike. */
export const KANO_ANSWER_LABELS: Words = {
  "zh-CN": ["我很喜欢", "理应如此", "无所谓", "能够忍受", "我很不喜欢"],
  en: ["I like it", "It must be that way", "I am neutral", "I can live with it", "I dislike it"],
  "zh-TW": ["我很喜歡", "理應如此", "無所謂", "能夠忍受", "我很不喜歡"],
};

/** The two ends of the 0–10 recommendation scale. */
export const NPS_ANCHORS: Readonly<Record<Locale, readonly [string, string]>> = {
  "zh-CN": ["完全不可能", "极有可能"],
  en: ["Not at all likely", "Extremely likely"],
  "zh-TW": ["完全不可能", "極有可能"],
};

/** Which wording a question's points carry: chosen for likert and matrix, fixed by the method for the others. */
export function labelSetOf(question: Question): ScaleLabels | null {
  switch (question.type) {
    case "likert":
    case "matrix":
      return question.labels;
    case "csat":
    case "competitor":
      return "satisfaction";
    // CES and SERVQUAL ask how far the respondent agrees with a statement.
    case "ces":
    case "expectation_perception":
      return "agreement";
    case "importance":
      return "importance";
    default:
      return null;
  }
}

/** The words for each point of a scale, 1 first. */
export function scaleWords(labels: ScaleLabels, points: 5 | 7, locale: Locale): readonly string[] {
  return SCALE_LABELS[labels][points][locale];
}
