import type { Kysely } from "kysely";
import type { SurveySummary } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { countResponses, presentSummary } from "./survey-record.ts";

/**
 * The surveys an actor may read, most recently changed first, each with the number of answers the actor may see.
 * Store-bound staff see the organisation-wide surveys and their own stores' surveys.
 * Cost: one query on surveys (org_id, updated_at) plus one grouped count over their answers.
 */
export async function listSurveys({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<{ items: SurveySummary[] }> {
  const scope = storeScope(actor);
  let query = db.selectFrom("surveys").selectAll().where("org_id", "=", actor.orgId);
  if (scope !== null) {
    query = query.where((eb) =>
      scope.length === 0 ? eb("store_id", "is", null) : eb.or([eb("store_id", "is", null), eb("store_id", "in", scope)]),
    );
  }
  const rows = await query.orderBy("updated_at", "desc").orderBy("id").execute();
  const counts = await countResponses(db, actor, rows.map((row) => row.id));
  return { items: rows.map((row) => presentSummary(row, counts.get(row.id) ?? 0)) };
}
