/**
 * The few words the server itself writes about an answer — follow-up task titles and the timeline line — in the
 * survey's first language. Stored as text, so staff read them as they were written.
 */
import type { AnswerValue, Answers, Locale, LocalizedText, Question, SurveyDefinition } from "@kexin/contracts";
import { listQuestions } from "@kexin/contracts";

const PHRASES = {
  followUp: { "zh-CN": "跟进", en: "follow up", "zh-TW": "跟進" },
  negativeComment: { "zh-CN": "负面意见", en: "Negative comment", "zh-TW": "負面意見" },
} satisfies Record<string, Record<Locale, string>>;

/** Scores named by their usual abbreviation on the timeline and in task titles. */
const SCORE_LABELS: Partial<Record<Question["type"], string>> = { nps: "NPS", csat: "CSAT", ces: "CES" };

export const truncate = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The text in `language`, else in the first language it has. */
export function localized(text: LocalizedText | undefined, language: Locale): string {
  if (!text) return "";
  return text[language] || Object.values(text).find((value) => value) || "";
}

export function phrase(key: keyof typeof PHRASES, language: Locale): string {
  return PHRASES[key][language];
}

/** "NPS" for score questions, else the question's title (shortened). */
export function questionLabel(question: Question, language: Locale): string {
  return SCORE_LABELS[question.type] ?? truncate(localized(question.title, language), 40);
}

/** An answer as one line of text: a number, an option's label, a text (shortened). */
export function answerText(question: Question, value: AnswerValue, language: Locale): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (question.type === "single_choice") {
      return localized(question.options.find((option) => option.key === value)?.label, language) || value;
    }
    return truncate(value, 500);
  }
  if (Array.isArray(value)) return value.join(", ");
  return Object.entries(value)
    .map(([key, rating]) => `${key} ${rating}`)
    .join(", ");
}

/** "NPS 3 · CSAT 2": the score questions answered, in order; empty when the survey has none. */
export function keyScores(definition: Pick<SurveyDefinition, "pages">, answers: Answers): string {
  return listQuestions(definition)
    .filter((question) => SCORE_LABELS[question.type] && typeof answers[question.key] === "number")
    .slice(0, 5)
    .map((question) => `${SCORE_LABELS[question.type]} ${answers[question.key] as number}`)
    .join(" · ");
}

/** The open-text answers, one per line, for the body of the timeline entry. */
export function textAnswers(definition: Pick<SurveyDefinition, "pages">, answers: Answers, language: Locale): string | null {
  const lines = listQuestions(definition)
    .filter((question) => question.type === "text" && typeof answers[question.key] === "string")
    .map((question) => `${localized(question.title, language)}: ${answers[question.key] as string}`);
  return lines.length ? truncate(lines.join("\n"), 10_000) : null;
}

/**
 * The "survey" entry an identified answer leaves on the customer's timeline: "<survey> · NPS 3 · CSAT 2" and the
 * open-text answers as its body. Live answers and the demo seed both write it through here.
 */
export function surveyTimelineEntry(
  surveyName: string,
  definition: Pick<SurveyDefinition, "pages" | "languages">,
  answers: Answers,
): { summary: string; body: string | null } {
  const scores = keyScores(definition, answers);
  return {
    summary: truncate(scores ? `${surveyName} · ${scores}` : surveyName, 200),
    body: textAnswers(definition, answers, definition.languages[0]),
  };
}
