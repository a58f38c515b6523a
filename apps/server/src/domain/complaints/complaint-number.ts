import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

/**
 * The next ticket number of an organisation and year, TS-2026-000123: one atomic upsert of the year's counter, so
 * two complaints filed at the same moment (or by two processes) never share a number. Inside the caller's
 * transaction, a rolled-back complaint gives its number back.
 */
export async function nextComplaintNumber(db: Kysely<DB>, orgId: string, year: number): Promise<string> {
  const row = await db
    .insertInto("complaint_counters")
    .values({ org_id: orgId, year, last_number: 1 })
    .onConflict((conflict) => conflict.columns(["org_id", "year"]).doUpdateSet({ last_number: sql<number>`complaint_counters.last_number + 1` }))
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return formatComplaintNumber(year, row.last_number);
}

export const formatComplaintNumber = (year: number, sequence: number) => `TS-${year}-${String(sequence).padStart(6, "0")}`;

/** The calendar year of an instant in a time zone (a complaint filed at 01:00 on 1 January in Shanghai is next year's). */
export function yearIn(timeZone: string, instant: Date): number {
  return Number(new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(instant));
}
