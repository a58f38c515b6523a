/**
 * How a survey is reached by staff. Organisation-wide surveys (no store) are readable by everyone with
 * survey.read but changed only by organisation-wide roles; a store's survey belongs to that store's staff.
 */
import type { Kysely, Selectable } from "kysely";
import type { DB, SurveysTable } from "../../db/schema.ts";
import { AppError, notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isInStoreScope, storeScope } from "../auth/authorize.ts";

export type SurveyRow = Selectable<SurveysTable>;

/**
 * The survey with this id, if the actor may read it (or change it, with `forWrite`).
 * @throws AppError survey.not_found outside the organisation or the actor's stores; survey.read_only when a
 *   store-bound role tries to change an organisation-wide survey.
 */
export async function findSurvey(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  { forWrite = false }: { forWrite?: boolean } = {},
): Promise<SurveyRow> {
  const row = await db.selectFrom("surveys").selectAll().where("org_id", "=", actor.orgId).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("survey");
  if (row.store_id !== null && !isInStoreScope(actor, row.store_id)) throw notFound("survey");
  if (forWrite && row.store_id === null && storeScope(actor) !== null) {
    throw new AppError("survey.read_only", "forbidden", "this survey belongs to the whole organisation; ask a manager to change it");
  }
  return row;
}

/**
 * The stores whose answers an actor may see: null for every answer (organisation-wide roles), otherwise the
 * actor's stores. Answers without a store (e.g. an email invitation to a customer with no home store) are visible
 * to organisation-wide roles only. Every report and response list filters with this.
 */
export function responseStoreScope(actor: Actor): string[] | null {
  return storeScope(actor);
}
