/** Test helpers for purchase history and signed-in sessions of every role in a TestOrg. */
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { refreshPurchaseStats } from "../domain/customers/refresh-purchase-stats.ts";
import type { TestOrg } from "./factories.ts";
import { signInAs } from "./test-app.ts";

/** Inserts purchases and refreshes the customers' denormalised figures, as an import would. */
export async function buildPurchases(
  db: Kysely<DB>,
  orgId: string,
  purchases: { customerId: string; storeId: string | null; occurredAt: Date | string; amount: number; channel?: string }[],
): Promise<string[]> {
  if (purchases.length === 0) return [];
  const rows = await db
    .insertInto("transactions")
    .values(
      purchases.map((p) => ({
        org_id: orgId,
        customer_id: p.customerId,
        store_id: p.storeId,
        occurred_at: p.occurredAt,
        amount: p.amount,
        channel: p.channel ?? null,
      })),
    )
    .returning("id")
    .execute();
  await refreshPurchaseStats(db, orgId, [...new Set(purchases.map((p) => p.customerId))]);
  return rows.map((row) => row.id);
}

export type SessionKey = keyof TestOrg["users"];

/** A Cookie header for every user of the org, signed in once. */
export async function signInEveryone(app: FastifyInstance, org: TestOrg): Promise<Record<SessionKey, string>> {
  const cookies = {} as Record<SessionKey, string>;
  for (const key of Object.keys(org.users) as SessionKey[]) cookies[key] = await signInAs(app, org.users[key].email);
  return cookies;
}
