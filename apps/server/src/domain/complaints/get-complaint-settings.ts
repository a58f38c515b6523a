import type { ComplaintSettings } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { loadComplaintSettings, presentComplaintSettings } from "./complaint-settings.ts";

/** The organisation's business hours, SLA policies, recovery survey and staff KPI threshold (defaults until saved). */
export async function getComplaintSettings({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<ComplaintSettings> {
  return presentComplaintSettings(await loadComplaintSettings(db, actor.orgId));
}
