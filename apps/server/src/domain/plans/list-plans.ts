import type { PlanList } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { startOfLocalDay } from "./plan-calendar.ts";
import { ensureDefaultPlans, loadPlans } from "./plan-record.ts";


/**
 * The organisation's four plans (the defaults until someone edits them), with the customers in each tier and the
 * open tasks each has generated from today on. Plans are organisation-wide: every role that works tasks may read them.
 */
export async function listPlans({ db, actor, now = new Date() }: { db: Kysely<DB>; actor: Actor; now?: Date }): Promise<PlanList> {
  await ensureDefaultPlans(db, actor.orgId);
  return { items: await loadPlans(db, actor.orgId, startOfLocalDay(now)) };
}
