/**
 * The one statement of the hot path: insert the answer unless its submission key is already stored, only while the
 * survey is live (and its link active), and drop the saved draft it finishes — all in one round trip. Re-checking
 * the survey's state here, not from a cache, is what makes "closed" exact.
 */
import type { Answers } from "@kexin/contracts";
import { sql, type Kysely } from "kysely";
import type { DB, ResponseChannel } from "../../../db/schema.ts";

export interface ResponseRow {
  orgId: string;
  surveyId: string;
  version: number;
  linkId: string | null;
  invitationId: string | null;
  customerId: string | null;
  storeId: string | null;
  channel: ResponseChannel;
  language: string;
  submissionKey: string;
  answers: Answers;
  startedAt: string | null;
  /** SHA-256 of the draft key whose draft this answer finishes, to delete it in the same statement. */
  draftKeyHash: string | null;
}

export type InsertOutcome =
  | { kind: "inserted"; id: string }
  /** Nothing was written: the key was stored before, the survey is not live, or the link was switched off. */
  | { kind: "not_inserted"; surveyStatus: string | null; isLinkActive: boolean };

export async function insertResponse(db: Kysely<DB>, row: ResponseRow): Promise<InsertOutcome> {
  const linkCheck = row.linkId
    ? sql`exists (select 1 from survey_links l where l.id = ${row.linkId}::uuid and l.is_active)`
    : sql`true`;
  const dropDraft = row.draftKeyHash
    ? sql`, dropped as (delete from survey_drafts where key_hash = ${row.draftKeyHash} and survey_id = ${row.surveyId}::uuid)`
    : sql``;
  const { rows } = await sql<{ id: string | null; status: string | null; is_link_active: boolean | null }>`
    with target as (
      select s.status, ${linkCheck} as is_link_active
      from surveys s where s.id = ${row.surveyId}::uuid and s.org_id = ${row.orgId}::uuid
    ), inserted as (
      insert into survey_responses (org_id, survey_id, version, link_id, invitation_id, customer_id, store_id, channel,
                                    language, submission_key, answers, started_at)
      select ${row.orgId}::uuid, ${row.surveyId}::uuid, ${row.version}::int, ${row.linkId}::uuid, ${row.invitationId}::uuid,
             ${row.customerId}::uuid, ${row.storeId}::uuid, ${row.channel}::text, ${row.language}::text,
             ${row.submissionKey}::uuid, ${JSON.stringify(row.answers)}::jsonb, ${row.startedAt}::timestamptz
      from target where target.status = 'live' and target.is_link_active
      on conflict (survey_id, submission_key) do nothing
      returning id
    )${dropDraft}
    select (select id from inserted) as id, (select status from target) as status,
           (select is_link_active from target) as is_link_active
  `.execute(db);
  const result = rows[0];
  if (result?.id) return { kind: "inserted", id: result.id };
  return { kind: "not_inserted", surveyStatus: result?.status ?? null, isLinkActive: result?.is_link_active ?? false };
}

/** The answer already stored under this submission key, if any. */
export async function findBySubmissionKey(db: Kysely<DB>, surveyId: string, submissionKey: string): Promise<string | null> {
  const row = await db
    .selectFrom("survey_responses")
    .select("id")
    .where("survey_id", "=", surveyId)
    .where("submission_key", "=", submissionKey)
    .executeTakeFirst();
  return row?.id ?? null;
}
