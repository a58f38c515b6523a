import type { Kysely } from "kysely";
import type { GreetingSettings } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { isValidTimeZone } from "./zoned-time.ts";

/**
 * Saves the time zone and quiet hours, with an audit entry in the same transaction.
 * @throws AppError greeting.time_zone_unknown (field timeZone) for a name that is not an IANA time zone.
 */
export async function updateGreetingSettings({
  db,
  actor,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: GreetingSettings;
}): Promise<GreetingSettings> {
  if (!isValidTimeZone(input.timeZone)) {
    throw invalid("greeting.time_zone_unknown", `unknown time zone ${input.timeZone}: use a name like Asia/Shanghai`, "timeZone");
  }
  const values = { time_zone: input.timeZone, quiet_start: input.quietStart, quiet_end: input.quietEnd, updated_at: new Date() };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("greeting_settings")
      .values({ org_id: actor.orgId, ...values })
      .onConflict((conflict) => conflict.column("org_id").doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor,
      action: "greeting.settings_update",
      targetType: "greeting_settings",
      targetId: actor.orgId,
      details: { timeZone: input.timeZone, quietStart: input.quietStart, quietEnd: input.quietEnd },
    });
  });
  return input;
}
