/**
 * What a respondent answers through: a public or kiosk link (by slug) or a personal invitation (by token). Both
 * resolve to one shape that says which survey, where the answer is filed and who, if anyone, gave it.
 */
import type { Kysely } from "kysely";
import type { DB, ResponseChannel } from "../../../db/schema.ts";
import { AppError } from "../../app-error.ts";
import { hashInvitationToken, isInvitationTokenShape } from "../invitation-token.ts";
import { findLinkBySlug } from "./answering-cache.ts";

export interface AnswerTarget {
  orgId: string;
  surveyId: string;
  surveyName: string;
  surveyStatus: "draft" | "live" | "closed";
  /** The newest published version, or null before the first publication. */
  currentVersion: number | null;
  channel: ResponseChannel;
  linkId: string | null;
  /** The store of the link (or of the survey) — where an anonymous answer is filed. */
  storeId: string | null;
  invitation: {
    id: string;
    isAnswered: boolean;
    customerId: string | null;
    /** The customer's home store, for identified answers. */
    customerStoreId: string | null;
    accountManagerId: string | null;
  } | null;
}

const surveyNotFound = () => new AppError("survey.not_found", "not_found", "this survey does not exist or is not open");
const invitationNotFound = () =>
  new AppError("invitation.not_found", "not_found", "this invitation link is not valid; check that it was copied whole");

/**
 * The link with this slug, if it is active and its survey has been published.
 * @throws AppError survey.not_found for an unknown or switched-off link or an unpublished survey.
 */
export async function findLinkTarget(db: Kysely<DB>, slug: string): Promise<AnswerTarget> {
  const link = await findLinkBySlug(db, slug);
  if (!link || !link.isActive || link.surveyStatus === "draft" || link.currentVersion === null) throw surveyNotFound();
  return {
    orgId: link.orgId,
    surveyId: link.surveyId,
    surveyName: link.surveyName,
    surveyStatus: link.surveyStatus,
    currentVersion: link.currentVersion,
    channel: link.kind === "kiosk" ? "kiosk" : "link",
    linkId: link.linkId,
    storeId: link.storeId,
    invitation: null,
  };
}

/**
 * The invitation with this token and its survey. Not cached: each token is used a handful of times.
 * @throws AppError invitation.not_found for a token of the wrong shape or one nobody was sent;
 *   survey.not_found when the survey has never been published.
 */
export async function findInvitationTarget(db: Kysely<DB>, token: string): Promise<AnswerTarget> {
  if (!isInvitationTokenShape(token)) throw invitationNotFound();
  const row = await db
    .selectFrom("survey_invitations as i")
    .innerJoin("surveys as s", (join) => join.onRef("s.id", "=", "i.survey_id").onRef("s.org_id", "=", "i.org_id"))
    .leftJoin("customers as c", (join) =>
      join.onRef("c.id", "=", "i.customer_id").onRef("c.org_id", "=", "i.org_id").on("c.erased_at", "is", null),
    )
    .select([
      "i.id",
      "i.org_id as orgId",
      "i.survey_id as surveyId",
      "i.status",
      "c.id as customerId",
      "c.home_store_id as customerStoreId",
      "c.account_manager_id as accountManagerId",
      "s.name as surveyName",
      "s.status as surveyStatus",
      "s.current_version as currentVersion",
      "s.store_id as surveyStoreId",
    ])
    .where("i.token_hash", "=", hashInvitationToken(token))
    .executeTakeFirst();
  if (!row) throw invitationNotFound();
  if (row.surveyStatus === "draft" || row.currentVersion === null) throw surveyNotFound();
  return {
    orgId: row.orgId,
    surveyId: row.surveyId,
    surveyName: row.surveyName,
    surveyStatus: row.surveyStatus,
    currentVersion: row.currentVersion,
    channel: "email",
    linkId: null,
    storeId: row.surveyStoreId,
    invitation: {
      id: row.id,
      isAnswered: row.status === "answered",
      customerId: row.customerId,
      customerStoreId: row.customerStoreId,
      accountManagerId: row.accountManagerId,
    },
  };
}

/** Exactly one of slug and token. @throws AppError request.invalid naming the field. */
export function findTarget(db: Kysely<DB>, input: { slug?: string; token?: string }): Promise<AnswerTarget> {
  if (input.slug !== undefined && input.token !== undefined) {
    throw new AppError("request.invalid", "invalid", "send either a slug or a token, not both", "token");
  }
  if (input.slug !== undefined) return findLinkTarget(db, input.slug);
  if (input.token !== undefined) return findInvitationTarget(db, input.token);
  throw new AppError("request.invalid", "invalid", "send the link's slug or the invitation's token", "slug");
}

/** @throws AppError survey.closed (409) once the survey stopped taking answers. */
export function assertTakingAnswers(target: AnswerTarget): void {
  if (target.surveyStatus !== "live") {
    throw new AppError("survey.closed", "conflict", "this survey has closed and takes no more answers; thank you all the same");
  }
}

/** @throws AppError invitation.already_answered (409) when the invitation's one answer is stored. */
export function assertNotAnswered(target: AnswerTarget): void {
  if (target.invitation?.isAnswered) throw alreadyAnswered();
}

export const alreadyAnswered = () =>
  new AppError("invitation.already_answered", "conflict", "this invitation has already been used to answer; thank you", "token");

export { surveyNotFound, invitationNotFound };
