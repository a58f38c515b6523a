/**
 * Group commit for the hot path. Answers that arrive while an insert is in flight wait for it, then go together in
 * one statement (one round trip, one commit) — under load a server receives dozens at once, and a one-row INSERT
 * each spends most of its time in the socket write and the commit, not in the row. An idle server sends each answer
 * at once, so a lone respondent waits no longer than before. Every caller's promise settles only after the commit
 * of the statement that holds its row: durable once acknowledged, as before.
 *
 * Each row keeps the checks of `insertResponse` (survey live, link active, submission key not stored yet). Two
 * rows with one submission key in the same group: the first is inserted, the other is told "not inserted" and finds
 * the first as its duplicate. Should a group's statement fail, its rows are retried one by one so one bad row
 * cannot fail its neighbours.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { insertResponse, type InsertOutcome, type ResponseRow } from "./insert-response.ts";

/** More rows than this wait for the next statement. */
const MAX_GROUP = 500;
/** Statements in flight at once: two keep the database busy while the next group gathers. */
const MAX_IN_FLIGHT = 2;

interface Waiting {
  row: ResponseRow;
  resolve(outcome: InsertOutcome): void;
  reject(error: unknown): void;
}

interface Group {
  queue: Waiting[];
  inFlight: number;
}

const groupsByDatabase = new WeakMap<Kysely<DB>, Group>();

/** Inserts one answer, in company with whatever else arrives meanwhile. */
export function insertResponseGrouped(db: Kysely<DB>, row: ResponseRow): Promise<InsertOutcome> {
  let group = groupsByDatabase.get(db);
  if (!group) {
    group = { queue: [], inFlight: 0 };
    groupsByDatabase.set(db, group);
  }
  const promise = new Promise<InsertOutcome>((resolve, reject) => group.queue.push({ row, resolve, reject }));
  // Answers parsed in this same tick join the group: send after the current microtasks.
  if (group.inFlight < MAX_IN_FLIGHT) queueMicrotask(() => void send(db, group));
  return promise;
}

async function send(db: Kysely<DB>, group: Group): Promise<void> {
  if (group.inFlight >= MAX_IN_FLIGHT || group.queue.length === 0) return;
  group.inFlight++;
  try {
    while (group.queue.length > 0) {
      const batch = group.queue.splice(0, MAX_GROUP);
      await insertBatch(db, batch);
    }
  } finally {
    group.inFlight--;
  }
}

async function insertBatch(db: Kysely<DB>, batch: Waiting[]): Promise<void> {
  if (batch.length === 1) {
    const [only] = batch;
    await insertResponse(db, only.row).then(only.resolve, only.reject);
    return;
  }
  // The first row of each (survey, submission key) goes in; the others are its duplicates.
  const firsts = new Map<string, number>();
  const duplicates: Waiting[] = [];
  const rows: (ResponseRow & { i: number })[] = [];
  batch.forEach((waiting, i) => {
    const key = `${waiting.row.surveyId}:${waiting.row.submissionKey}`;
    if (firsts.has(key)) duplicates.push(waiting);
    else {
      firsts.set(key, i);
      rows.push({ ...waiting.row, i });
    }
  });
  let outcomes: Map<number, InsertOutcome>;
  try {
    outcomes = await insertRows(db, rows);
  } catch {
    await Promise.all(batch.map((waiting) => insertResponse(db, waiting.row).then(waiting.resolve, waiting.reject)));
    return;
  }
  for (const row of rows) {
    batch[row.i].resolve(outcomes.get(row.i) ?? { kind: "not_inserted", surveyStatus: null, isLinkActive: false });
  }
  for (const waiting of duplicates) waiting.resolve({ kind: "not_inserted", surveyStatus: "live", isLinkActive: true });
}

async function insertRows(db: Kysely<DB>, rows: (ResponseRow & { i: number })[]): Promise<Map<number, InsertOutcome>> {
  const input = JSON.stringify(
    rows.map((row) => ({
      i: row.i,
      org_id: row.orgId,
      survey_id: row.surveyId,
      version: row.version,
      link_id: row.linkId,
      invitation_id: row.invitationId,
      customer_id: row.customerId,
      store_id: row.storeId,
      channel: row.channel,
      language: row.language,
      submission_key: row.submissionKey,
      answers: row.answers,
      started_at: row.startedAt,
      draft_key_hash: row.draftKeyHash,
    })),
  );
  const { rows: results } = await sql<{ i: number; id: string | null; status: string | null; is_link_active: boolean | null }>`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb) as x(
        i int, org_id uuid, survey_id uuid, version int, link_id uuid, invitation_id uuid, customer_id uuid,
        store_id uuid, channel text, language text, submission_key uuid, answers jsonb, started_at timestamptz,
        draft_key_hash text)
    ), target as (
      select x.i, s.status,
             (x.link_id is null or exists (select 1 from survey_links l where l.id = x.link_id and l.is_active)) as is_link_active
      from input x left join surveys s on s.id = x.survey_id and s.org_id = x.org_id
    ), inserted as (
      insert into survey_responses (org_id, survey_id, version, link_id, invitation_id, customer_id, store_id, channel,
                                    language, submission_key, answers, started_at)
      select x.org_id, x.survey_id, x.version, x.link_id, x.invitation_id, x.customer_id, x.store_id, x.channel,
             x.language, x.submission_key, x.answers, x.started_at
      from input x join target t on t.i = x.i
      where t.status = 'live' and t.is_link_active
      order by x.i
      on conflict (survey_id, submission_key) do nothing
      returning id, survey_id, submission_key
    ), dropped as (
      delete from survey_drafts d using input x
      where x.draft_key_hash is not null and d.key_hash = x.draft_key_hash and d.survey_id = x.survey_id
    )
    select t.i, ins.id, t.status, t.is_link_active
    from target t join input x on x.i = t.i
    left join inserted ins on ins.survey_id = x.survey_id and ins.submission_key = x.submission_key
  `.execute(db);
  return new Map(
    results.map((result) => [
      result.i,
      result.id
        ? { kind: "inserted", id: result.id }
        : { kind: "not_inserted", surveyStatus: result.status, isLinkActive: result.is_link_active ?? false },
    ]),
  );
}
