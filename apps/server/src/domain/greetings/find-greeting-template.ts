import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";

/** @throws AppError greeting_template.not_found (400, naming the field) when the id is not one of the organisation's live templates. */
export async function assertTemplateUsable(db: Kysely<DB>, orgId: string, templateId: string): Promise<void> {
  const template = await db
    .selectFrom("greeting_templates")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", templateId)
    .where("is_archived", "=", false)
    .executeTakeFirst();
  if (!template) throw new AppError("greeting_template.not_found", "invalid", "no such template (or it is archived)", "templateId");
}
