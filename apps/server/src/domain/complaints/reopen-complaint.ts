import type { Complaint, ComplaintReopen } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { addBusinessMinutes } from "./business-hours.ts";
import { recordComplaintEvent } from "./complaint-events.ts";
import { findComplaint } from "./complaint-record.ts";
import { loadComplaintSettings } from "./complaint-settings.ts";
import { getComplaint } from "./get-complaint.ts";

/**
 * Reopens a resolved or closed complaint: back in progress, with a fresh resolution timer from now (same target).
 * Escalations already made are not repeated; the recovery survey already sent stays sent.
 * @throws AppError complaint.not_found; complaint.not_reopenable (conflict) while it is still open or in progress.
 */
export async function reopenComplaint({ db, actor, id, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof ComplaintReopen>;
  now?: Date;
}): Promise<Complaint> {
  const complaint = await findComplaint(db, actor, id);
  const settings = await loadComplaintSettings(db, actor.orgId);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("complaints")
      .set({
        status: "in_progress",
        resolved_at: null,
        closed_at: null,
        resolution_started_at: now,
        resolution_due_at: addBusinessMinutes(settings.calendar, now, complaint.resolution_minutes),
      })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", complaint.id)
      .where("status", "in", ["resolved", "closed"])
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new AppError("complaint.not_reopenable", "conflict", "only a resolved or closed complaint can be reopened");
    await recordComplaintEvent(trx, {
      org_id: actor.orgId,
      complaint_id: complaint.id,
      kind: "reopened",
      body: input.reason,
      to_status: "in_progress",
      user_id: storedUserId(actor),
      created_at: now,
    });
  });
  return getComplaint({ db, actor, id, now });
}
