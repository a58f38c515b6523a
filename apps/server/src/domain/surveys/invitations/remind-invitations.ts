/**
 * One reminder per invitation: to those sent at least `minHoursSinceSent` hours ago that have not been answered
 * nor reminded. Never twice: rows are claimed (reminded_at set) in a short `for update skip locked` transaction
 * before anything is sent, so two reminder requests at once split the rows between them.
 *
 * Tokens: the reminder carries a fresh token and, once the SMTP server accepted it, its hash replaces the old one,
 * so the first email's link stops working and exactly one link answers (single use is kept). The order is chosen
 * so every crash leaves the customer a working link: dying after the claim but before sending costs the reminder
 * (reminded_at is set, the first link still works); dying after sending but before the hash swap leaves the
 * reminder's link dead and the first one working. A send that fails clears reminded_at, so a later request retries.
 * Customers who withdrew consent since (or a survey closed) are not reminded.
 */
import type { ReminderRequest, ReminderResult } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../../db/schema.ts";
import { AppError } from "../../app-error.ts";
import type { Actor } from "../../auth/actor.ts";
import { storeScope } from "../../auth/authorize.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { findSurvey } from "../find-survey.ts";
import { hashInvitationToken, newInvitationToken } from "../invitation-token.ts";
import { composeFor, loadDeliveryDetails } from "./invitation-delivery.ts";

const CLAIM_SIZE = 10;
/** How long one request keeps sending; whoever is left is reminded by the next request. */
const SEND_BUDGET_MS = 20_000;

export async function remindInvitations({
  db,
  actor,
  mailer,
  publicUrl,
  surveyId,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  mailer: Mailer;
  publicUrl: string;
  surveyId: string;
  input: z.output<typeof ReminderRequest>;
  now?: Date;
}): Promise<z.input<typeof ReminderResult>> {
  const survey = await findSurvey(db, actor, surveyId);
  if (survey.status !== "live") {
    throw new AppError("survey.not_live", "conflict", "this survey is not open for answers; reopen it before sending reminders");
  }
  const scope = storeScope(actor);
  const sentBefore = new Date(now.getTime() - input.minHoursSinceSent * 3_600_000);
  const deadline = Date.now() + SEND_BUDGET_MS;
  const result = { reminded: 0, failed: 0 };
  // Walk the rows in id order, so a row whose reminder failed (and was released) is not picked again in this call.
  let cursor: string | null = null;

  while (Date.now() < deadline) {
    const after: string | null = cursor;
    const claimed = await db.transaction().execute(async (transaction) => {
      let due = transaction
        .selectFrom("survey_invitations")
        .select("id")
        .where("org_id", "=", actor.orgId)
        .where("survey_id", "=", survey.id)
        .where("status", "=", "sent")
        .where("reminded_at", "is", null)
        .where("sent_at", "<=", sentBefore);
      if (after) due = due.where("id", ">", after);
      if (scope !== null) {
        due =
          scope.length === 0
            ? due.where((eb) => eb.val(false))
            : due.where("customer_id", "in", (eb) =>
                eb.selectFrom("customers").select("id").where("org_id", "=", actor.orgId).where("home_store_id", "in", scope),
              );
      }
      const rows = await due.orderBy("id").limit(CLAIM_SIZE).forUpdate().skipLocked().execute();
      if (rows.length > 0) {
        await transaction
          .updateTable("survey_invitations")
          .set({ reminded_at: new Date() })
          .where(
            "id",
            "in",
            rows.map((row) => row.id),
          )
          .execute();
      }
      return rows.map((row) => row.id);
    });
    if (claimed.length === 0) break;
    cursor = claimed[claimed.length - 1];

    const details = await loadDeliveryDetails(db, claimed);
    await Promise.all(
      claimed.map(async (id) => {
        const invitation = details.get(id);
        if (!invitation) return;
        if (invitation.blockedBecause) {
          await release(db, id);
          return;
        }
        const token = newInvitationToken();
        try {
          await mailer.send({
            to: invitation.email,
            ...composeFor(invitation, "reminder", publicUrl, token),
            headers: { "X-Kexin-Kind": "survey-reminder" },
          });
        } catch {
          await release(db, id);
          result.failed++;
          return;
        }
        // An answer that arrived meanwhile keeps its row as it is: answered invitations need no working link.
        await db
          .updateTable("survey_invitations")
          .set({ token_hash: hashInvitationToken(token) })
          .where("id", "=", id)
          .where("status", "=", "sent")
          .execute();
        result.reminded++;
      }),
    );
  }

  await recordAudit(db, {
    actor,
    action: "survey.remind",
    targetType: "survey",
    targetId: survey.id,
    details: { ...result, minHoursSinceSent: input.minHoursSinceSent, mailer: mailer.kind },
  });
  return result;
}

/** Gives a claimed row back, so the reminder can be tried again later. */
async function release(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable("survey_invitations").set({ reminded_at: null }).where("id", "=", id).execute();
}
