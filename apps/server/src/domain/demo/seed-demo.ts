/**
 * The demo organisation: two stores, one staff account per role (DEMO_LOGINS) and ~2,000 customers with a year of
 * purchases and interactions ending at an anchor date, and a small feedback inbox. Deterministic: the same seed and anchor give the same rows,
 * ids included, because every value — ids too — comes from a seeded generator.
 */
import { seededRandom, type Random } from "@kexin/analytics";
import type { Insertable, Kysely } from "kysely";
import type { CustomersTable, DB, InteractionsTable, TransactionsTable } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import { hashPassword } from "../auth/passwords.ts";
import { refreshPurchaseStats } from "../customers/refresh-purchase-stats.ts";
import { DEMO_LOGINS, DEMO_ORG_NAME, DEMO_PASSWORD, DEMO_STORES } from "./demo-logins.ts";
import { activityWindow, drawInteractions, drawPurchaseDays, drawTransactions } from "./draw-activity.ts";
import { drawFeedback } from "./draw-feedback.ts";
import { chooseTags, drawCustomer, type ProfileContext } from "./draw-customer-profile.ts";
import { DAY_MS, parseAnchorDate, todayUtc } from "./draws.ts";
import { insertInBatches } from "./insert-in-batches.ts";
import { seedDemoComplaints } from "./seed-demo-complaints.ts";
import { seedDemoSurveys } from "./seed-demo-surveys.ts";
import { seedDemoPlans } from "./seed-demo-plans.ts";
import { seedDemoValue } from "./seed-demo-value.ts";
import { seedDemoGreetings } from "./seed-demo-greetings.ts";

export const DEMO_SEED = 20_240_521;
export const DEMO_CUSTOMER_COUNT = 2000;

export interface SeedDemoOptions {
  onProgress?: (message: string) => void;
  /** Delete the demo organisation (and everything in it) first. Without it, an existing demo is a conflict. */
  reset?: boolean;
  /** The day the year of activity ends, yyyy-mm-dd (UTC); defaults to today. */
  anchorDate?: string;
  seed?: number;
  customerCount?: number;
}

export interface SeedDemoResult {
  orgId: string;
  anchorDate: string;
  customers: number;
  transactions: number;
  interactions: number;
}

/**
 * Whether the database has been set up already. Kexin seeds the demo only on a first start into a database with
 * no organisation, so it never adds demo data beside a real organisation, nor brings back a deleted demo.
 */
export async function isDemoSeeded(db: Kysely<DB>): Promise<boolean> {
  return Boolean(await db.selectFrom("orgs").select("id").limit(1).executeTakeFirst());
}

/** A version-4 UUID from the seeded generator, so ids repeat with the seed. */
function uuidFrom(random: Random): string {
  let hex = "";
  for (let i = 0; i < 4; i++) hex += Math.floor(random() * 2 ** 32).toString(16).padStart(8, "0");
  const variant = "89ab"[Math.floor(random() * 4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

let demoPasswordHash: Promise<string> | undefined;

/**
 * Seeds the demo organisation in one transaction, then refreshes the customers' purchase figures.
 * Cost: O(customers + transactions); about 2 s on PGlite for 2,000 customers.
 * @throws AppError demo.exists when the demo organisation exists and `reset` is not set.
 * @throws RangeError when anchorDate is not a date written yyyy-mm-dd.
 * @example await seedDemo(db, { reset: true, anchorDate: "2025-06-30" })
 */
export async function seedDemo(db: Kysely<DB>, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const progress = options.onProgress ?? (() => {});
  const anchorDate = options.anchorDate ?? todayUtc();
  const anchorTime = parseAnchorDate(anchorDate);
  const seed = options.seed ?? DEMO_SEED;
  const random = seededRandom(seed);
  const idRandom = seededRandom(seed ^ 0x5eed1d);
  const nextId = () => uuidFrom(idRandom);
  const passwordHash = await (demoPasswordHash ??= hashPassword(DEMO_PASSWORD));
  const foundedAt = new Date(anchorTime - 4 * 365 * DAY_MS);

  const orgId = nextId();
  const stores = DEMO_STORES.map((store) => ({ id: nextId(), org_id: orgId, ...store, created_at: foundedAt }));
  const storeIdByCode = new Map(stores.map((store) => [store.code, store.id]));
  const users = DEMO_LOGINS.map((login) => ({ ...login, id: nextId() }));
  const context: ProfileContext = {
    anchorTime,
    keyAccountManagerId: users.find((user) => user.role === "manager")?.id ?? null,
    stores: stores.map((store) => ({
      id: store.id,
      city: store.city,
      accountManagerIds: users.filter((u) => u.role !== "manager" && u.storeCodes.includes(store.code)).map((u) => u.id),
    })),
  };

  const window = activityWindow(anchorTime);
  const staffIds = users.map((user) => user.id);
  let orderNumber = 0;
  const drawn = [];
  const transactions: Insertable<TransactionsTable>[] = [];
  const interactions: Insertable<InteractionsTable>[] = [];
  for (let sequence = 1; sequence <= (options.customerCount ?? DEMO_CUSTOMER_COUNT); sequence++) {
    const { profile, behaviour } = drawCustomer(random, context, sequence, "KX");
    const customerId = nextId();
    const activityContext = {
      orgId,
      customerId,
      homeStoreId: profile.home_store_id ?? null,
      otherStoreIds: stores.map((store) => store.id).filter((id) => id !== profile.home_store_id),
      staffIds,
      accountManagerId: profile.account_manager_id ?? null,
      nextId,
      nextOrderNumber: () => ++orderNumber,
    };
    const days = drawPurchaseDays(random, behaviour, window);
    const purchases = drawTransactions(random, behaviour, days, activityContext);
    transactions.push(...purchases);
    interactions.push(...drawInteractions(random, behaviour, days, window, activityContext));
    const summary = {
      totalSpent: purchases.reduce((sum, purchase) => sum + purchase.amount, 0),
      purchaseCount: purchases.length,
      lastPurchaseAt: purchases.length > 0 ? (purchases[purchases.length - 1].occurred_at as Date).getTime() : null,
    };
    drawn.push({ id: customerId, profile, behaviour, summary });
  }
  const totals = drawn.map((customer) => customer.summary.totalSpent).sort((a, b) => a - b);
  const vipThreshold = totals[Math.floor(totals.length * 0.95)] ?? Number.POSITIVE_INFINITY;
  const customers: Insertable<CustomersTable>[] = drawn.map(({ id, profile, behaviour, summary }) => ({
    ...profile,
    id,
    org_id: orgId,
    tags: chooseTags(behaviour, summary, vipThreshold, anchorTime),
  }));
  progress(`drew ${customers.length} customers, ${transactions.length} purchases, ${interactions.length} interactions`);
  // Feedback draws from generators of its own, so adding it changed none of the customers, purchases or their ids.
  const feedbackIdRandom = seededRandom(seed ^ 0xfeed1d);
  const demoFeedback = drawFeedback(seededRandom(seed ^ 0xfeedbac), {
    orgId,
    anchorTime,
    stores: stores.map((store) => ({
      id: store.id,
      staffIds: users.filter((u) => u.role !== "admin" && u.role !== "manager" && u.storeCodes.includes(store.code)).map((u) => u.id),
    })),
    managerIds: users.filter((u) => u.role === "manager").map((u) => u.id),
    customers: customers.map((c) => ({ id: c.id!, homeStoreId: c.home_store_id ?? null, accountManagerId: c.account_manager_id ?? null })),
    nextId: () => uuidFrom(feedbackIdRandom),
  });

  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("orgs").select("id").where("name", "=", DEMO_ORG_NAME).execute();
    if (existing.length > 0 && !options.reset) {
      throw new AppError("demo.exists", "conflict", "the demo organisation exists already; reset it to seed it again");
    }
    if (existing.length > 0) {
      // Children first, by org_id: a cascade from orgs would look up each customer's rows by customer_id, which
      // no index leads with, so it would scan transactions and interactions once per customer.
      const orgIds = existing.map((org) => org.id);
      for (const table of ["interactions", "transactions", "service_figures", "tasks", "feedback", "survey_responses", "survey_invitations", "tier_changes", "customer_values", "message_deliveries", "customers"] as const) {
        await trx.deleteFrom(table).where("org_id", "in", orgIds).execute();
      }
      await trx.deleteFrom("orgs").where("id", "in", orgIds).execute();
      progress("deleted the previous demo organisation");
    }
    await trx.insertInto("orgs").values({ id: orgId, name: DEMO_ORG_NAME, created_at: foundedAt }).execute();
    await trx.insertInto("stores").values(stores).execute();
    await trx
      .insertInto("users")
      .values(users.map((u) => ({ id: u.id, org_id: orgId, email: u.email, name: u.name, password_hash: passwordHash, role: u.role, created_at: foundedAt })))
      .execute();
    const assignments = users.flatMap((u) => u.storeCodes.map((code) => ({ org_id: orgId, user_id: u.id, store_id: storeIdByCode.get(code)! })));
    await trx.insertInto("user_stores").values(assignments).execute();
    await insertInBatches(trx, "customers", customers);
    progress(`inserted ${customers.length} customers`);
    await insertInBatches(trx, "transactions", transactions);
    progress(`inserted ${transactions.length} purchases`);
    await insertInBatches(trx, "interactions", interactions);
    progress(`inserted ${interactions.length} interactions`);
    if (demoFeedback.feedback.length > 0) await trx.insertInto("feedback").values(demoFeedback.feedback).execute();
    if (demoFeedback.tasks.length > 0) await trx.insertInto("tasks").values(demoFeedback.tasks).execute();
    if (demoFeedback.interactions.length > 0) await trx.insertInto("interactions").values(demoFeedback.interactions).execute();
    progress(`inserted ${demoFeedback.feedback.length} feedback items, ${demoFeedback.tasks.length} follow-up tasks`);
    await refreshPurchaseStats(trx, orgId);
    progress("refreshed the customers' purchase figures");
    await seedDemoSurveys(trx, { orgId, anchorTime, seed, onProgress: progress });
    await seedDemoValue(trx, { orgId, anchorTime, onProgress: progress });
    await seedDemoPlans(trx, { orgId, anchorTime, seed, onProgress: progress });
    await seedDemoGreetings(trx, { orgId, anchorTime, onProgress: progress });
    await seedDemoComplaints(trx, { orgId, anchorTime, seed, onProgress: progress });
  });
  progress(`demo organisation ready: sign in as ${DEMO_LOGINS[0].email} / ${DEMO_PASSWORD}`);
  return { orgId, anchorDate, customers: customers.length, transactions: transactions.length, interactions: interactions.length };
}
