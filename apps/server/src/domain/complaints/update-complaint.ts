import type { Complaint, ComplaintUpdate } from "@kexin/contracts";
import type { Kysely, Updateable } from "kysely";
import type { z } from "zod";
import type { ComplaintsTable, DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findCustomer } from "../customers/customer-record.ts";
import { addBusinessMinutes } from "./business-hours.ts";
import { recordComplaintEvent } from "./complaint-events.ts";
import { findComplaint } from "./complaint-record.ts";
import { checkFilingAssignee, checkFilingStore } from "../stores/filing-references.ts";
import { checkComplaintStaff } from "./complaint-references.ts";
import { choosePolicy, loadComplaintSettings } from "./complaint-settings.ts";
import { getComplaint } from "./get-complaint.ts";

/**
 * Triage: category, severity, store, assignee, the colleague it is about, the customer. A new severity (or a
 * customer of another tier) picks the policy again and recomputes both due times from when their timers started;
 * escalations already made stay. An assignment is recorded in the history.
 * @throws AppError complaint.not_found; invalid naming the field (store, assignee, staff); customer.not_found.
 */
export async function updateComplaint({ db, actor, id, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof ComplaintUpdate>;
  now?: Date;
}): Promise<Complaint> {
  const complaint = await findComplaint(db, actor, id);
  const changes: Updateable<ComplaintsTable> = {};
  if (input.category !== undefined) changes.category = input.category;
  if (input.storeId !== undefined && input.storeId !== complaint.store_id) {
    if (input.storeId) await checkFilingStore(db, actor, "complaint", input.storeId);
    changes.store_id = input.storeId;
  }
  const storeId = changes.store_id !== undefined ? changes.store_id : complaint.store_id;
  if (input.assigneeId !== undefined && input.assigneeId !== complaint.assignee_id) {
    if (input.assigneeId) await checkFilingAssignee(db, actor.orgId, "complaint", input.assigneeId, storeId);
    changes.assignee_id = input.assigneeId;
  }
  if (input.staffId !== undefined) {
    if (input.staffId) await checkComplaintStaff(db, actor.orgId, input.staffId);
    changes.staff_id = input.staffId;
  }
  if (input.staffName !== undefined) changes.staff_name = input.staffName || null;
  let tier = complaint.customer_tier;
  if (input.customerId !== undefined && input.customerId !== complaint.customer_id) {
    if (input.customerId) await findCustomer(db, actor, input.customerId);
    changes.customer_id = input.customerId;
    const value = input.customerId
      ? await db.selectFrom("customer_values").select("tier").where("org_id", "=", actor.orgId).where("customer_id", "=", input.customerId).executeTakeFirst()
      : undefined;
    tier = value?.tier ?? null;
    changes.customer_tier = tier;
  }
  const severity = input.severity ?? complaint.severity;
  if (severity !== complaint.severity || tier !== complaint.customer_tier) {
    const settings = await loadComplaintSettings(db, actor.orgId);
    const policy = choosePolicy(settings.policies, severity, tier);
    changes.severity = severity;
    changes.first_response_minutes = policy.firstResponseMinutes;
    changes.resolution_minutes = policy.resolutionMinutes;
    changes.first_response_due_at = addBusinessMinutes(settings.calendar, complaint.created_at, policy.firstResponseMinutes);
    changes.resolution_due_at = addBusinessMinutes(settings.calendar, complaint.resolution_started_at, policy.resolutionMinutes);
  }
  if (Object.keys(changes).length > 0) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("complaints").set(changes).where("org_id", "=", actor.orgId).where("id", "=", complaint.id).execute();
      const isAssignment = changes.assignee_id !== undefined;
      const assignee = changes.assignee_id
        ? await trx.selectFrom("users").select("name").where("org_id", "=", actor.orgId).where("id", "=", changes.assignee_id).executeTakeFirst()
        : undefined;
      await recordComplaintEvent(trx, {
        org_id: actor.orgId,
        complaint_id: complaint.id,
        kind: isAssignment ? "assigned" : "updated",
        // For an assignment the new assignee's name (null: unassigned); otherwise which fields changed.
        body: isAssignment
          ? (assignee?.name ?? null)
          : Object.keys(changes)
              .filter((key) => !key.endsWith("_due_at") && !key.endsWith("_minutes") && key !== "customer_tier")
              .join(", "),
        user_id: storedUserId(actor),
        created_at: now,
      });
    });
  }
  return getComplaint({ db, actor, id, now });
}
