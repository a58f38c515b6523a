/**
 * Test data for customer value: customers whose purchases follow the BG/NBD story (Poisson purchases at a
 * Gamma-distributed rate, a Beta-distributed chance of dropping out after each) with Gamma-Gamma spend, drawn from
 * a seeded generator, inserted as real customers and transactions. Purchases happen at 12:00 Beijing time, so
 * their calendar day is the same in every time zone the tests use.
 */
import { betaDraw, exponentialDraw, gammaDraw, seededRandom } from "@kexin/analytics";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

export const VALUE_TEST_NOW = new Date("2026-06-30T12:00:00Z");
const DAY_MS = 86_400_000;

export interface SimulatedPurchase {
  customerId: string;
  storeId: string | null;
  /** yyyy-mm-dd (the calendar day in Beijing). */
  date: string;
  amount: number;
  cost: number | null;
}

export interface SimulatedCustomers {
  customerIds: string[];
  purchases: SimulatedPurchase[];
}

/**
 * Inserts `count` customers (home store alternating between the given stores) and their simulated purchases
 * over the 400 days before `VALUE_TEST_NOW`; some customers never buy. Costs are 55–75% of the amount when
 * `withCosts`.
 */
export async function buildSimulatedCustomers(
  db: Kysely<DB>,
  orgId: string,
  { count, stores, seed = 7, withCosts = true }: { count: number; stores: (string | null)[]; seed?: number; withCosts?: boolean },
): Promise<SimulatedCustomers> {
  const random = seededRandom(seed);
  const customers = await db
    .insertInto("customers")
    .values(Array.from({ length: count }, (_, i) => ({ org_id: orgId, name: `模拟客户 ${seed}-${i}`, home_store_id: stores[i % stores.length] })))
    .returning("id")
    .execute();
  const purchases: SimulatedPurchase[] = [];
  const nowDay = Math.floor(VALUE_TEST_NOW.getTime() / DAY_MS);
  customers.forEach(({ id }, i) => {
    if (i % 10 === 9) return; // a tenth never buy
    const rate = gammaDraw(random, 0.8, 20); // purchases per day
    const dropout = betaDraw(random, 1, 4);
    const scale = gammaDraw(random, 4, 300);
    const firstDay = nowDay - 1 - Math.floor(random() * 400);
    let day = firstDay;
    for (;;) {
      const amount = Math.round(gammaDraw(random, 6, scale) * 100) / 100 + 1;
      purchases.push({
        customerId: id,
        storeId: stores[i % stores.length],
        date: new Date(day * DAY_MS).toISOString().slice(0, 10),
        amount,
        cost: withCosts ? Math.round(amount * (0.55 + random() * 0.2) * 100) / 100 : null,
      });
      if (random() < dropout) break;
      day += Math.max(1, Math.round(exponentialDraw(random, rate)));
      if (day >= nowDay) break;
    }
  });
  for (let start = 0; start < purchases.length; start += 1000) {
    await db
      .insertInto("transactions")
      .values(
        purchases.slice(start, start + 1000).map((p) => ({
          org_id: orgId,
          customer_id: p.customerId,
          store_id: p.storeId,
          occurred_at: `${p.date}T04:00:00Z`,
          amount: p.amount,
          cost: p.cost,
        })),
      )
      .execute();
  }
  return { customerIds: customers.map((c) => c.id), purchases };
}
