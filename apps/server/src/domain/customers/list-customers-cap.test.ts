import { CustomerListQuery } from "@kexin/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { listCustomers } from "./list-customers.ts";

// The API counts up to CUSTOMER_LIST_COUNT_CAP (10,000); the same code is exercised here with a cap of 10.
const CAP = 10;

describe.each(testDatabaseKinds)("customer list count cap on $name", (kind) => {
  let database: Database;
  let org: TestOrg;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    await sql`
      insert into customers (org_id, name, home_store_id)
      select ${org.orgId}, 'Capped ' || g, ${org.storeA} from generate_series(1, ${CAP + 5}) g
    `.execute(database.db);
  });
  afterAll(() => database.close());

  it("counts up to the cap and says there are more", async () => {
    const input = CustomerListQuery.parse({ pageSize: 5 });
    const list = await listCustomers({ db: database.db, actor: org.users.admin.actor, input, countCap: CAP });
    expect(list.total).toBe(CAP);
    expect(list.isTotalCapped).toBe(true);
    expect(list.items).toHaveLength(5);
  });

  it("counts exactly below the cap", async () => {
    const input = CustomerListQuery.parse({ q: "capped 1" });
    const list = await listCustomers({ db: database.db, actor: org.users.admin.actor, input, countCap: CAP });
    // Capped 1 and Capped 10 to Capped 15: seven names.
    expect(list.total).toBe(7);
    expect(list.isTotalCapped).toBe(false);
  });

  it("is exact when the matches equal the cap", async () => {
    const list = await listCustomers({
      db: database.db,
      actor: org.users.admin.actor,
      input: CustomerListQuery.parse({}),
      countCap: CAP + 5,
    });
    expect(list).toMatchObject({ total: CAP + 5, isTotalCapped: false });
  });
});
