import { NEGATIVE_SENTIMENT_BELOW, type FeedbackThemeSummary, type FeedbackThemesQuery } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { feedbackConditions } from "./feedback-filters.ts";

/**
 * The most frequent themes over the feedback matching the inbox filters: how many items raise each, their average
 * sentiment and how many of them are negative. Counts come from the themes stored with each item, so the summary
 * and the theme filter always agree. Ties are broken alphabetically, so the order is stable.
 */
export async function summarizeFeedbackThemes({ db, actor, input }: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof FeedbackThemesQuery>;
}): Promise<FeedbackThemeSummary> {
  const conditions = feedbackConditions(actor, input);
  if (!conditions) return { total: 0, themes: [] };
  const [themes, count] = await Promise.all([
    sql<{ term: string; count: string; average_sentiment: number; negative_count: string }>`
      select t.term, count(*) as count, avg(f.sentiment) as average_sentiment,
             count(*) filter (where f.sentiment < cast(${NEGATIVE_SENTIMENT_BELOW} as real)) as negative_count
      from feedback f cross join lateral unnest(f.themes) as t(term)
      where ${conditions}
      group by t.term
      order by count(*) desc, t.term asc
      limit ${input.limit}
    `.execute(db),
    db.selectFrom("feedback as f").select(sql<string>`count(*)`.as("total")).where(conditions).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    themes: themes.rows.map((row) => ({
      term: row.term,
      count: Number(row.count),
      averageSentiment: Math.round(Number(row.average_sentiment) * 1000) / 1000,
      negativeCount: Number(row.negative_count),
    })),
  };
}
