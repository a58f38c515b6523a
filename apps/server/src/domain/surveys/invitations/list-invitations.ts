import type { InvitationListQuery, SurveyInvitationList } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../../db/schema.ts";
import type { Actor } from "../../auth/actor.ts";
import { storeScope } from "../../auth/authorize.ts";
import { findSurvey } from "../find-survey.ts";

/**
 * A survey's invitations, newest first, with the customer's name. Store-bound staff see only invitations of their
 * stores' customers (an invitation without a customer, or to a customer of no store, is organisation-wide).
 */
export async function listInvitations({
  db,
  actor,
  surveyId,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  surveyId: string;
  input: z.output<typeof InvitationListQuery>;
}): Promise<z.input<typeof SurveyInvitationList>> {
  const survey = await findSurvey(db, actor, surveyId);
  const scope = storeScope(actor);
  let filtered = db
    .selectFrom("survey_invitations as i")
    .leftJoin("customers as c", (join) => join.onRef("c.id", "=", "i.customer_id").on("c.org_id", "=", actor.orgId))
    .where("i.org_id", "=", actor.orgId)
    .where("i.survey_id", "=", survey.id);
  if (input.status) filtered = filtered.where("i.status", "=", input.status);
  if (scope !== null) {
    filtered = scope.length === 0 ? filtered.where((eb) => eb.val(false)) : filtered.where("c.home_store_id", "in", scope);
  }
  const [rows, count] = await Promise.all([
    filtered
      .select([
        "i.id",
        "i.customer_id",
        "c.name as customer_name",
        "i.email",
        "i.status",
        "i.sent_at",
        "i.reminded_at",
        "i.answered_at",
        "i.error",
      ])
      .orderBy("i.created_at", "desc")
      .orderBy("i.id", "desc")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    items: rows.map((row) => ({
      id: row.id,
      customerId: row.customer_id,
      customerName: row.customer_name,
      email: row.email,
      status: row.status,
      sentAt: row.sent_at?.toISOString() ?? null,
      remindedAt: row.reminded_at?.toISOString() ?? null,
      answeredAt: row.answered_at?.toISOString() ?? null,
      error: row.error,
    })),
  };
}
