import { sql, type Kysely } from "kysely";
import type { GreetingCampaign } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { presentCampaign } from "./greeting-records.ts";

export function selectCampaigns(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom("greeting_campaigns as g")
    .innerJoin("greeting_templates as t", "t.id", "g.template_id")
    .selectAll("g")
    .select("t.name as template_name")
    .where("g.org_id", "=", orgId);
}

/** Delivery counts by status for these campaigns. */
export async function campaignCounts(db: Kysely<DB>, orgId: string, ids: string[]): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return counts;
  const { rows } = await sql<{ campaign_id: string; status: string; count: string }>`
    select campaign_id, status, count(*) as count from message_deliveries
    where org_id = ${orgId} and campaign_id = any(${ids}::uuid[])
    group by campaign_id, status
  `.execute(db);
  for (const row of rows) counts.get(row.campaign_id)![row.status] = Number(row.count);
  return counts;
}

/** The latest 100 campaigns, newest scheduled first, with how their letters stand. */
export async function listGreetingCampaigns({ db, actor }: { db: Kysely<DB>; actor: Actor }): Promise<{ items: GreetingCampaign[] }> {
  const rows = await selectCampaigns(db, actor.orgId).orderBy("g.scheduled_at", "desc").limit(100).execute();
  const counts = await campaignCounts(
    db,
    actor.orgId,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => presentCampaign(row, counts.get(row.id) ?? {})) };
}
