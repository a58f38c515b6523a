/**
 * Invites customers to a live survey by email: one invitation per customer and survey, inserted pending in one
 * transaction, then sent right away by this request (see send-pending-invitations.ts for tokens, leases and the
 * crash window). What cannot be sent within the time budget stays pending for the background sweep, so a large
 * batch answers promptly: created − sent − failed are still on their way.
 *
 * Skipped, with the reason: customers outside the organisation or the actor's stores, archived or erased
 * (not_found, so other stores' customers are not revealed), without a usable address (no_email), who declined
 * email (no_consent), or already invited to this survey (already_invited). An invitation that failed for good is
 * not "already invited": inviting the customer again puts it back in the queue with a fresh count of attempts.
 */
import type { InvitationCreate, InvitationSendResult } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../../db/schema.ts";
import { AppError, invalid } from "../../app-error.ts";
import type { Actor } from "../../auth/actor.ts";
import { isInStoreScope } from "../../auth/authorize.ts";
import { storedUserId } from "../../auth/system-actor.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { findSurvey } from "../find-survey.ts";
import { hashInvitationToken, newInvitationToken } from "../invitation-token.ts";
import { sendPendingInvitations } from "./send-pending-invitations.ts";

type SkipReason = z.output<typeof InvitationSendResult>["skipped"][number]["reason"];

/** How long the request itself keeps sending before it leaves the rest to the sweep. */
const SEND_BUDGET_MS = 20_000;
/** A plausible single address: something@domain.tld, no spaces, no second @. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Parameters per IN list, well below PostgreSQL's limit of 65,535 per statement. */
const CHUNK = 1000;

export async function createInvitations({
  db,
  actor,
  mailer,
  publicUrl,
  surveyId,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  mailer: Mailer;
  publicUrl: string;
  surveyId: string;
  input: z.output<typeof InvitationCreate>;
}): Promise<z.input<typeof InvitationSendResult>> {
  const survey = await findSurvey(db, actor, surveyId);
  if (survey.status !== "live" || survey.current_version === null) {
    throw new AppError("survey.not_live", "conflict", "publish the survey (and keep it open) before inviting customers");
  }
  const version = await db
    .selectFrom("survey_versions")
    .select("definition")
    .where("survey_id", "=", survey.id)
    .where("version", "=", survey.current_version)
    .executeTakeFirstOrThrow();
  const languages = (version.definition as { languages?: string[] }).languages ?? ["zh-CN"];
  const language = input.language ?? languages[0];
  if (!languages.includes(language)) {
    throw invalid("invitation.language", `this survey is written in ${languages.join(", ")}; invite in one of those`, "language");
  }

  const customerIds = [...new Set(input.customerIds)];
  const customers = new Map<string, { email: string | null; consentEmail: boolean; storeId: string | null; isActive: boolean }>();
  const existing = new Map<string, { id: string; status: string }>();
  for (let start = 0; start < customerIds.length; start += CHUNK) {
    const ids = customerIds.slice(start, start + CHUNK);
    const [customerRows, invitationRows] = await Promise.all([
      db
        .selectFrom("customers")
        .select(["id", "email", "consent", "home_store_id", "status", "erased_at"])
        .where("org_id", "=", actor.orgId)
        .where("id", "in", ids)
        .execute(),
      db
        .selectFrom("survey_invitations")
        .select(["id", "customer_id", "status"])
        .where("org_id", "=", actor.orgId)
        .where("survey_id", "=", survey.id)
        .where("customer_id", "in", ids)
        .execute(),
    ]);
    for (const row of customerRows) {
      customers.set(row.id, {
        email: row.email?.trim() || null,
        consentEmail: row.consent?.email !== false,
        storeId: row.home_store_id,
        isActive: row.status === "active" && row.erased_at === null,
      });
    }
    for (const row of invitationRows) if (row.customer_id) existing.set(row.customer_id, { id: row.id, status: row.status });
  }

  const skipped: { customerId: string; reason: SkipReason }[] = [];
  const toInsert: { customerId: string; email: string }[] = [];
  const toRequeue: { invitationId: string; customerId: string; email: string }[] = [];
  for (const customerId of customerIds) {
    const customer = customers.get(customerId);
    const previous = existing.get(customerId);
    let reason: SkipReason | null = null;
    if (!customer || !customer.isActive || !isInStoreScope(actor, customer.storeId)) reason = "not_found";
    else if (previous && previous.status !== "failed") reason = "already_invited";
    else if (!customer.email || !EMAIL_SHAPE.test(customer.email)) reason = "no_email";
    else if (!customer.consentEmail) reason = "no_consent";
    if (reason) skipped.push({ customerId, reason });
    else if (previous) toRequeue.push({ invitationId: previous.id, customerId, email: customer!.email! });
    else toInsert.push({ customerId, email: customer!.email! });
  }

  const now = new Date();
  const createdIds = await db.transaction().execute(async (transaction) => {
    const ids: string[] = [];
    const alreadyInvited = new Set(toInsert.map((row) => row.customerId));
    for (let start = 0; start < toInsert.length; start += CHUNK) {
      const inserted = await transaction
        .insertInto("survey_invitations")
        .values(
          toInsert.slice(start, start + CHUNK).map((row) => ({
            org_id: actor.orgId,
            survey_id: survey.id,
            customer_id: row.customerId,
            email: row.email,
            language,
            // Never sent: the first send attempt issues the token the customer receives (invitation-delivery.ts).
            token_hash: hashInvitationToken(newInvitationToken()),
            created_by: storedUserId(actor),
            next_attempt_at: now,
          })),
        )
        // Another request may have invited the same customer a moment ago: theirs stands.
        .onConflict((conflict) => conflict.columns(["survey_id", "customer_id"]).where("customer_id", "is not", null).doNothing())
        .returning(["id", "customer_id"])
        .execute();
      for (const row of inserted) {
        ids.push(row.id);
        alreadyInvited.delete(row.customer_id!);
      }
    }
    for (const customerId of alreadyInvited) skipped.push({ customerId, reason: "already_invited" });
    for (const row of toRequeue) {
      const requeued = await transaction
        .updateTable("survey_invitations")
        .set({
          status: "pending",
          email: row.email,
          language,
          token_hash: hashInvitationToken(newInvitationToken()),
          attempts: 0,
          error: null,
          sent_at: null,
          reminded_at: null,
          next_attempt_at: now,
        })
        .where("id", "=", row.invitationId)
        .where("status", "=", "failed")
        .returning("id")
        .executeTakeFirst();
      if (requeued) ids.push(requeued.id);
      else skipped.push({ customerId: row.customerId, reason: "already_invited" });
    }
    await recordAudit(transaction, {
      actor,
      action: "survey.invite",
      targetType: "survey",
      targetId: survey.id,
      details: { created: ids.length, skipped: skipped.length, language, mailer: mailer.kind },
    });
    return ids;
  });

  const delivery = await sendPendingInvitations({
    db,
    mailer,
    publicUrl,
    invitationIds: createdIds,
    now,
    deadline: new Date(Date.now() + SEND_BUDGET_MS),
  });
  return { created: createdIds.length, sent: delivery.sent, failed: delivery.failed, skipped };
}
