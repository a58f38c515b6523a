/**
 * Completion and drop-off: started = submitted responses + saved drafts never submitted (a draft is removed when
 * its answer is submitted). Drafts carry no store, channel or respondent, so completion is only reported when no
 * store or channel filter is set, and to a store-bound role only for its own store's survey.
 */
import type { Completion } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { storeScope } from "../auth/authorize.ts";
import type { AnswerCounts } from "./load-answer-counts.ts";
import { REPORT_TIME_ZONE, type ReportContext } from "./report-context.ts";

export function canReportCompletion(context: ReportContext): boolean {
  const { filters, actor, survey } = context;
  return !filters.storeId && !filters.channel && (storeScope(actor) === null || survey.store_id !== null);
}

export async function loadCompletion(db: Kysely<DB>, context: ReportContext, counts: AnswerCounts): Promise<Completion | null> {
  if (!canReportCompletion(context)) return null;
  const { filters } = context;
  const conditions = [
    sql`d.org_id = ${context.actor.orgId}`,
    sql`d.survey_id = ${context.survey.id}`,
    sql`d.version = any(${context.versions}::int[])`,
  ];
  if (filters.from) conditions.push(sql`d.updated_at >= (${filters.from}::date::timestamp at time zone ${REPORT_TIME_ZONE})`);
  if (filters.to) conditions.push(sql`d.updated_at < ((${filters.to}::date + 1)::timestamp at time zone ${REPORT_TIME_ZONE})`);
  const where = sql.join(conditions, sql` and `);
  const [pages, keys] = await Promise.all([
    sql<{ page_index: number; n: number }>`
      select page_index, count(*)::int as n from survey_drafts d where ${where} group by 1`.execute(db),
    sql<{ key: string; n: number }>`
      select k.key, count(*)::int as n from survey_drafts d cross join lateral jsonb_object_keys(d.answers) as k(key)
      where ${where} group by 1`.execute(db),
  ]);
  const pageCount = context.definition.pages.length;
  const stopped = new Array<number>(pageCount).fill(0);
  for (const row of pages.rows) stopped[Math.min(Math.max(row.page_index, 0), pageCount - 1)] += row.n;
  const drafts = stopped.reduce((total, n) => total + n, 0);
  const submitted = context.responses;
  const started = submitted + drafts;
  const inDrafts = new Map(keys.rows.map((row) => [row.key, row.n]));
  return {
    started,
    submitted,
    rate: started === 0 ? null : submitted / started,
    pages: context.definition.pages.map((page, index) => ({
      page: page.key,
      index,
      reached: submitted + stopped.slice(index).reduce((total, n) => total + n, 0),
      stoppedHere: stopped[index],
    })),
    questions: context.questions.map(({ question }) => {
      const reached = (counts.answered.get(question.key) ?? 0) + (inDrafts.get(question.key) ?? 0);
      return { question: question.key, reached, rate: started === 0 ? null : reached / started };
    }),
  };
}
