import type { Kysely } from "kysely";
import type { SurveyDetail } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { closeSurvey } from "./close-survey.ts";

/**
 * Lets a closed survey take answers again, to its newest published version (the draft stays unpublished). Audited.
 * @throws AppError survey.not_found; survey.read_only; survey.not_published for a survey never published.
 */
export async function reopenSurvey({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<SurveyDetail> {
  return closeSurvey({ db, actor, id, status: "live" });
}
