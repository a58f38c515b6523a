import type { Kysely } from "kysely";
import type { GreetingCampaign, GreetingCampaignInput } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { assertTemplateUsable } from "./find-greeting-template.ts";
import { presentCampaign } from "./greeting-records.ts";
import { selectCampaigns } from "./list-greeting-campaigns.ts";
import { countSegment } from "./preview-segment.ts";
import { scopedSegment } from "./scoped-segment.ts";

/**
 * Schedules a campaign: at `scheduledAt` (or the first minute after the quiet hours) the greetings job queues one
 * letter per customer of the segment and sends them. The estimate is the preview count at scheduling time; the
 * audit entry records the campaign's name and that count.
 * @throws AppError greeting_template.not_found (field templateId), greeting.campaign_in_past (field scheduledAt).
 */
export async function scheduleGreetingCampaign({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof GreetingCampaignInput>;
  now?: Date;
}): Promise<GreetingCampaign> {
  await assertTemplateUsable(db, actor.orgId, input.templateId);
  const scheduledAt = new Date(input.scheduledAt);
  // A minute of grace for "send now" from a browser whose clock is a little behind.
  if (scheduledAt.getTime() < now.getTime() - 5 * 60_000) {
    throw invalid("greeting.campaign_in_past", "the send time has passed: choose a time from now on", "scheduledAt");
  }
  const segment = scopedSegment(actor, input.segment);
  const estimate = await countSegment(db, actor.orgId, segment, input.channel, now);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("greeting_campaigns")
      .values({
        org_id: actor.orgId,
        name: input.name,
        template_id: input.templateId,
        channel: input.channel,
        segment: JSON.stringify(segment),
        scheduled_at: scheduledAt,
        estimated_count: estimate.sendable,
        created_by: storedUserId(actor),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: "greeting.campaign_schedule",
      targetType: "greeting_campaign",
      targetId: row.id,
      details: {
        name: input.name,
        templateId: input.templateId,
        channel: input.channel,
        scheduledAt: scheduledAt.toISOString(),
        estimatedCount: estimate.sendable,
      },
    });
    return row.id;
  });
  return presentCampaign(await selectCampaigns(db, actor.orgId).where("g.id", "=", id).executeTakeFirstOrThrow(), {});
}
