import type { TierRulesView } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { loadTierRules } from "./tier-rules.ts";
import { toIsoOrNull } from "./value-scope.ts";

/** The organisation's tier rules (the default set until it saves its own), with who changed them last. */
export async function getTierRules({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<TierRulesView> {
  const stored = await loadTierRules(db, actor.orgId);
  const user = stored.updatedBy
    ? await db.selectFrom("users").select("name").where("id", "=", stored.updatedBy).where("org_id", "=", actor.orgId).executeTakeFirst()
    : undefined;
  return { rules: stored.rules, isDefault: stored.isDefault, updatedAt: toIsoOrNull(stored.updatedAt), updatedByName: user?.name ?? null };
}
