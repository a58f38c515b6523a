import type { Complaint, ComplaintNoteCreate } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findComplaint } from "./complaint-record.ts";
import { recordComplaintEvent } from "./complaint-events.ts";
import { getComplaint } from "./get-complaint.ts";

/**
 * An internal note on a complaint: for colleagues only, never sent to the customer.
 * @throws AppError complaint.not_found outside the actor's organisation or stores.
 */
export async function addComplaintNote({ db, actor, id, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof ComplaintNoteCreate>;
  now?: Date;
}): Promise<Complaint> {
  const complaint = await findComplaint(db, actor, id);
  await recordComplaintEvent(db, {
    org_id: actor.orgId,
    complaint_id: complaint.id,
    kind: "note",
    body: input.body,
    user_id: storedUserId(actor),
    created_at: now,
  });
  return getComplaint({ db, actor, id, now });
}
