/** Answers checked against the survey version they name, with the contract's validator (the page runs the same). */
import { validateAnswers, type Answers } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { AppError } from "../../app-error.ts";
import { findVersion, type CachedVersion } from "./answering-cache.ts";

/**
 * The published version `version` of the survey.
 * @throws AppError survey.version_not_found (400, field version) when the survey never had that version.
 */
export async function loadVersion(db: Kysely<DB>, surveyId: string, version: number): Promise<CachedVersion> {
  const found = await findVersion(db, surveyId, version);
  if (!found) {
    throw new AppError("survey.version_not_found", "invalid", `this survey has no version ${version}; reload the page`, "version");
  }
  return found;
}

/**
 * The answers to keep (those hidden by the survey's logic are dropped).
 * @throws AppError response.invalid naming `answers.<question>` with the validator's message; `answers` itself
 *   when the object has more keys than the survey has questions (refused before looking at any of them).
 */
export function checkAnswers(version: CachedVersion, answers: Record<string, unknown>, isComplete: boolean): Answers {
  if (Object.keys(answers).length > version.questionCount) {
    throw new AppError(
      "response.invalid",
      "invalid",
      `this survey has ${version.questionCount} questions; more answers than that were sent`,
      "answers",
    );
  }
  const result = validateAnswers(version.definition, answers, { isComplete });
  const [first] = result.errors;
  if (first) throw new AppError("response.invalid", "invalid", first.message, `answers.${first.question}`);
  return result.answers;
}
