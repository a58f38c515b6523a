/**
 * The checks complaint writes share, within the actor's organisation: which colleague a complaint is about. Its
 * store and assignee are checked as any filed item's (`domain/stores/filing-references.ts`).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { invalid } from "../app-error.ts";

/** @throws AppError invalid (field staffId) unless the colleague is a user of the organisation. */
export async function checkComplaintStaff(db: Kysely<DB>, orgId: string, staffId: string): Promise<void> {
  const user = await db.selectFrom("users").select("id").where("org_id", "=", orgId).where("id", "=", staffId).executeTakeFirst();
  if (!user) throw invalid("complaint.staff_unknown", "staffId is not a user of your organisation", "staffId");
}
