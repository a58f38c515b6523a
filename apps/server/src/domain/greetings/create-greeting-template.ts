import type { Kysely } from "kysely";
import type { GreetingTemplate, GreetingTemplateInput } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { presentTemplate } from "./greeting-records.ts";
import { validateGreetingTemplate } from "./validate-greeting-template.ts";

/**
 * Adds a template of the organisation's own, with an audit entry in the same transaction.
 * @throws AppError greeting.template_invalid (400, field subject or body) when the liquid does not parse or render.
 */
export async function createGreetingTemplate({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof GreetingTemplateInput>;
}): Promise<GreetingTemplate> {
  await validateGreetingTemplate(input);
  const row = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("greeting_templates")
      .values({
        org_id: actor.orgId,
        purpose: input.purpose,
        language: input.language,
        name: input.name,
        subject: input.subject,
        body: input.body,
        created_by: storedUserId(actor),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: "greeting.template_save",
      targetType: "greeting_template",
      targetId: created.id,
      details: { created: true, name: created.name, purpose: created.purpose, language: created.language },
    });
    return created;
  });
  return presentTemplate(row);
}
