/**
 * How feedback is read: one query shape (store, customer, assignee and author names joined) and the presenters of
 * the API's Feedback and FeedbackListItem, shared by every feedback use case.
 */
import { sentimentBand, type Feedback, type FeedbackListItem } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { assertStoreScope } from "../auth/authorize.ts";
import { toIso } from "../customers/customer-record.ts";

export function selectFeedback(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom("feedback as f")
    .leftJoin("stores as s", (join) => join.onRef("s.id", "=", "f.store_id").on("s.org_id", "=", orgId))
    .leftJoin("customers as c", (join) => join.onRef("c.id", "=", "f.customer_id").on("c.org_id", "=", orgId))
    .leftJoin("users as a", (join) => join.onRef("a.id", "=", "f.assignee_id").on("a.org_id", "=", orgId))
    .select([
      "f.id", "f.org_id", "f.store_id", "f.customer_id", "f.channel", "f.source_ref", "f.author_name", "f.author_contact",
      "f.body", "f.rating", "f.language", "f.sentiment", "f.themes", "f.status", "f.assignee_id", "f.received_at",
      "f.created_by", "f.created_at",
      "s.name as store_name", "c.name as customer_name", "a.name as assignee_name",
    ])
    .where("f.org_id", "=", orgId);
}

export type FeedbackRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectFeedback>["executeTakeFirst"]>>>;

/**
 * The feedback item with this id, if it is in the actor's organisation and stores.
 * @throws AppError feedback.not_found otherwise — also for other stores' feedback, so it is not revealed.
 */
export async function findFeedback(db: Kysely<DB>, actor: Actor, id: string): Promise<FeedbackRow> {
  const row = await selectFeedback(db, actor.orgId).where("f.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("feedback");
  assertStoreScope(actor, row.store_id, "feedback");
  return row;
}

/** A float4 read back (−0.30000001…) as the score that was written (−0.3). */
export const roundScore = (value: number) => Math.round(value * 1000) / 1000;

function presentCommon(row: FeedbackRow) {
  const sentiment = roundScore(row.sentiment);
  return {
    id: row.id,
    channel: row.channel,
    rating: row.rating,
    language: row.language,
    sentiment,
    sentimentBand: sentimentBand(sentiment),
    themes: row.themes,
    status: row.status,
    storeId: row.store_id,
    storeName: row.store_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    authorName: row.author_name,
    authorContact: row.author_contact,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    sourceRef: row.source_ref,
    receivedAt: toIso(row.received_at)!,
    createdAt: toIso(row.created_at)!,
  };
}

const EXCERPT_LENGTH = 160;

/** The first characters of a text (whole code points, so an emoji or a rare character is never cut in half). */
export function excerpt(text: string, length: number): { text: string; isCut: boolean } {
  const characters = [...text.replace(/\s+/g, " ").trim()];
  return characters.length <= length
    ? { text: characters.join(""), isCut: false }
    : { text: `${characters.slice(0, length).join("")}…`, isCut: true };
}

export function presentFeedbackListItem(row: FeedbackRow): FeedbackListItem {
  const start = excerpt(row.body, EXCERPT_LENGTH);
  return { ...presentCommon(row), excerpt: start.text, isExcerptCut: start.isCut };
}

export async function presentFeedback(db: Kysely<DB>, row: FeedbackRow): Promise<Feedback> {
  const [creator, task] = await Promise.all([
    row.created_by
      ? db.selectFrom("users").select("name").where("org_id", "=", row.org_id).where("id", "=", row.created_by).executeTakeFirst()
      : undefined,
    db
      .selectFrom("tasks as t")
      .leftJoin("users as u", (join) => join.onRef("u.id", "=", "t.assignee_id").on("u.org_id", "=", row.org_id))
      .select(["t.id", "t.status", "u.name as assignee_name"])
      .where("t.org_id", "=", row.org_id)
      .where("t.dedupe_key", "=", followUpDedupeKey(row.id))
      .executeTakeFirst(),
  ]);
  return {
    ...presentCommon(row),
    body: row.body,
    createdByName: creator?.name ?? null,
    followUpTask: task ? { id: task.id, status: task.status, assigneeName: task.assignee_name } : null,
  };
}

/** One follow-up task per feedback item, however often it is linked or re-imported. */
export const followUpDedupeKey = (feedbackId: string) => `feedback:${feedbackId}`;
