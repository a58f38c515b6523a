import type { Kysely } from "kysely";
import type { Customer } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { findCustomer, presentCustomer } from "./customer-record.ts";

/** The name an erased customer keeps, so lists and timelines still read sensibly. */
export const ERASED_NAME = "已删除客户";
export const ERASED_TEXT = "[erased]";

/**
 * Erases a person's personal data on request (PIPL art. 47, GDPR art. 17) while keeping the business's own figures:
 * the profile is anonymised (contacts, birthday, notes, tags, attributes and code cleared, every channel opted out),
 * interaction texts are replaced, survey invitations lose their address, survey answers are unlinked from the
 * person (kept, anonymous, so reports do not change), feedback texts are replaced (their sentiment kept), follow-up task notes are cleared, and purchases keep their amount, date and store so revenue, store totals and
 * analyses do not change. Final and idempotent: erasing twice changes nothing more. Audited as customer.erase
 * (without any of the erased data).
 * @throws AppError customer.not_found outside the actor's organisation or stores.
 */
export async function eraseCustomer({ db, actor, id }: { db: Kysely<DB>; actor: Actor; id: string }): Promise<Customer> {
  const current = await findCustomer(db, actor, id);
  if (current.erased_at) return presentCustomer(current);
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable("customers")
      .set({
        name: ERASED_NAME,
        code: null,
        gender: "unknown",
        birthday: null,
        phone: null,
        email: null,
        wechat: null,
        city: null,
        company: null,
        preferences: null,
        needs: null,
        personal_note: null,
        tags: [],
        attributes: JSON.stringify({}),
        consent: JSON.stringify({ email: false, sms: false, wechat: false, phone: false }),
        erased_at: now,
        updated_at: now,
      })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", id)
      .execute();
    const interactions = await trx
      .updateTable("interactions")
      .set({ summary: ERASED_TEXT, body: null })
      .where("org_id", "=", actor.orgId)
      .where("customer_id", "=", id)
      .executeTakeFirst();
    await trx
      .updateTable("survey_invitations")
      .set({ email: ERASED_TEXT, customer_id: null })
      .where("org_id", "=", actor.orgId)
      .where("customer_id", "=", id)
      .execute();
    await trx
      .updateTable("survey_responses")
      .set({ customer_id: null })
      .where("org_id", "=", actor.orgId)
      .where("customer_id", "=", id)
      .execute();
    await trx
      .updateTable("feedback")
      .set({ body: ERASED_TEXT, author_name: null, author_contact: null, themes: [] })
      .where("org_id", "=", actor.orgId)
      .where("customer_id", "=", id)
      .execute();
    await trx
      .updateTable("tasks")
      .set({ detail: null, outcome_note: null })
      .where("org_id", "=", actor.orgId)
      .where("customer_id", "=", id)
      .execute();
    // Greetings: the address and the subject (which may carry the name) go; the record that a letter went stays.
    await trx
      .updateTable("message_deliveries")
      .set({ recipient: null, subject: null })
      .where("org_id", "=", actor.orgId)
      .where("customer_id", "=", id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "customer.erase",
      targetType: "customer",
      targetId: id,
      details: { interactionsErased: Number(interactions.numUpdatedRows) },
    });
  });
  return presentCustomer(await findCustomer(db, actor, id));
}
