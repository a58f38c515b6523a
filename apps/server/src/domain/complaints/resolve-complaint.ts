import type { Complaint, ComplaintResolve } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { recordComplaintEvent } from "./complaint-events.ts";
import { findComplaint } from "./complaint-record.ts";
import { addComplaintToTimeline } from "./complaint-timeline.ts";
import { getComplaint } from "./get-complaint.ts";

/**
 * Resolves a complaint: how it was put right and what the customer was given (compensation: kind, amount, note).
 * Stops the resolution timer (and the first-response timer, when nobody had replied yet). The audit entry records the
 * ticket number and the compensation's kind and amount (its note may name the customer, so it stays out).
 * @throws AppError complaint.not_found; complaint.not_resolvable (conflict) when it is resolved or closed already.
 */
export async function resolveComplaint({ db, actor, id, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof ComplaintResolve>;
  now?: Date;
}): Promise<Complaint> {
  const complaint = await findComplaint(db, actor, id);
  const compensation = input.compensation ?? null;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("complaints")
      .set({
        status: "resolved",
        resolved_at: now,
        resolution_note: input.note,
        compensation_kind: compensation?.kind ?? null,
        compensation_amount: compensation?.amount ?? null,
        compensation_note: compensation?.note || null,
      })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", complaint.id)
      .where("status", "in", ["open", "in_progress"])
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new AppError("complaint.not_resolvable", "conflict", "this complaint is resolved or closed already; reopen it first");
    await recordComplaintEvent(trx, {
      org_id: actor.orgId,
      complaint_id: complaint.id,
      kind: "resolved",
      body: input.note,
      to_status: "resolved",
      user_id: storedUserId(actor),
      created_at: now,
    });
    await addComplaintToTimeline(trx, {
      orgId: actor.orgId,
      customerId: complaint.customer_id,
      storeId: complaint.store_id,
      userId: storedUserId(actor),
      number: complaint.number,
      text: input.note,
      at: now,
    });
    await recordAudit(trx, {
      actor,
      action: "complaint.resolve",
      targetType: "complaint",
      targetId: complaint.id,
      details: { number: complaint.number, compensation: compensation && { kind: compensation.kind, amount: compensation.amount ?? null } },
    });
  });
  return getComplaint({ db, actor, id, now });
}
