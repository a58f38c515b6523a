import type { Complaint } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import type { Mailer } from "../mail/mailer.ts";
import { recordComplaintEvent } from "./complaint-events.ts";
import { findComplaint } from "./complaint-record.ts";
import { getComplaint } from "./get-complaint.ts";
import { sendRecoverySurvey } from "./send-recovery-survey.ts";

/**
 * Closes a resolved complaint and invites the customer to the recovery survey (see send-recovery-survey.ts). The
 * close is committed first: a survey that cannot be sent is recorded on the ticket, never undoes the close.
 * @throws AppError complaint.not_found; complaint.not_resolved (conflict) unless it is resolved.
 */
export async function closeComplaint({ db, actor, mailer, publicUrl, id, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  mailer: Mailer;
  publicUrl: string;
  id: string;
  now?: Date;
}): Promise<Complaint> {
  const complaint = await findComplaint(db, actor, id);
  const userId = storedUserId(actor);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("complaints")
      .set({ status: "closed", closed_at: now })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", complaint.id)
      .where("status", "=", "resolved")
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new AppError("complaint.not_resolved", "conflict", "resolve the complaint (say how, and any compensation) before closing it");
    await recordComplaintEvent(trx, { org_id: actor.orgId, complaint_id: complaint.id, kind: "closed", to_status: "closed", user_id: userId, created_at: now });
  });
  await sendRecoverySurvey({ db, mailer, publicUrl, complaint, userId, now });
  return getComplaint({ db, actor, id, now });
}
