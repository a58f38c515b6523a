/**
 * What every survey use case shares: turning rows into contract shapes, counting the answers an actor may see,
 * checking a definition on the way in, comparing a draft with a published version, and choosing a survey's store.
 */
import type { ExpressionBuilder, Kysely, SqlBool, Expression } from "kysely";
import { SurveyDefinition, type SurveySummary } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope, storeScope } from "../auth/authorize.ts";
import { responseStoreScope, type SurveyRow } from "./find-survey.ts";

export const toIso = (date: Date | string): string => new Date(date).toISOString();

/**
 * Answers the actor may see: all of them for organisation-wide roles, otherwise those given at the actor's
 * stores (the same rule as the response list and the reports, so counts and lists agree).
 */
export function responsesInScope(actor: Actor) {
  const scope = responseStoreScope(actor);
  return (eb: ExpressionBuilder<DB, "survey_responses">): Expression<SqlBool> => {
    if (scope === null) return eb.lit(true);
    if (scope.length === 0) return eb.lit(false);
    return eb("survey_responses.store_id", "in", scope);
  };
}

/** Visible answers per survey, for the surveys named (0 for a survey without any). */
export async function countResponses(db: Kysely<DB>, actor: Actor, surveyIds: string[]): Promise<Map<string, number>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("survey_responses")
    .select(["survey_id", (eb) => eb.fn.countAll<string>().as("count")])
    .where("org_id", "=", actor.orgId)
    .where("survey_id", "in", surveyIds)
    .where(responsesInScope(actor))
    .groupBy("survey_id")
    .execute();
  return new Map(rows.map((row) => [row.survey_id, Number(row.count)]));
}

export function presentSummary(row: SurveyRow, responseCount: number): SurveySummary {
  return {
    id: row.id,
    name: row.name,
    title: (row.draft as SurveyDefinition).title,
    status: row.status,
    storeId: row.store_id,
    currentVersion: row.current_version,
    responseCount,
    updatedAt: toIso(row.updated_at),
  };
}

/**
 * A definition checked against the contract, defaults filled in.
 * @throws AppError survey.definition_invalid naming the first field at fault, e.g. definition.pages.0.questions.2.key.
 */
export function parseDefinition(value: unknown, field = "definition"): SurveyDefinition {
  const result = SurveyDefinition.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [field, ...issue.path.map(String)].join(".");
  throw invalid("survey.definition_invalid", `${path}: ${issue.message}`, path);
}

/** The same JSON text for the same content whatever the key order (jsonb does not keep the order it was given). */
function canonicalJson(value: unknown): string {
  const sortKeys = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sortKeys);
    if (item !== null && typeof item === "object") {
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>)
          .filter(([, child]) => child !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, child]) => [key, sortKeys(child)]),
      );
    }
    return item;
  };
  return JSON.stringify(sortKeys(value));
}

/** Whether two stored definitions say the same thing. */
export function isSameDefinition(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The store a survey (or a link) is to belong to: the one asked for, else `fallback`; a store-bound actor with a
 * single store who asks for nothing gets that store, since they cannot make organisation-wide things.
 * @throws AppError invalid naming `field` when the store is not the organisation's, not one of the actor's, or
 *   missing for a store-bound actor.
 */
export async function resolveStore({
  db,
  actor,
  requested,
  fallback,
  field = "storeId",
}: {
  db: Kysely<DB>;
  actor: Actor;
  requested: string | null | undefined;
  fallback: string | null;
  field?: string;
}): Promise<string | null> {
  const scope = storeScope(actor);
  let storeId = requested !== undefined ? requested : fallback;
  if (requested === undefined && !isInStoreScope(actor, storeId) && scope?.length === 1) storeId = scope[0];
  if (storeId === null) {
    if (scope !== null) {
      throw invalid("survey.store_required", `${field}: choose one of your stores; only managers make organisation-wide surveys`, field);
    }
    return null;
  }
  const store = await db
    .selectFrom("stores")
    .select("id")
    .where("org_id", "=", actor.orgId)
    .where("id", "=", storeId)
    .executeTakeFirst();
  if (!store) throw invalid("survey.store_unknown", `${field} is not a store of your organisation`, field);
  if (!isInStoreScope(actor, storeId)) throw invalid("survey.store_out_of_scope", `${field} must be one of your stores`, field);
  return storeId;
}
