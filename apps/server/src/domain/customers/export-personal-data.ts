import type { Kysely } from "kysely";
import type { PersonalDataExport } from "@kexin/contracts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { findCustomer, presentCustomer, toIso } from "./customer-record.ts";

/**
 * Everything stored about one person — profile, purchases, interactions, survey answers, feedback and invitations — for a data subject's access or
 * portability request (PIPL art. 45, GDPR art. 15/20). Audited as customer.personal_data_export.
 * @throws AppError customer.not_found outside the actor's organisation or stores.
 */
export async function exportPersonalData({
  db,
  actor,
  id,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  now?: Date;
}): Promise<PersonalDataExport> {
  const customer = presentCustomer(await findCustomer(db, actor, id));
  const transactions = await db
    .selectFrom("transactions as t")
    .leftJoin("stores as s", (join) => join.onRef("s.id", "=", "t.store_id").on("s.org_id", "=", actor.orgId))
    .select(["t.id", "t.occurred_at", "s.name as store_name", "t.channel", "t.amount", "t.items"])
    .where("t.org_id", "=", actor.orgId)
    .where("t.customer_id", "=", id)
    .orderBy("t.occurred_at", "desc")
    .execute();
  const interactions = await db
    .selectFrom("interactions as i")
    .leftJoin("stores as s", (join) => join.onRef("s.id", "=", "i.store_id").on("s.org_id", "=", actor.orgId))
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "i.user_id").on("u.org_id", "=", actor.orgId))
    .select(["i.id", "i.kind", "i.occurred_at", "i.summary", "i.body", "s.name as store_name", "u.name as staff_name"])
    .where("i.org_id", "=", actor.orgId)
    .where("i.customer_id", "=", id)
    .orderBy("i.occurred_at", "desc")
    .execute();
  const surveyAnswers = await db
    .selectFrom("survey_responses as r")
    .innerJoin("surveys as s", "s.id", "r.survey_id")
    .select(["r.id", "s.name as survey_name", "r.submitted_at", "r.answers"])
    .where("r.org_id", "=", actor.orgId)
    .where("r.customer_id", "=", id)
    .orderBy("r.submitted_at", "desc")
    .execute();
  const feedback = await db
    .selectFrom("feedback")
    .select(["id", "channel", "received_at", "body", "rating"])
    .where("org_id", "=", actor.orgId)
    .where("customer_id", "=", id)
    .orderBy("received_at", "desc")
    .execute();
  const surveyInvitations = await db
    .selectFrom("survey_invitations as v")
    .innerJoin("surveys as s", "s.id", "v.survey_id")
    .select(["v.id", "s.name as survey_name", "v.email", "v.status", "v.created_at"])
    .where("v.org_id", "=", actor.orgId)
    .where("v.customer_id", "=", id)
    .orderBy("v.created_at", "desc")
    .execute();
  await recordAudit(db, {
    actor,
    action: "customer.personal_data_export",
    targetType: "customer",
    targetId: id,
    details: { transactions: transactions.length, interactions: interactions.length },
  });
  return {
    exportedAt: now.toISOString(),
    customer,
    transactions: transactions.map((t) => ({
      id: t.id,
      occurredAt: toIso(t.occurred_at)!,
      storeName: t.store_name,
      channel: t.channel,
      amount: Number(t.amount),
      items: t.items,
    })),
    interactions: interactions.map((i) => ({
      id: i.id,
      kind: i.kind,
      occurredAt: toIso(i.occurred_at)!,
      summary: i.summary,
      body: i.body,
      storeName: i.store_name,
      staffName: i.staff_name,
    })),
    surveyAnswers: surveyAnswers.map((r) => ({
      id: r.id,
      surveyName: r.survey_name,
      submittedAt: toIso(r.submitted_at)!,
      answers: r.answers,
    })),
    feedback: feedback.map((f) => ({
      id: f.id,
      channel: f.channel,
      receivedAt: toIso(f.received_at)!,
      body: f.body,
      rating: f.rating === null ? null : Number(f.rating),
    })),
    surveyInvitations: surveyInvitations.map((v) => ({
      id: v.id,
      surveyName: v.survey_name,
      email: v.email,
      status: v.status,
      createdAt: toIso(v.created_at)!,
    })),
  };
}
