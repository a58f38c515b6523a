import type { ComplaintList, ComplaintListQuery } from "@kexin/contracts";
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { storeScope } from "../auth/authorize.ts";
import { NAIVE_TIME_OFFSET } from "../imports/parse-cell.ts";
import { presentComplaintListItem, selectComplaints } from "./complaint-record.ts";
import { loadComplaintSettings } from "./complaint-settings.ts";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
const startOfDay = (day: string) => new Date(`${day}T00:00:00${NAIVE_TIME_OFFSET}`);
const DAY_MS = 86_400_000;

/** The list filters as conditions on `complaints k`, or null when the actor's stores and the asked-for store do not meet. */
export function complaintConditions(
  actor: Actor,
  input: Omit<z.output<typeof ComplaintListQuery>, "page" | "pageSize">,
  now: Date,
): RawBuilder<SqlBool> | null {
  const conditions: RawBuilder<unknown>[] = [sql`k.org_id = ${actor.orgId}`];
  const scope = storeScope(actor);
  let stores = scope;
  if (input.storeId) stores = scope && !scope.includes(input.storeId) ? [] : [input.storeId];
  if (stores && stores.length === 0) return null;
  if (stores) conditions.push(sql`k.store_id = any(${stores}::uuid[])`);
  if (input.q) {
    const like = `%${escapeLike(input.q)}%`;
    conditions.push(
      sql`(k.subject ilike ${like} or k.body ilike ${like} or k.number ilike ${like} or k.contact_name ilike ${like}
        or k.contact_email ilike ${like} or k.contact_phone ilike ${like})`,
    );
  }
  if (input.status === "active") conditions.push(sql`k.status in ('open', 'in_progress')`);
  else if (input.status) conditions.push(sql`k.status = ${input.status}`);
  if (input.severity) conditions.push(sql`k.severity = ${input.severity}`);
  if (input.category) conditions.push(sql`k.category = ${input.category}`);
  if (input.assigneeId) conditions.push(sql`k.assignee_id = ${input.assigneeId}`);
  if (input.customerId) conditions.push(sql`k.customer_id = ${input.customerId}`);
  if (input.from) conditions.push(sql`k.created_at >= ${startOfDay(input.from)}`);
  if (input.to) conditions.push(sql`k.created_at < ${new Date(startOfDay(input.to).getTime() + DAY_MS)}`);
  const breached = sql`(k.status in ('open', 'in_progress') and ((k.first_responded_at is null and k.first_response_due_at < ${now})
    or k.resolution_due_at < ${now}))`;
  if (input.isBreached === true) conditions.push(breached);
  if (input.isBreached === false) conditions.push(sql`not ${breached}`);
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/**
 * One page of complaints, newest first, with the total. Store managers and agents see only their stores'
 * complaints; complaints without a store only organisation-wide roles see.
 */
export async function listComplaints({ db, actor, input, now = new Date() }: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof ComplaintListQuery>;
  now?: Date;
}): Promise<ComplaintList> {
  const conditions = complaintConditions(actor, input, now);
  if (!conditions) return { items: [], total: 0 };
  const [rows, count, settings] = await Promise.all([
    selectComplaints(db, actor.orgId)
      .where(conditions)
      .orderBy("k.created_at", "desc")
      .orderBy("k.id", "desc")
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    db.selectFrom("complaints as k").select(sql<string>`count(*)`.as("total")).where(conditions).executeTakeFirstOrThrow(),
    loadComplaintSettings(db, actor.orgId),
  ]);
  return { items: rows.map((row) => presentComplaintListItem(row, settings.calendar, now)), total: Number(count.total) };
}
