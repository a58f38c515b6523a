import type { Complaint } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findComplaint, presentComplaint } from "./complaint-record.ts";
import { loadComplaintSettings } from "./complaint-settings.ts";

/**
 * One complaint with its timers and history.
 * @throws AppError complaint.not_found outside the actor's organisation or stores.
 */
export async function getComplaint({ db, actor, id, now = new Date() }: { db: Kysely<DB>; actor: Actor; id: string; now?: Date }): Promise<Complaint> {
  const row = await findComplaint(db, actor, id);
  const settings = await loadComplaintSettings(db, actor.orgId);
  return presentComplaint(db, row, settings.calendar, now);
}
