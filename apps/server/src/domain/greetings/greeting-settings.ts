/** The organisation's greeting settings (time zone and quiet hours), with defaults until someone changes them. */
import type { Kysely } from "kysely";
import type { GreetingSettings } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";

export const DEFAULT_GREETING_SETTINGS: GreetingSettings = {
  timeZone: "Asia/Shanghai",
  quietStart: "21:00",
  quietEnd: "09:00",
};

export async function loadGreetingSettings(db: Kysely<DB>, orgId: string): Promise<GreetingSettings> {
  const row = await db.selectFrom("greeting_settings").selectAll().where("org_id", "=", orgId).executeTakeFirst();
  return row ? { timeZone: row.time_zone, quietStart: row.quiet_start, quietEnd: row.quiet_end } : DEFAULT_GREETING_SETTINGS;
}
