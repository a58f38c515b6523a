import type { Insertable, Kysely } from "kysely";
import type { ComplaintEventsTable, DB } from "../../db/schema.ts";

/** Writes one event of a complaint's history and marks the complaint as changed at the same moment. */
export async function recordComplaintEvent(
  db: Kysely<DB>,
  event: Omit<Insertable<ComplaintEventsTable>, "created_at"> & { created_at: Date },
): Promise<string> {
  const row = await db.insertInto("complaint_events").values(event).returning("id").executeTakeFirstOrThrow();
  await db
    .updateTable("complaints")
    .set({ updated_at: event.created_at })
    .where("org_id", "=", event.org_id)
    .where("id", "=", event.complaint_id)
    .execute();
  return row.id;
}
