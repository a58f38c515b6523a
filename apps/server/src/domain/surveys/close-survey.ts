import type { Kysely } from "kysely";
import type { SurveyDetail } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor } from "../auth/actor.ts";
import { findSurvey } from "./find-survey.ts";
import { presentDetail } from "./get-survey.ts";
import { forgetCachedLinks } from "./answering/answering-cache.ts";

/**
 * Stops a live survey from taking new answers (the answering side refuses a survey whose status is not live), or,
 * with `status: "live"`, takes it back (see reopen-survey.ts). Answers already given stay. Audited.
 * @throws AppError survey.not_found; survey.read_only; survey.not_published (conflict) for a survey never published.
 */
export async function closeSurvey({
  db,
  actor,
  id,
  status = "closed",
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  status?: "closed" | "live";
}): Promise<SurveyDetail> {
  const survey = await findSurvey(db, actor, id, { forWrite: true });
  if (survey.current_version === null) {
    throw new AppError("survey.not_published", "conflict", "this survey has never been published; publish it first");
  }
  if (survey.status !== status) {
    // The status condition makes a concurrent close (or reopen) change the row, and leave a trace, only once.
    const result = await db
      .updateTable("surveys")
      .set({ status, updated_at: new Date() })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .where("status", "=", survey.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) {
      await recordAudit(db, {
        actor,
        action: status === "closed" ? "survey.close" : "survey.reopen",
        targetType: "survey",
        targetId: id,
        details: { version: survey.current_version },
      });
    }
  }
  forgetCachedLinks(db);
  return presentDetail(db, actor, await findSurvey(db, actor, id));
}
