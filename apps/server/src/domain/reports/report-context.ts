/**
 * What every report starts from: the survey (within the actor's reach), the versions read, the questions matched by
 * key across those versions, and one SQL condition on `survey_responses r` that applies the filters and the
 * actor's store scope. Every report query uses `context.where`, so no report can forget the store scope.
 */
import {
  listQuestions,
  type Question,
  ReportQuery,
  type ReportScope,
  scaleRange,
  SurveyDefinition,
} from "@kexin/contracts";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { assertStoreScope } from "../auth/authorize.ts";
import { findSurvey, responseStoreScope, type SurveyRow } from "../surveys/find-survey.ts";

/** Calendar days of reports are read in this zone (as the dashboard does). */
export const REPORT_TIME_ZONE = "Asia/Shanghai";

export type ReportFilters = z.output<typeof ReportQuery>;

/** A question as reports see it: its newest wording, and the versions whose answers to its key are read. */
export interface CatalogQuestion {
  question: Question;
  page: string;
  pageIndex: number;
  /** Versions where the key has the same type and scale as the newest wording (older, different answers are left out). */
  versions: ReadonlySet<number>;
}

export interface ReportContext {
  actor: Actor;
  survey: SurveyRow;
  filters: ReportFilters;
  /** Versions read, ascending. */
  versions: number[];
  /** The newest definition among the versions read (the working draft when nothing is published yet). */
  definition: SurveyDefinition;
  questions: CatalogQuestion[];
  /** The filter on `survey_responses r`: organisation, survey, versions, dates, store, channel and store scope. */
  where: RawBuilder<unknown>;
  /** Submitted responses matching `where` (left 0 by a report that counts them itself, then set by it). */
  responses: number;
  generatedAt: Date;
}

/** Whether two wordings of one key give answers of the same shape and scale. */
function isCompatible(a: Question, b: Question): boolean {
  if (a.type !== b.type) return false;
  const ra = scaleRange(a);
  const rb = scaleRange(b);
  return ra === null || rb === null ? ra === rb : ra.min === rb.min && ra.max === rb.max;
}

/** Questions of the newest definition in order, then keys only older versions asked. */
export function buildCatalog(definitions: ReadonlyMap<number, SurveyDefinition>, newest: SurveyDefinition): CatalogQuestion[] {
  const catalog = new Map<string, CatalogQuestion>();
  const add = (definition: SurveyDefinition) => {
    definition.pages.forEach((page, pageIndex) => {
      for (const question of page.questions) {
        if (!catalog.has(question.key)) catalog.set(question.key, { question, page: page.key, pageIndex, versions: new Set() });
      }
    });
  };
  add(newest);
  for (const version of [...definitions.keys()].sort((a, b) => b - a)) add(definitions.get(version)!);
  for (const [version, definition] of definitions) {
    for (const question of listQuestions(definition)) {
      const entry = catalog.get(question.key)!;
      if (isCompatible(entry.question, question)) (entry.versions as Set<number>).add(version);
    }
  }
  return [...catalog.values()];
}

function checkDates(filters: ReportFilters): void {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw invalid("report.invalid_dates", "the end date must not be before the start date", "to");
  }
}

/**
 * Loads the survey and its versions and builds the filter.
 * @throws AppError survey.not_found (other organisation or stores), store.not_found (a store outside the actor's
 *   reach), report.unknown_version, report.invalid_dates.
 */
export async function loadReportContext(
  db: Kysely<DB>,
  actor: Actor,
  surveyId: string,
  filters: ReportFilters,
  now = new Date(),
  { countResponses = true }: { countResponses?: boolean } = {},
): Promise<ReportContext> {
  const survey = await findSurvey(db, actor, surveyId);
  checkDates(filters);
  if (filters.storeId) assertStoreScope(actor, filters.storeId, "store");
  const rows = await db
    .selectFrom("survey_versions")
    .select(["version", "definition"])
    .where("org_id", "=", actor.orgId)
    .where("survey_id", "=", survey.id)
    .orderBy("version")
    .execute();
  const chosen = filters.version === undefined ? rows : rows.filter((row) => row.version === filters.version);
  if (filters.version !== undefined && chosen.length === 0) {
    throw invalid("report.unknown_version", `this survey has no published version ${filters.version}`, "version");
  }
  const definitions = new Map(chosen.map((row) => [row.version, SurveyDefinition.parse(row.definition)]));
  const versions = chosen.map((row) => row.version);
  const definition = versions.length > 0 ? definitions.get(versions[versions.length - 1])! : SurveyDefinition.parse(survey.draft);
  const where = responseFilter(actor, survey.id, versions, filters);
  const count = countResponses ? await sql<{ n: number }>`select count(*)::int as n from survey_responses r where ${where}`.execute(db) : null;
  return {
    actor,
    survey,
    filters,
    versions,
    definition,
    questions: buildCatalog(definitions, definition),
    where,
    responses: count ? count.rows[0].n : 0,
    generatedAt: now,
  };
}

function responseFilter(actor: Actor, surveyId: string, versions: number[], filters: ReportFilters): RawBuilder<unknown> {
  const scope = responseStoreScope(actor);
  const conditions: RawBuilder<unknown>[] = [
    sql`r.org_id = ${actor.orgId}`,
    sql`r.survey_id = ${surveyId}`,
    sql`r.version = any(${versions}::int[])`,
  ];
  if (filters.from) conditions.push(sql`r.submitted_at >= (${filters.from}::date::timestamp at time zone ${REPORT_TIME_ZONE})`);
  if (filters.to) conditions.push(sql`r.submitted_at < ((${filters.to}::date + 1)::timestamp at time zone ${REPORT_TIME_ZONE})`);
  if (filters.storeId) conditions.push(sql`r.store_id = ${filters.storeId}`);
  if (filters.channel) conditions.push(sql`r.channel = ${filters.channel}`);
  if (scope) conditions.push(sql`r.store_id = any(${scope}::uuid[])`);
  return sql.join(conditions, sql` and `);
}

/** The scope block of a report. */
export function reportScope(context: ReportContext, sample: { sampleSize: number | null; isSampled: boolean }): ReportScope {
  const { filters } = context;
  return {
    surveyId: context.survey.id,
    surveyName: context.survey.name,
    versions: context.versions,
    from: filters.from ?? null,
    to: filters.to ?? null,
    storeId: filters.storeId ?? null,
    channel: filters.channel ?? null,
    responses: context.responses,
    isSampled: sample.isSampled,
    sampleSize: sample.sampleSize,
    generatedAt: context.generatedAt.toISOString(),
  };
}

/**
 * Runs a report's queries in one read transaction (one snapshot, so its numbers agree with each other) with two
 * planner settings: JIT compilation off (it costs more than it saves on these short scans) and hashing preferred
 * over sorting for the GROUP BYs, whose results are small but which the planner, blind to how few answer values
 * there are, would otherwise sort a million rows for.
 */
export async function readReport<T>(db: Kysely<DB>, read: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return read(db);
  return db.transaction().execute(async (transaction) => {
    await sql`set local jit = off`.execute(transaction);
    await sql`set local enable_sort = off`.execute(transaction);
    return read(transaction);
  });
}
