/** Creating and changing occasion rules (both in one file: they share every check); each save is audited. */
import type { Kysely } from "kysely";
import type { GreetingRule, GreetingRuleInput, GreetingRuleUpdate } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { assertTemplateUsable } from "./find-greeting-template.ts";
import { presentRule } from "./greeting-records.ts";
import { selectRules } from "./list-greeting-rules.ts";

/** @throws AppError greeting_template.not_found (field templateId). */
export async function createGreetingRule({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof GreetingRuleInput>;
}): Promise<GreetingRule> {
  await assertTemplateUsable(db, actor.orgId, input.templateId);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("greeting_rules")
      .values({
        org_id: actor.orgId,
        name: input.name,
        occasion: input.occasion,
        template_id: input.templateId,
        channel: input.channel,
        send_time: input.sendTime,
        days_after: input.daysAfter ?? null,
        segment: JSON.stringify(input.segment),
        is_active: input.isActive,
        created_by: storedUserId(actor),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: "greeting.rule_save",
      targetType: "greeting_rule",
      targetId: row.id,
      details: { created: true, name: input.name, occasion: input.occasion, channel: input.channel, isActive: input.isActive },
    });
    return row.id;
  });
  return presentRule(await selectRules(db, actor.orgId).where("r.id", "=", id).executeTakeFirstOrThrow());
}

/**
 * A changed send time or segment applies from the next day the rule fires; letters already queued stay queued.
 * @throws AppError greeting_rule.not_found, greeting_template.not_found.
 */
export async function updateGreetingRule({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof GreetingRuleUpdate>;
}): Promise<GreetingRule> {
  if (input.templateId) await assertTemplateUsable(db, actor.orgId, input.templateId);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("greeting_rules")
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.occasion !== undefined && { occasion: input.occasion }),
        ...(input.templateId !== undefined && { template_id: input.templateId }),
        ...(input.channel !== undefined && { channel: input.channel }),
        ...(input.sendTime !== undefined && { send_time: input.sendTime }),
        ...(input.daysAfter !== undefined && { days_after: input.daysAfter }),
        ...(input.segment !== undefined && { segment: JSON.stringify(input.segment) }),
        ...(input.isActive !== undefined && { is_active: input.isActive }),
        updated_at: new Date(),
      })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .returning(["name", "occasion", "channel", "is_active"])
      .executeTakeFirst();
    if (!updated) throw notFound("greeting_rule");
    await recordAudit(trx, {
      actor,
      action: "greeting.rule_save",
      targetType: "greeting_rule",
      targetId: id,
      details: {
        created: false,
        changed: Object.keys(input),
        name: updated.name,
        occasion: updated.occasion,
        channel: updated.channel,
        isActive: updated.is_active,
      },
    });
  });
  return presentRule(await selectRules(db, actor.orgId).where("r.id", "=", id).executeTakeFirstOrThrow());
}
