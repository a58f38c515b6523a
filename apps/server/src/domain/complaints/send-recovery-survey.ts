/**
 * The recovery survey (how did we do in putting it right?), invited by email when a complaint is closed, through the
 * survey invitation code (one invitation per customer and survey; tokens, consent and retries as for any
 * invitation). Which survey: the one chosen in the complaint settings, else the organisation's newest live
 * after-purchase CSAT survey. What happened is kept on the complaint and in its history.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import { systemActor } from "../auth/system-actor.ts";
import type { Mailer } from "../mail/mailer.ts";
import { createInvitations } from "../surveys/invitations/create-invitations.ts";
import { recordComplaintEvent } from "./complaint-events.ts";
import type { ComplaintRow } from "./complaint-record.ts";
import { loadComplaintSettings } from "./complaint-settings.ts";

const SKIP_REASONS: Record<string, string> = {
  no_email: "the customer has no usable email address",
  no_consent: "the customer does not agree to receive email",
  already_invited: "the customer was already invited to this survey",
  not_found: "the customer is archived or erased",
};

async function chooseRecoverySurvey(db: Kysely<DB>, orgId: string): Promise<string | null> {
  const settings = await loadComplaintSettings(db, orgId);
  if (settings.recoverySurveyId) return settings.recoverySurveyId;
  const csat = await db
    .selectFrom("surveys")
    .select("id")
    .where("org_id", "=", orgId)
    .where("status", "=", "live")
    .where("template_key", "=", "csat-after-purchase")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return csat?.id ?? null;
}

export async function sendRecoverySurvey({ db, mailer, publicUrl, complaint, userId, now }: {
  db: Kysely<DB>;
  mailer: Mailer;
  publicUrl: string;
  complaint: ComplaintRow;
  userId: string | null;
  now: Date;
}): Promise<void> {
  const surveyId = await chooseRecoverySurvey(db, complaint.org_id);
  let outcome: { status: "sent" | "failed" | "pending" | "skipped"; invitationId: string | null; reason: string | null };
  if (!surveyId) outcome = { status: "skipped", invitationId: null, reason: "no recovery survey is chosen and no live CSAT survey exists" };
  else if (!complaint.customer_id) outcome = { status: "skipped", invitationId: null, reason: "the complaint is not linked to a customer" };
  else {
    // The complaint was authorised already; the invitation is part of closing it, whichever store the customer is in.
    const actor = systemActor(complaint.org_id);
    const invite = (language?: "zh-CN" | "en" | "zh-TW") =>
      createInvitations({ db, actor, mailer, publicUrl, surveyId, input: { customerIds: [complaint.customer_id!], ...(language && { language }) } });
    try {
      const language = complaint.language === "en" || complaint.language === "zh-TW" ? complaint.language : "zh-CN";
      let result;
      try {
        result = await invite(language);
      } catch (error) {
        // The survey is not written in the complaint's language: invite in the survey's first language.
        if (!(error instanceof AppError && error.code === "invitation.language")) throw error;
        result = await invite();
      }
      const skipped = result.skipped[0];
      const invitation = await db
        .selectFrom("survey_invitations")
        .select(["id", "status"])
        .where("org_id", "=", complaint.org_id)
        .where("survey_id", "=", surveyId)
        .where("customer_id", "=", complaint.customer_id)
        .executeTakeFirst();
      if (skipped) outcome = { status: "skipped", invitationId: null, reason: SKIP_REASONS[skipped.reason] ?? skipped.reason };
      else outcome = { status: result.sent > 0 ? "sent" : result.failed > 0 ? "failed" : "pending", invitationId: invitation?.id ?? null, reason: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome = { status: "skipped", invitationId: null, reason: error.message };
    }
  }
  await db
    .updateTable("complaints")
    .set({ recovery_status: outcome.status, recovery_survey_id: surveyId, recovery_invitation_id: outcome.invitationId, recovery_reason: outcome.reason })
    .where("id", "=", complaint.id)
    .execute();
  await recordComplaintEvent(db, {
    org_id: complaint.org_id,
    complaint_id: complaint.id,
    kind: "recovery_survey",
    body: outcome.reason,
    recipients: outcome.status === "skipped" || !complaint.contact_email ? [] : [complaint.contact_email],
    notified_at: outcome.status === "sent" ? now : null,
    notify_error: outcome.status === "skipped" || outcome.status === "failed" ? (outcome.reason ?? outcome.status) : null,
    user_id: userId,
    // Just after the close it follows, so the history lists them in that order.
    created_at: new Date(now.getTime() + 1),
  });
}
