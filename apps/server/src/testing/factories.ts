/**
 * Factories for tests: an organisation with two stores and one user per role, customers with overrides.
 * Every password is the same known test password.
 */
import type { Kysely } from "kysely";
import type { Role } from "@kexin/contracts";
import type { DB } from "../db/schema.ts";
import type { Actor } from "../domain/auth/actor.ts";
import { hashPassword } from "../domain/auth/passwords.ts";

export const TEST_PASSWORD = "correct-horse-battery";
let passwordHash: Promise<string> | undefined;

export interface TestOrg {
  orgId: string;
  storeA: string;
  storeB: string;
  /** One user per role; store managers and agents belong to store A only. */
  users: Record<Role | "storeManagerB", { id: string; email: string; actor: Actor }>;
}

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export async function buildOrg(db: Kysely<DB>, name = "Test Org"): Promise<TestOrg> {
  const hash = await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const org = await db.insertInto("orgs").values({ name }).returning("id").executeTakeFirstOrThrow();
  const [storeA, storeB] = await db
    .insertInto("stores")
    .values([
      { org_id: org.id, code: "A", name: "Store A", city: "上海" },
      { org_id: org.id, code: "B", name: "Store B", city: "北京" },
    ])
    .returning("id")
    .execute();
  const users = {} as TestOrg["users"];
  const roles: [keyof TestOrg["users"], Role, string[]][] = [
    ["admin", "admin", []],
    ["manager", "manager", []],
    ["store_manager", "store_manager", [storeA.id]],
    ["agent", "agent", [storeA.id]],
    ["storeManagerB", "store_manager", [storeB.id]],
  ];
  for (const [key, role, storeIds] of roles) {
    const email = `${key}-${unique()}@example.test`.toLowerCase();
    const user = await db
      .insertInto("users")
      .values({ org_id: org.id, email, name: `${key} user`, password_hash: hash, role })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const storeId of storeIds) {
      await db.insertInto("user_stores").values({ org_id: org.id, user_id: user.id, store_id: storeId }).execute();
    }
    users[key] = { id: user.id, email, actor: { userId: user.id, orgId: org.id, role, storeIds, name: `${key} user` } };
  }
  return { orgId: org.id, storeA: storeA.id, storeB: storeB.id, users };
}

export async function buildCustomer(
  db: Kysely<DB>,
  orgId: string,
  overrides: Partial<{ name: string; code: string; home_store_id: string | null; phone: string; email: string; tags: string[] }> = {},
) {
  return db
    .insertInto("customers")
    .values({ org_id: orgId, name: `Customer ${unique()}`, ...overrides })
    .returning(["id", "name", "home_store_id"])
    .executeTakeFirstOrThrow();
}
