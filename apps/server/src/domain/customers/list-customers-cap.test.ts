import { CUSTOMER_LIST_COUNT_CAP, CustomerListQuery } from "@kexin/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { buildOrg, type TestOrg } from "../../testing/factories.ts";
import { testDatabaseKinds } from "../../testing/test-database.ts";
import { listCustomers } from "./list-customers.ts";

describe.each(testDatabaseKinds)("customer list count cap on $name", (kind) => {
  let database: Database;
  let org: TestOrg;

  beforeAll(async () => {
    database = await kind.create();
    org = await buildOrg(database.db);
    await sql`
      insert into customers (org_id, name, home_store_id)
      select ${org.orgId}, 'Capped ' || g, ${org.storeA} from generate_series(1, ${CUSTOMER_LIST_COUNT_CAP + 5}) g
    `.execute(database.db);
  });
  afterAll(() => database.close());

  it("counts up to the cap and says there are more", async () => {
    const list = await listCustomers({ db: database.db, actor: org.users.admin.actor, input: CustomerListQuery.parse({}) });
    expect(list.total).toBe(CUSTOMER_LIST_COUNT_CAP);
    expect(list.isTotalCapped).toBe(true);
    expect(list.items).toHaveLength(20);
  });

  it("counts exactly below the cap", async () => {
    const input = CustomerListQuery.parse({ q: "capped 1000" });
    const list = await listCustomers({ db: database.db, actor: org.users.admin.actor, input });
    // "capped 1000" matches Capped 1000 and Capped 10000 to 10005: seven names.
    expect(list.total).toBe(7);
    expect(list.isTotalCapped).toBe(false);
  });
});
