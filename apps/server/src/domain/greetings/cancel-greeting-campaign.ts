import type { Kysely } from "kysely";
import type { GreetingCampaign } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { presentCampaign } from "./greeting-records.ts";
import { campaignCounts, selectCampaigns } from "./list-greeting-campaigns.ts";

/**
 * Stops a campaign: letters not yet claimed are skipped ("cancelled"); letters already sent or in flight stand. The
 * audit entry records the campaign's name and how many letters were skipped.
 * @throws AppError greeting_campaign.not_found, greeting.campaign_finished (409) when it is done or cancelled.
 */
export async function cancelGreetingCampaign({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<GreetingCampaign> {
  await db.transaction().execute(async (transaction) => {
    const campaign = await transaction
      .selectFrom("greeting_campaigns")
      .select(["status", "name"])
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!campaign) throw notFound("greeting_campaign");
    if (campaign.status === "done" || campaign.status === "cancelled") {
      throw new AppError("greeting.campaign_finished", "conflict", `the campaign is already ${campaign.status}`);
    }
    const now = new Date();
    await transaction.updateTable("greeting_campaigns").set({ status: "cancelled", updated_at: now }).where("id", "=", id).execute();
    const skipped = await transaction
      .updateTable("message_deliveries")
      .set({ status: "skipped", reason: "cancelled", updated_at: now })
      .where("org_id", "=", actor.orgId)
      .where("campaign_id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    await recordAudit(transaction, {
      actor,
      action: "greeting.campaign_cancel",
      targetType: "greeting_campaign",
      targetId: id,
      details: { name: campaign.name, wasStatus: campaign.status, skipped: Number(skipped.numUpdatedRows) },
    });
  });
  const row = await selectCampaigns(db, actor.orgId).where("g.id", "=", id).executeTakeFirstOrThrow();
  return presentCampaign(row, (await campaignCounts(db, actor.orgId, [id])).get(id) ?? {});
}
