import type { Kysely } from "kysely";
import type { GreetingSettings } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { isValidTimeZone } from "./zoned-time.ts";

/** @throws AppError greeting.time_zone_unknown (field timeZone) for a name that is not an IANA time zone. */
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
  await db
    .insertInto("greeting_settings")
    .values({ org_id: actor.orgId, ...values })
    .onConflict((conflict) => conflict.column("org_id").doUpdateSet(values))
    .execute();
  return input;
}
