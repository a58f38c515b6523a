/**
 * Test data for surveys (imported by tests only): a small definition written inline, so tests never depend on a
 * template existing, and answers stored straight into survey_responses as the answering side would store them.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { SurveyDefinitionInput } from "@kexin/contracts";
import type { DB, ResponseChannel } from "../../db/schema.ts";

/** A four-question shopping survey in 简体中文 and English. */
export function testDefinition(): SurveyDefinitionInput {
  return {
    title: { "zh-CN": "购物满意度", en: "Shopping satisfaction" },
    languages: ["zh-CN", "en"],
    pages: [
      {
        key: "page_1",
        questions: [
          { key: "overall", type: "csat", title: { "zh-CN": "您对本次购物满意吗？", en: "How satisfied are you with this visit?" } },
          { key: "recommend", type: "nps", title: { "zh-CN": "您向朋友推荐我们的可能性？", en: "How likely are you to recommend us?" } },
          {
            key: "visit",
            type: "single_choice",
            title: { "zh-CN": "您多久来一次？", en: "How often do you come?" },
            options: [
              { key: "first", label: { "zh-CN": "第一次", en: "First time" } },
              { key: "regular", label: { "zh-CN": "经常", en: "Regularly" } },
            ],
          },
          { key: "comment", type: "text", required: false, title: { "zh-CN": "还有什么想说的？", en: "Anything else?" } },
        ],
      },
    ],
  };
}

/** Stores one answer against a published version, as the answering side does after validating it. */
export async function insertResponse(
  db: Kysely<DB>,
  row: {
    orgId: string;
    surveyId: string;
    version: number;
    answers: Record<string, unknown>;
    storeId?: string | null;
    customerId?: string | null;
    linkId?: string | null;
    channel?: ResponseChannel;
    submittedAt?: Date;
  },
) {
  return db
    .insertInto("survey_responses")
    .values({
      org_id: row.orgId,
      survey_id: row.surveyId,
      version: row.version,
      answers: JSON.stringify(row.answers),
      store_id: row.storeId ?? null,
      customer_id: row.customerId ?? null,
      link_id: row.linkId ?? null,
      channel: row.channel ?? "link",
      language: "zh-CN",
      submission_key: randomUUID(),
      ...(row.submittedAt && { submitted_at: row.submittedAt }),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}
