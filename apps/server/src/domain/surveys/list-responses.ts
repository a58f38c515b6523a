import type { Kysely } from "kysely";
import type { SurveyResponseList, SurveyResponseQuery } from "@kexin/contracts";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { findSurvey } from "./find-survey.ts";
import { responsesInScope, toIso } from "./survey-record.ts";

/**
 * A survey's answers, newest first, a page at a time, each with the version it answered and the customer's name
 * when identified. Store-bound staff see the answers given at their stores only.
 * Cost: one indexed page (survey_responses_report) plus one count with the same conditions.
 * @throws AppError survey.not_found outside the actor's organisation or stores.
 */
export async function listResponses({
  db,
  actor,
  id,
  input,
}: {
  db: Kysely<DB>;
  actor: Actor;
  id: string;
  input: z.output<typeof SurveyResponseQuery>;
}): Promise<z.input<typeof SurveyResponseList>> {
  await findSurvey(db, actor, id);
  let filtered = db
    .selectFrom("survey_responses")
    .where("survey_responses.org_id", "=", actor.orgId)
    .where("survey_responses.survey_id", "=", id)
    .where(responsesInScope(actor));
  if (input.version !== undefined) filtered = filtered.where("survey_responses.version", "=", input.version);
  const [rows, count] = await Promise.all([
    filtered
      .leftJoin("customers", (join) =>
        join.onRef("customers.id", "=", "survey_responses.customer_id").on("customers.org_id", "=", actor.orgId),
      )
      .select([
        "survey_responses.id",
        "survey_responses.version",
        "survey_responses.submitted_at",
        "survey_responses.channel",
        "survey_responses.language",
        "survey_responses.customer_id",
        "survey_responses.store_id",
        "survey_responses.answers",
        "customers.name as customer_name",
      ])
      .orderBy("survey_responses.submitted_at", "desc")
      .orderBy("survey_responses.id", "desc")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    items: rows.map((row) => ({
      id: row.id,
      version: row.version,
      submittedAt: toIso(row.submitted_at),
      channel: row.channel,
      language: row.language as z.input<typeof SurveyResponseList>["items"][number]["language"],
      customerId: row.customer_id,
      customerName: row.customer_name,
      storeId: row.store_id,
      answers: row.answers,
    })),
  };
}
