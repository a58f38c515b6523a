import type { PublicSurvey } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { assertTakingAnswers, findInvitationTarget, surveyNotFound } from "./answer-target.ts";
import { loadVersion } from "./check-answers.ts";

/**
 * What the respondent page shows for a personal invitation: the survey's newest version and whether this
 * invitation has already answered (the page then thanks rather than asks). The customer is never named.
 * @throws AppError invitation.not_found for a malformed or unknown token; survey.closed (409) once the survey
 *   closed (unless the invitation already answered: the page still says thank you).
 */
export async function getInvitedSurvey({ db, token }: { db: Kysely<DB>; token: string }): Promise<PublicSurvey> {
  const target = await findInvitationTarget(db, token);
  const isAnswered = target.invitation?.isAnswered ?? false;
  if (target.surveyStatus === "draft" || target.currentVersion === null) throw surveyNotFound();
  if (!isAnswered) assertTakingAnswers(target);
  const version = await loadVersion(db, target.surveyId, target.currentVersion);
  return {
    surveyId: target.surveyId,
    version: target.currentVersion,
    definition: version.definition,
    isKiosk: false,
    invitation: { isAnswered },
  };
}
