/**
 * What Kexin reads from a feedback text on arrival: its sentiment, its themes and its language. A star rating, when
 * given, is the customer's own verdict and counts as much as the words: the score is the mean of the text's
 * sentiment and the rating mapped onto [−1, 1] (1★ → −1, 3★ → 0, 5★ → 1); a text that says nothing either way
 * leaves the rating alone. Pure.
 */
import { detectLanguage, extractThemes, sentimentScore } from "../text/index.ts";

/** Themes kept per item: enough to filter and count by, few enough to read in a table row. */
export const THEMES_PER_FEEDBACK = 5;

export interface FeedbackAnalysis {
  sentiment: number;
  themes: string[];
  language: string;
}

export function ratingSentiment(rating: number): number {
  return (rating - 3) / 2;
}

export function analyseFeedback(body: string, rating: number | null, language?: string): FeedbackAnalysis {
  const textScore = sentimentScore(body);
  const score = rating === null ? textScore : textScore === 0 ? ratingSentiment(rating) : (textScore + ratingSentiment(rating)) / 2;
  return {
    sentiment: Math.round(score * 1000) / 1000,
    themes: extractThemes([body], THEMES_PER_FEEDBACK).map((theme) => theme.term),
    language: language ?? detectLanguage(body),
  };
}
