/**
 * Gives an organisation the built-in templates it does not have yet (unique on org, key, language, so calling it
 * again, or from two requests at once, adds nothing). An organisation may edit or archive its copies freely.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { BUILTIN_TEMPLATES } from "./builtin-templates.ts";

export async function ensureBuiltinTemplates(db: Kysely<DB>, orgId: string): Promise<void> {
  const existing = await db
    .selectFrom("greeting_templates")
    .select(["builtin_key", "language"])
    .where("org_id", "=", orgId)
    .where("builtin_key", "is not", null)
    .execute();
  const have = new Set(existing.map((row) => `${row.builtin_key}/${row.language}`));
  const missing = BUILTIN_TEMPLATES.filter((template) => !have.has(`${template.key}/${template.language}`));
  if (missing.length === 0) return;
  await db
    .insertInto("greeting_templates")
    .values(
      missing.map((template) => ({
        org_id: orgId,
        builtin_key: template.key,
        purpose: template.key,
        language: template.language,
        name: template.name,
        subject: template.subject,
        body: template.body,
      })),
    )
    .onConflict((conflict) => conflict.columns(["org_id", "builtin_key", "language"]).where("builtin_key", "is not", null).doNothing())
    .execute();
}
