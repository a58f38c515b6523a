import type { Kysely } from "kysely";
import type { SurveyDetail, SurveyDuplicate } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findSurvey } from "./find-survey.ts";
import { presentDetail } from "./get-survey.ts";
import { parseDefinition, resolveStore } from "./survey-record.ts";

/**
 * A new draft survey with a copy of another's working draft (not its versions, links or answers). Any survey the
 * actor can read can be copied: store staff adapt an organisation-wide survey as one of their own store.
 * @throws AppError survey.not_found; invalid storeId.
 */
export async function duplicateSurvey({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof SurveyDuplicate>;
}): Promise<SurveyDetail> {
  const source = await findSurvey(db, actor, id);
  const storeId = await resolveStore({ db, actor, requested: input?.storeId, fallback: source.store_id });
  const row = await db
    .insertInto("surveys")
    .values({
      org_id: actor.orgId,
      store_id: storeId,
      name: input?.name ?? `${source.name} (2)`.slice(0, 200),
      template_key: source.template_key,
      draft: JSON.stringify(parseDefinition(source.draft)),
      created_by: storedUserId(actor),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return presentDetail(db, actor, await findSurvey(db, actor, row.id));
}
