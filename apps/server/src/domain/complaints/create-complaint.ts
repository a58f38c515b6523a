import type { Complaint, ComplaintCreate } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { findCustomer } from "../customers/customer-record.ts";
import { findCustomersByContact } from "../feedback/feedback-references.ts";
import { findComplaint, presentComplaint } from "./complaint-record.ts";
import { checkFilingAssignee, resolveFilingStore } from "../stores/filing-references.ts";
import { checkComplaintStaff } from "./complaint-references.ts";
import { loadComplaintSettings } from "./complaint-settings.ts";
import { fileComplaint } from "./file-complaint.ts";

/**
 * The customer named by id, or else the one customer in the actor's stores with this email (then phone).
 * @throws AppError customer.not_found for an id outside the actor's reach; customer.erased after erasure.
 */
async function resolveCustomer(db: Kysely<DB>, actor: Actor, input: z.output<typeof ComplaintCreate>) {
  if (input.customerId) {
    const customer = await findCustomer(db, actor, input.customerId);
    if (customer.erased_at) {
      throw new AppError("customer.erased", "conflict", "this customer's personal data was erased; file the complaint without them", "customerId");
    }
    return { id: customer.id, homeStoreId: customer.home_store_id, name: customer.name, email: customer.email, phone: customer.phone };
  }
  if (!input.contactPhone && !input.contactEmail) return null;
  const { byPhone, byEmail } = await findCustomersByContact(db, actor, {
    phones: input.contactPhone ? [input.contactPhone] : [],
    emails: input.contactEmail ? [input.contactEmail] : [],
  });
  const match = [...byEmail.values()][0] ?? [...byPhone.values()][0];
  return match ? { ...match, name: null, email: null, phone: null } : null;
}

/**
 * Files a complaint entered by staff in the dashboard or posted by another system through the API. The customer is
 * given by id or found by contact; the store defaults to the customer's home store or the actor's only store.
 * @throws AppError invalid naming the field (store, assignee, staff); customer.not_found; customer.erased.
 */
export async function createComplaint({ db, actor, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof ComplaintCreate>;
  now?: Date;
}): Promise<Complaint> {
  const customer = await resolveCustomer(db, actor, input);
  const storeId = await resolveFilingStore(db, actor, "complaint", input.storeId, customer?.homeStoreId ?? null);
  if (input.staffId) await checkComplaintStaff(db, actor.orgId, input.staffId);
  if (input.assigneeId) await checkFilingAssignee(db, actor.orgId, "complaint", input.assigneeId, storeId);
  const { id } = await fileComplaint(
    db,
    {
      orgId: actor.orgId,
      storeId,
      customerId: customer?.id ?? null,
      category: input.category,
      severity: input.severity,
      channel: input.channel,
      subject: input.subject,
      body: input.body,
      language: input.language,
      contactName: input.contactName || customer?.name || null,
      contactEmail: input.contactEmail || customer?.email || null,
      contactPhone: input.contactPhone || customer?.phone || null,
      staffId: input.staffId ?? null,
      staffName: input.staffName || null,
      assigneeId: input.assigneeId ?? null,
      createdBy: storedUserId(actor),
    },
    now,
  );
  const settings = await loadComplaintSettings(db, actor.orgId);
  return presentComplaint(db, await findComplaint(db, actor, id), settings.calendar, now);
}
