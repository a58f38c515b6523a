import type { Kysely } from "kysely";
import { TEMPLATE_PURPOSES, type GreetingTemplate } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { ensureBuiltinTemplates } from "./ensure-builtin-templates.ts";
import { presentTemplate } from "./greeting-records.ts";

const LANGUAGE_ORDER = ["zh-CN", "zh-TW", "en"];

/** The organisation's templates (the built-in ones are added on first use), by purpose and language. */
export async function listGreetingTemplates({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<{ items: GreetingTemplate[] }> {
  await ensureBuiltinTemplates(db, actor.orgId);
  const rows = await db
    .selectFrom("greeting_templates")
    .selectAll()
    .where("org_id", "=", actor.orgId)
    .orderBy("created_at")
    .execute();
  // Live before archived, then in the order of purposes, Chinese before English.
  const rank = (template: (typeof rows)[number]) =>
    (template.is_archived ? 1000 : 0) + TEMPLATE_PURPOSES.indexOf(template.purpose as never) * 10 + LANGUAGE_ORDER.indexOf(template.language);
  return { items: rows.sort((a, b) => rank(a) - rank(b)).map(presentTemplate) };
}
