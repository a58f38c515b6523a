import type { Kysely } from "kysely";
import type { GreetingTemplate, GreetingTemplateInput } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { presentTemplate } from "./greeting-records.ts";
import { validateGreetingTemplate } from "./validate-greeting-template.ts";

/** @throws AppError greeting.template_invalid (400, field subject or body) when the liquid does not parse or render. */
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
  const row = await db
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
  return presentTemplate(row);
}
