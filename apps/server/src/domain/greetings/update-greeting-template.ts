import type { Kysely } from "kysely";
import type { GreetingTemplate, GreetingTemplateUpdate } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { presentTemplate } from "./greeting-records.ts";
import { validateGreetingTemplate } from "./validate-greeting-template.ts";

/**
 * Changes the fields sent (audited). Letters already queued render with the template as it is when they are sent.
 * @throws AppError greeting_template.not_found, greeting.template_invalid.
 */
export async function updateGreetingTemplate({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof GreetingTemplateUpdate>;
}): Promise<GreetingTemplate> {
  const current = await db
    .selectFrom("greeting_templates")
    .selectAll()
    .where("org_id", "=", actor.orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!current) throw notFound("greeting_template");
  const next = {
    subject: input.subject ?? current.subject,
    body: input.body ?? current.body,
    language: input.language ?? current.language,
  };
  await validateGreetingTemplate(next);
  const row = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("greeting_templates")
      .set({
        ...next,
        ...(input.name !== undefined && { name: input.name }),
        ...(input.purpose !== undefined && { purpose: input.purpose }),
        ...(input.isArchived !== undefined && { is_archived: input.isArchived }),
        updated_at: new Date(),
      })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: "greeting.template_save",
      targetType: "greeting_template",
      targetId: id,
      details: {
        created: false,
        changed: Object.keys(input),
        name: updated.name,
        language: updated.language,
        isArchived: updated.is_archived,
        builtinKey: updated.builtin_key,
      },
    });
    return updated;
  });
  return presentTemplate(row);
}
