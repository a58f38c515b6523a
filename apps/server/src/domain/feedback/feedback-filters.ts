/**
 * The inbox filters as SQL conditions, shared by the list and the themes summary so both always count the same
 * items. Written for the indexes of migration 0006: (org_id, store_id, received_at), (org_id, status, received_at),
 * GIN on themes and trigrams on body.
 */
import { NEGATIVE_SENTIMENT_BELOW, POSITIVE_SENTIMENT_ABOVE, type FeedbackFilters } from "@kexin/contracts";
import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { NAIVE_TIME_OFFSET } from "../imports/parse-cell.ts";

export type FeedbackFilterInput = z.output<typeof FeedbackFilters>;

/** `%` and `_` typed by a user are searched for literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Midnight at the start of a calendar day in shop time (China), as an instant. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00${NAIVE_TIME_OFFSET}`);
const DAY_MS = 86_400_000;

/**
 * The conditions on `feedback f`, or null when the actor's stores and the asked-for store do not overlap.
 * Sentiment bands compare as `real`, the column's own type, so a stored −0.3 is neutral here as in the API.
 */
export function feedbackConditions(actor: Actor, input: FeedbackFilterInput): RawBuilder<SqlBool> | null {
  const conditions: RawBuilder<unknown>[] = [sql`f.org_id = ${actor.orgId}`];
  const scope = storeScope(actor);
  let stores = scope;
  if (input.storeId) stores = scope && !scope.includes(input.storeId) ? [] : [input.storeId];
  if (stores && stores.length === 0) return null;
  if (stores?.length === 1) conditions.push(sql`f.store_id = ${stores[0]}`);
  else if (stores) conditions.push(sql`f.store_id = any(${stores}::uuid[])`);
  if (input.q) conditions.push(sql`f.body ilike ${`%${escapeLike(input.q)}%`}`);
  if (input.channel) conditions.push(sql`f.channel = ${input.channel}`);
  if (input.status) conditions.push(sql`f.status = ${input.status}`);
  if (input.sentiment === "negative") conditions.push(sql`f.sentiment < cast(${NEGATIVE_SENTIMENT_BELOW} as real)`);
  if (input.sentiment === "positive") conditions.push(sql`f.sentiment > cast(${POSITIVE_SENTIMENT_ABOVE} as real)`);
  if (input.sentiment === "neutral") {
    conditions.push(sql`f.sentiment between cast(${NEGATIVE_SENTIMENT_BELOW} as real) and cast(${POSITIVE_SENTIMENT_ABOVE} as real)`);
  }
  if (input.assigneeId) conditions.push(sql`f.assignee_id = ${input.assigneeId}`);
  if (input.customerId) conditions.push(sql`f.customer_id = ${input.customerId}`);
  if (input.from) conditions.push(sql`f.received_at >= ${startOfDay(input.from)}`);
  if (input.to) conditions.push(sql`f.received_at < ${new Date(startOfDay(input.to).getTime() + DAY_MS)}`);
  if (input.theme) conditions.push(sql`f.themes @> array[${input.theme}]::text[]`);
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}
