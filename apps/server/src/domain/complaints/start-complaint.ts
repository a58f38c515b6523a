import type { Complaint } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findComplaint } from "./complaint-record.ts";
import { recordComplaintEvent } from "./complaint-events.ts";
import { getComplaint } from "./get-complaint.ts";

/**
 * Takes an open complaint on: in progress, and assigned to the actor when nobody has it yet.
 * @throws AppError complaint.not_found; complaint.not_open (conflict) unless it is open.
 */
export async function startComplaint({ db, actor, id, now = new Date() }: { db: Kysely<DB>; actor: Actor; id: string; now?: Date }): Promise<Complaint> {
  const complaint = await findComplaint(db, actor, id);
  const userId = storedUserId(actor);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("complaints")
      .set({ status: "in_progress", ...(complaint.assignee_id === null && userId && { assignee_id: userId }) })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", complaint.id)
      .where("status", "=", "open")
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new AppError("complaint.not_open", "conflict", "only an open complaint can be taken on; it has moved on already");
    await recordComplaintEvent(trx, { org_id: actor.orgId, complaint_id: complaint.id, kind: "status", to_status: "in_progress", user_id: userId, created_at: now });
  });
  return getComplaint({ db, actor, id, now });
}
