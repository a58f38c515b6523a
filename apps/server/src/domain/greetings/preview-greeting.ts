import type { Kysely } from "kysely";
import type { GreetingLanguage, GreetingPreview, GreetingPreviewRequest } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { invalid, notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { findCustomer } from "../customers/customer-record.ts";
import { loadGreetingSettings } from "./greeting-settings.ts";
import { buildMergeFields, loadMergeSources } from "./merge-fields.ts";
import { compileTemplate, renderTemplate } from "./template-engine.ts";
import { zonedParts } from "./zoned-time.ts";

/**
 * A saved template, or the draft being edited (subject + body), rendered for one customer the actor may see — what
 * that customer would receive today.
 * @throws AppError customer.not_found, greeting_template.not_found, greeting.template_invalid (field subject/body).
 */
export async function previewGreeting({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof GreetingPreviewRequest>;
  now?: Date;
}): Promise<GreetingPreview> {
  await findCustomer(db, actor, input.customerId);
  let source: { subject: string; body: string; language: GreetingLanguage; purpose: string };
  if (input.templateId) {
    const template = await db
      .selectFrom("greeting_templates")
      .select(["subject", "body", "language", "purpose"])
      .where("org_id", "=", actor.orgId)
      .where("id", "=", input.templateId)
      .executeTakeFirst();
    if (!template) throw notFound("greeting_template");
    source = { ...template, ...(input.subject !== undefined && { subject: input.subject }), ...(input.body !== undefined && { body: input.body }) };
  } else {
    if (input.subject === undefined || input.body === undefined) {
      throw invalid("greeting.preview_incomplete", "send a templateId, or a subject and a body to preview", "templateId");
    }
    source = { subject: input.subject, body: input.body, language: input.language ?? "zh-CN", purpose: "other" };
  }
  const settings = await loadGreetingSettings(db, actor.orgId);
  const [merge, org] = await Promise.all([
    loadMergeSources(db, actor.orgId, [input.customerId]),
    db.selectFrom("orgs").select("name").where("id", "=", actor.orgId).executeTakeFirstOrThrow(),
  ]);
  const today = zonedParts(now, settings.timeZone).date;
  const fields = buildMergeFields(merge.get(input.customerId)!, {
    language: input.language ?? source.language,
    occasion: { key: "preview", kind: source.purpose, date: today },
    orgName: org.name,
    now,
    timeZone: settings.timeZone,
  });
  const rendered = await renderTemplate(compileTemplate(source), fields);
  return { ...rendered, fields };
}
