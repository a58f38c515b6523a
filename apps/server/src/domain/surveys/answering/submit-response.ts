/**
 * Stores one respondent's answer. Validated against the version it names (an older version is still accepted: the
 * page may have been opened before a new publication); idempotent on (survey, submission key), so a retry or a
 * double tap stores one answer and every attempt gets the same receipt; a personal invitation answers once.
 * The promise settles only after the commit, so an acknowledged answer is on disk.
 *
 * The hot path — a link answer that sets off no closed-loop rule — is one statement once the caches are warm, shared
 * with the answers that arrive at the same moment (group-insert.ts).
 */
import type { ResponseReceipt, ResponseSubmit, SurveyDefinition } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../../db/schema.ts";
import { forgetCachedLinks } from "./answering-cache.ts";
import { surveyTimelineEntry } from "./answer-phrases.ts";
import { alreadyAnswered, assertTakingAnswers, findTarget, invitationNotFound, surveyNotFound, type AnswerTarget } from "./answer-target.ts";
import { checkAnswers, loadVersion } from "./check-answers.ts";
import { evaluateClosedLoop, openFollowUps, type ClosedLoopOptions, type FiredRule } from "./closed-loop.ts";
import { hashDraftKey } from "./draft-key.ts";
import { insertResponseGrouped } from "./group-insert.ts";
import { findBySubmissionKey, insertResponse, type InsertOutcome, type ResponseRow } from "./insert-response.ts";

type Input = z.output<typeof ResponseSubmit>;
type Receipt = z.input<typeof ResponseReceipt>;

/**
 * @throws AppError survey.not_found / invitation.not_found (404), survey.closed and invitation.already_answered
 *   (409), survey.version_not_found and response.invalid (400, naming the field).
 */
export async function submitResponse({
  db,
  input,
  closedLoop,
}: {
  db: Kysely<DB>;
  input: Input;
  closedLoop?: ClosedLoopOptions;
}): Promise<Receipt> {
  const target = await findTarget(db, input);
  if (target.surveyStatus !== "live") {
    // A retry of an answer stored before the survey closed still gets its receipt.
    const existing = await findBySubmissionKey(db, target.surveyId, input.submissionKey);
    if (existing) return { responseId: existing, isDuplicate: true };
    assertTakingAnswers(target);
  }
  const version = await loadVersion(db, target.surveyId, input.version);
  const answers = checkAnswers(version, input.answers, true);
  const { definition } = version;
  const fired = evaluateClosedLoop(definition, answers, closedLoop);
  const invitation = target.invitation;
  // Only an invitation identifies the respondent, and never on an anonymous survey.
  const customerId = definition.isAnonymous ? null : (invitation?.customerId ?? null);
  const row: ResponseRow = {
    orgId: target.orgId,
    surveyId: target.surveyId,
    version: input.version,
    linkId: target.linkId,
    // An anonymous survey keeps no link from the answer back to the invitation (and so to the person).
    invitationId: definition.isAnonymous ? null : (invitation?.id ?? null),
    customerId,
    storeId: customerId ? (invitation?.customerStoreId ?? target.storeId) : target.storeId,
    channel: target.channel,
    language: input.language,
    submissionKey: input.submissionKey,
    answers,
    startedAt: input.startedAt ?? null,
    draftKeyHash: input.draftKey ? hashDraftKey(input.draftKey) : null,
  };
  const followUps = {
    fired,
    accountManagerId: customerId ? (invitation?.accountManagerId ?? null) : null,
    definition,
    surveyName: target.surveyName,
  };

  if (!invitation) {
    const outcome =
      fired.length === 0
        ? await insertResponseGrouped(db, row)
        : await db.transaction().execute(async (trx) => {
            const inserted = await insertResponse(trx, row);
            if (inserted.kind === "inserted") await writeConsequences(trx, row, inserted.id, followUps);
            return inserted;
          });
    return settle(db, target, row, outcome, input.slug);
  }

  return db.transaction().execute(async (trx) => {
    // Holding the invitation's row serialises every submission through one token: one of them answers.
    const locked = await trx
      .selectFrom("survey_invitations")
      .select("status")
      .where("id", "=", invitation.id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw invitationNotFound();
    if (locked.status === "answered") {
      const existing = await findBySubmissionKey(trx, target.surveyId, input.submissionKey);
      if (existing) return { responseId: existing, isDuplicate: true };
      throw alreadyAnswered();
    }
    const outcome = await insertResponse(trx, row);
    if (outcome.kind !== "inserted") return settle(trx, target, row, outcome);
    await trx
      .updateTable("survey_invitations")
      .set({ status: "answered", answered_at: new Date(), response_id: row.invitationId ? outcome.id : null })
      .where("id", "=", invitation.id)
      .execute();
    await writeConsequences(trx, row, outcome.id, followUps);
    return { responseId: outcome.id, isDuplicate: false };
  });
}

/** Turns "nothing inserted" into the receipt of the stored answer, or the reason nothing could be stored. */
async function settle(
  db: Kysely<DB>,
  target: AnswerTarget,
  row: ResponseRow,
  outcome: InsertOutcome,
  slug?: string,
): Promise<Receipt> {
  if (outcome.kind === "inserted") return { responseId: outcome.id, isDuplicate: false };
  const existing = await findBySubmissionKey(db, row.surveyId, row.submissionKey);
  if (existing) return { responseId: existing, isDuplicate: true };
  // The survey or link changed since it was cached: forget it, so the next request sees the change at once.
  if (slug !== undefined) forgetCachedLinks(db, slug);
  if (outcome.surveyStatus === "closed") assertTakingAnswers({ ...target, surveyStatus: "closed" });
  throw surveyNotFound();
}

/** The timeline entry of an identified answer, and the follow-up tasks its rules opened. */
async function writeConsequences(
  trx: Kysely<DB>,
  row: ResponseRow,
  responseId: string,
  followUps: { fired: FiredRule[]; accountManagerId: string | null; definition: SurveyDefinition; surveyName: string },
): Promise<void> {
  const { definition, surveyName } = followUps;
  if (row.customerId) {
    const entry = surveyTimelineEntry(surveyName, definition, row.answers);
    await trx
      .insertInto("interactions")
      .values({
        org_id: row.orgId,
        customer_id: row.customerId,
        store_id: row.storeId,
        user_id: null,
        kind: "survey",
        summary: entry.summary,
        body: entry.body,
      })
      .execute();
  }
  await openFollowUps(trx, followUps.fired, {
    orgId: row.orgId,
    surveyId: row.surveyId,
    surveyName,
    responseId,
    definition,
    customerId: row.customerId,
    accountManagerId: followUps.accountManagerId,
    storeId: row.storeId,
    now: new Date(),
  });
}
