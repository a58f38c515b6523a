/**
 * Themes of the open-text answers, by the text analysis of the feedback inbox (extractThemes). Each text question
 * reads its newest answers only (THEME_SAMPLE), through the report index, so a million answers stay cheap.
 */
import type { ReportTheme } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { extractThemes } from "../text/index.ts";
import type { ReportContext } from "./report-context.ts";

export const THEME_SAMPLE = 2000;
const THEME_LIMIT = 20;

/** extractThemes, or no themes while text analysis is not available yet. */
export function themesOf(texts: readonly string[]): ReportTheme[] {
  if (texts.length === 0) return [];
  try {
    return extractThemes(texts, THEME_LIMIT).map(({ term, count, weight }) => ({ term, count, weight }));
  } catch (error) {
    if (error instanceof Error && /not built yet/.test(error.message)) return [];
    throw error;
  }
}

export async function loadTextThemes(db: Kysely<DB>, context: ReportContext): Promise<Map<string, ReportTheme[]>> {
  const textQuestions = context.questions.filter((entry) => entry.question.type === "text");
  const themes = new Map<string, ReportTheme[]>();
  for (const entry of textQuestions) {
    const key = entry.question.key;
    const rows = await sql<{ text: string }>`
      select r.answers ->> ${key}::text as text from survey_responses r
      where ${context.where} and r.answers ->> ${key}::text is not null and r.version = any(${[...entry.versions]}::int[])
      order by r.submitted_at desc limit ${THEME_SAMPLE}`.execute(db);
    themes.set(key, themesOf(rows.rows.map((row) => row.text).filter((text) => typeof text === "string" && text.trim() !== "")));
  }
  return themes;
}
