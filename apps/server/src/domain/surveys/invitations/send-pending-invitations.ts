/**
 * Sends pending invitations: the request that creates them calls it for its own batch, and the background sweep
 * calls it for every organisation to retry failures and pick up what a crash left behind.
 *
 * Claiming. A sender claims up to ten due rows in one short transaction (`for update skip locked`, so two senders
 * never claim the same row), and for each sets a fresh token hash, attempts + 1 and a lease (next_attempt_at ten
 * minutes ahead). Then it sends outside any transaction (PGlite has one connection; a transaction held open over
 * SMTP would stall every request) and marks each row sent, or pending with a back-off, or failed after the third
 * attempt or a permanent refusal. The mark only applies while the row still carries the hash of this attempt.
 *
 * At-least-once window: if the process dies after the SMTP server accepted a message but before the row was marked
 * sent, the row is still pending; once its lease expires the sweep sends it again with a new token. The customer
 * then has two emails and only the newer link works. A crash before the SMTP handover costs one attempt, not an
 * email. Nothing is ever sent twice by two live senders.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { MailDeliveryError, type Mailer } from "../../mail/mailer.ts";
import { hashInvitationToken, newInvitationToken } from "../invitation-token.ts";
import {
  composeFor,
  loadDeliveryDetails,
  MAX_SEND_ATTEMPTS,
  RETRY_DELAYS_MS,
  SEND_LEASE_MS,
} from "./invitation-delivery.ts";

const CLAIM_SIZE = 10;

export interface SendPendingInput {
  db: Kysely<DB>;
  mailer: Mailer;
  /** Origin of the respondent page, for the link (config.publicUrl). */
  publicUrl: string;
  /** Only these invitations (the batch a request just created); all organisations' due rows when absent. */
  invitationIds?: string[];
  /** The clock: rows are due when next_attempt_at ≤ now. */
  now?: Date;
  /** Stop claiming new rows after this moment; what is left stays pending for the next sweep. */
  deadline?: Date;
}

export interface SendPendingResult {
  sent: number;
  /** Attempts that failed in this run (retried later unless they also count in `gaveUp`). */
  failed: number;
  /** Invitations marked failed for good in this run. */
  gaveUp: number;
}

interface Claimed {
  id: string;
  token: string;
  tokenHash: string;
  attempts: number;
}

export async function sendPendingInvitations({
  db,
  mailer,
  publicUrl,
  invitationIds,
  now = new Date(),
  deadline,
}: SendPendingInput): Promise<SendPendingResult> {
  const result: SendPendingResult = { sent: 0, failed: 0, gaveUp: 0 };
  if (invitationIds?.length === 0) return result;
  result.gaveUp += await giveUpInterrupted(db, now, invitationIds);
  while (!deadline || Date.now() < deadline.getTime()) {
    const claimed = await claimDue(db, now, invitationIds);
    if (claimed.length === 0) break;
    const details = await loadDeliveryDetails(
      db,
      claimed.map((row) => row.id),
    );
    await Promise.all(
      claimed.map(async (row) => {
        const invitation = details.get(row.id);
        if (!invitation) return;
        if (invitation.blockedBecause) {
          await markFailed(db, row, invitation.blockedBecause);
          result.gaveUp++;
          return;
        }
        try {
          await mailer.send({
            to: invitation.email,
            ...composeFor(invitation, "invitation", publicUrl, row.token),
            headers: { "X-Kexin-Kind": "survey-invitation" },
          });
        } catch (error) {
          result.failed++;
          const isFinal = row.attempts >= MAX_SEND_ATTEMPTS || (error instanceof MailDeliveryError && error.isPermanent);
          if (isFinal) {
            await markFailed(db, row, describe(error));
            result.gaveUp++;
          } else {
            await markRetry(db, row, describe(error), new Date(now.getTime() + RETRY_DELAYS_MS[row.attempts - 1]));
          }
          return;
        }
        await db
          .updateTable("survey_invitations")
          .set({ status: "sent", sent_at: new Date(), error: null })
          .where("id", "=", row.id)
          .where("token_hash", "=", row.tokenHash)
          .where("status", "=", "pending")
          .execute();
        result.sent++;
      }),
    );
  }
  return result;
}

/** Claims up to CLAIM_SIZE due rows: a fresh token each, one more attempt, and the lease. */
async function claimDue(db: Kysely<DB>, now: Date, invitationIds: string[] | undefined): Promise<Claimed[]> {
  return db.transaction().execute(async (transaction) => {
    let due = transaction
      .selectFrom("survey_invitations")
      .select(["id", "attempts"])
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .where("attempts", "<", MAX_SEND_ATTEMPTS);
    if (invitationIds) due = due.where("id", "in", invitationIds);
    const rows = await due.orderBy("next_attempt_at").limit(CLAIM_SIZE).forUpdate().skipLocked().execute();
    const claimed: Claimed[] = [];
    for (const row of rows) {
      const token = newInvitationToken();
      const tokenHash = hashInvitationToken(token);
      await transaction
        .updateTable("survey_invitations")
        .set({
          token_hash: tokenHash,
          attempts: sql<number>`attempts + 1`,
          next_attempt_at: new Date(now.getTime() + SEND_LEASE_MS),
        })
        .where("id", "=", row.id)
        .execute();
      claimed.push({ id: row.id, token, tokenHash, attempts: row.attempts + 1 });
    }
    return claimed;
  });
}

/** Rows whose last allowed attempt was claimed but never marked (the sender died): failed, with why. */
async function giveUpInterrupted(db: Kysely<DB>, now: Date, invitationIds: string[] | undefined): Promise<number> {
  let query = db
    .updateTable("survey_invitations")
    .set({
      status: "failed",
      error: sql<string>`coalesce(error, ${`gave up after ${MAX_SEND_ATTEMPTS} attempts; the last one was interrupted`})`,
    })
    .where("status", "=", "pending")
    .where("attempts", ">=", MAX_SEND_ATTEMPTS)
    .where("next_attempt_at", "<=", now);
  if (invitationIds) query = query.where("id", "in", invitationIds);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

async function markFailed(db: Kysely<DB>, row: Claimed, error: string): Promise<void> {
  await db
    .updateTable("survey_invitations")
    .set({ status: "failed", error })
    .where("id", "=", row.id)
    .where("token_hash", "=", row.tokenHash)
    .where("status", "=", "pending")
    .execute();
}

async function markRetry(db: Kysely<DB>, row: Claimed, error: string, nextAttemptAt: Date): Promise<void> {
  await db
    .updateTable("survey_invitations")
    .set({ error, next_attempt_at: nextAttemptAt })
    .where("id", "=", row.id)
    .where("token_hash", "=", row.tokenHash)
    .where("status", "=", "pending")
    .execute();
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
