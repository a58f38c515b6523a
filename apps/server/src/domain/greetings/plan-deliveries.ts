/**
 * Turns due campaigns and today's occasions into pending message_deliveries rows. Every insert is
 * `on conflict do nothing` on (org, customer, occasion key, channel), so planning twice — two workers, a rerun after
 * a crash — queues each message once. Occasion keys: `campaign:<id>`, `spring-festival:2027`, `birthday:2027`,
 * `after-purchase:<N>d:<transaction id>`, `win-back:<date of the last purchase>`, `tier-change:<tier change id>`.
 *
 * Rules fire on the organisation's local calendar day, from their send time on; a once-a-day rule records the day
 * it planned (last_planned_on) so later runs that day cost one read. An occasion whose whole day passed with no
 * worker running is not caught up (a Spring Festival greeting a week late is worse than none), except win-back,
 * which looks back a week, and tier changes, which look back two days.
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import { Segment, type GreetingSettings, type RuleOccasion } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { birthdayIn, holidayDate, type HolidayOccasion } from "./occasion-dates.ts";
import { SEGMENT_FROM, segmentConditions } from "./segment-filter.ts";
import { addDays, zonedParts, zonedTimeToInstant } from "./zoned-time.ts";

const DAY_MS = 86_400_000;
const TIER_ORDER = sql`array['vip', 'important', 'quality', 'ordinary']::text[]`;

export interface PlanResult {
  campaignsStarted: number;
  rulesPlanned: number;
  queued: number;
}

export async function planDeliveries({
  db,
  orgId,
  now,
  settings,
}: {
  db: Kysely<DB>;
  orgId: string;
  now: Date;
  settings: GreetingSettings;
}): Promise<PlanResult> {
  const result: PlanResult = { campaignsStarted: 0, rulesPlanned: 0, queued: 0 };
  const campaigns = await db
    .selectFrom("greeting_campaigns")
    .select(["id", "template_id", "channel", "segment", "scheduled_at"])
    .where("org_id", "=", orgId)
    .where("status", "=", "scheduled")
    .where("scheduled_at", "<=", now)
    .execute();
  for (const campaign of campaigns) {
    const segment = Segment.parse(campaign.segment ?? {});
    const isStarted = await db.transaction().execute(async (transaction) => {
      // Locked and checked again: a campaign cancelled since the read above queues nothing.
      const current = await transaction
        .selectFrom("greeting_campaigns")
        .select("status")
        .where("id", "=", campaign.id)
        .forUpdate()
        .executeTakeFirst();
      if (current?.status !== "scheduled") return false;
      const inserted = await sql`
        insert into message_deliveries (org_id, customer_id, occasion_key, channel, template_id, campaign_id, due_at)
        select c.org_id, c.id, ${`campaign:${campaign.id}`}, ${campaign.channel}, ${campaign.template_id}::uuid,
               ${campaign.id}::uuid, ${campaign.scheduled_at}
        from ${SEGMENT_FROM}
        where ${segmentConditions(orgId, segment, now)}
        on conflict (org_id, customer_id, occasion_key, channel) do nothing
      `.execute(transaction);
      result.queued += Number(inserted.numAffectedRows ?? 0);
      await transaction
        .updateTable("greeting_campaigns")
        .set({ status: "sending", updated_at: now })
        .where("id", "=", campaign.id)
        .where("status", "=", "scheduled")
        .execute();
      return true;
    });
    if (isStarted) result.campaignsStarted++;
  }

  const today = zonedParts(now, settings.timeZone).date;
  const rules = await db
    .selectFrom("greeting_rules")
    .select(["id", "occasion", "template_id", "channel", "send_time", "days_after", "segment", "last_planned_on", "created_at"])
    .where("org_id", "=", orgId)
    .where("is_active", "=", true)
    .execute();
  for (const rule of rules) {
    const dueAt = zonedTimeToInstant(today, rule.send_time, settings.timeZone);
    if (now < dueAt) continue;
    const occasion = rule.occasion as RuleOccasion;
    const isOncePerDay = occasion !== "tier_change";
    if (isOncePerDay && rule.last_planned_on === today) continue;
    const source = occasionSource(occasion, {
      today,
      daysAfter: rule.days_after ?? defaultDaysAfter(occasion),
      timeZone: settings.timeZone,
      now,
      ruleCreatedAt: rule.created_at,
      orgId,
    });
    if (source) {
      const segment = Segment.parse(rule.segment ?? {});
      const inserted = await sql`
        insert into message_deliveries (org_id, customer_id, occasion_key, channel, template_id, rule_id, due_at)
        select ${source.distinct} c.org_id, c.id, ${source.key}, ${rule.channel}, ${rule.template_id}::uuid,
               ${rule.id}::uuid, ${dueAt}
        from ${SEGMENT_FROM} ${source.join}
        where ${segmentConditions(orgId, segment, now)} and ${source.condition}
        ${source.orderBy}
        on conflict (org_id, customer_id, occasion_key, channel) do nothing
      `.execute(db);
      result.queued += Number(inserted.numAffectedRows ?? 0);
      result.rulesPlanned++;
    }
    if (isOncePerDay) {
      await db.updateTable("greeting_rules").set({ last_planned_on: today }).where("id", "=", rule.id).execute();
    }
  }
  return result;
}

const defaultDaysAfter = (occasion: RuleOccasion) => (occasion === "win_back" ? 180 : occasion === "after_purchase" ? 7 : 0);

interface OccasionSource {
  key: RawBuilder<unknown>;
  condition: RawBuilder<unknown>;
  join: RawBuilder<unknown>;
  distinct: RawBuilder<unknown>;
  orderBy: RawBuilder<unknown>;
}

/** Which customers an occasion reaches today and under what key; undefined when it does not fall today. */
function occasionSource(
  occasion: RuleOccasion,
  context: { today: string; daysAfter: number; timeZone: string; now: Date; ruleCreatedAt: Date; orgId: string },
): OccasionSource | undefined {
  const { today, daysAfter, timeZone } = context;
  const year = Number(today.slice(0, 4));
  const plain = { join: sql``, distinct: sql``, orderBy: sql`` };
  const dayStart = (date: string) => zonedTimeToInstant(date, "00:00", timeZone);
  switch (occasion) {
    case "spring_festival":
    case "mid_autumn":
    case "dragon_boat":
    case "national_day": {
      if (holidayDate(occasion as HolidayOccasion, year) !== today) return undefined;
      return { ...plain, key: sql`${`${occasion.replace(/_/g, "-")}:${year}`}::text`, condition: sql`true` };
    }
    case "birthday": {
      // Everyone whose birthday is celebrated today: 29 February birthdays on 28 February in common years.
      const monthDays = [today.slice(5)];
      if (today.endsWith("-02-28") && birthdayIn("2000-02-29", year) === today) monthDays.push("02-29");
      return {
        ...plain,
        key: sql`${`birthday:${year}`}::text`,
        condition: sql`c.birthday is not null and to_char(c.birthday, 'MM-DD') = any(${monthDays}::text[])`,
      };
    }
    case "after_purchase": {
      const purchaseDay = addDays(today, -daysAfter);
      return {
        key: sql`${`after-purchase:${daysAfter}d:`}::text || t.id::text`,
        join: sql`join transactions t on t.customer_id = c.id and t.org_id = c.org_id`,
        condition: sql`t.occurred_at >= ${dayStart(purchaseDay)} and t.occurred_at < ${dayStart(addDays(purchaseDay, 1))}`,
        // One letter per customer however many purchases that day: the latest.
        distinct: sql`distinct on (c.id)`,
        orderBy: sql`order by c.id, t.occurred_at desc`,
      };
    }
    case "win_back": {
      const lapsedOn = addDays(today, -daysAfter);
      return {
        ...plain,
        key: sql`'win-back:' || to_char(c.last_purchase_at at time zone ${timeZone}, 'YYYY-MM-DD')`,
        condition: sql`c.last_purchase_at >= ${dayStart(addDays(lapsedOn, -6))} and c.last_purchase_at < ${dayStart(addDays(lapsedOn, 1))}`,
      };
    }
    case "tier_change": {
      const since = new Date(Math.max(context.now.getTime() - 2 * DAY_MS, new Date(context.ruleCreatedAt).getTime()));
      return {
        key: sql`'tier-change:' || tc.id::text`,
        join: sql`join tier_changes tc on tc.customer_id = c.id and tc.org_id = c.org_id`,
        // Upgrades only: a letter congratulates; nobody is written to about a downgrade, and a first tier (from
        // none, e.g. the first recompute) is a classification, not an upgrade.
        condition: sql`tc.changed_at >= ${since} and tc.to_tier is not null and tc.from_tier is not null
          and array_position(${TIER_ORDER}, tc.to_tier) < array_position(${TIER_ORDER}, tc.from_tier)`,
        distinct: sql`distinct on (c.id)`,
        orderBy: sql`order by c.id, tc.changed_at desc`,
      };
    }
  }
}
