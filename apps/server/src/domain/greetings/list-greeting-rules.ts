import type { Kysely } from "kysely";
import type { GreetingRule } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { presentRule } from "./greeting-records.ts";

export function selectRules(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom("greeting_rules as r")
    .innerJoin("greeting_templates as t", "t.id", "r.template_id")
    .selectAll("r")
    .select("t.name as template_name")
    .where("r.org_id", "=", orgId);
}

export async function listGreetingRules({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<{ items: GreetingRule[] }> {
  const rows = await selectRules(db, actor.orgId).orderBy("r.created_at").execute();
  return { items: rows.map(presentRule) };
}
