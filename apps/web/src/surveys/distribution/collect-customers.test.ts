import type { CustomerList, CustomerListItem, CustomerListQuery } from "@kexin/contracts";
import { describe, expect, it } from "vitest";
import { collectCustomers } from "./collect-customers.ts";

function customer(index: number): CustomerListItem {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    code: `C${index}`,
    name: `Customer ${index}`,
    phone: null,
    email: `c${index}@example.com`,
    city: null,
    homeStoreId: null,
    homeStoreName: null,
    tags: [],
    status: "active",
    lastPurchaseAt: null,
    purchaseCount: 0,
    totalSpent: 0,
  };
}

/** A customer list of `count` customers that records every query it answers. */
function fakeList(count: number) {
  const all = Array.from({ length: count }, (_, index) => customer(index + 1));
  const queries: CustomerListQuery[] = [];
  const list = async (query: CustomerListQuery): Promise<CustomerList> => {
    queries.push(query);
    const page = Number(query.page ?? 1);
    const size = Number(query.pageSize ?? 20);
    return { items: all.slice((page - 1) * size, page * size), total: count, isTotalCapped: false };
  };
  return { list, queries };
}

describe("collectCustomers", () => {
  it("stops at the limit even when more customers match", async () => {
    const { list, queries } = fakeList(1234);
    const customers = await collectCustomers({ tag: "vip" }, list, 500);
    expect(customers).toHaveLength(500);
    expect(customers.at(-1)?.code).toBe("C500");
    expect(queries.map((query) => query.page)).toEqual([1, 2, 3]);
    expect(queries.every((query) => query.tag === "vip" && query.status === "active" && query.pageSize === 200)).toBe(true);
  });

  it("ends at the last page when fewer match", async () => {
    const { list, queries } = fakeList(230);
    const customers = await collectCustomers({}, list, 500);
    expect(customers).toHaveLength(230);
    expect(queries).toHaveLength(2);
  });

  it("asks once and returns nobody when nothing matches", async () => {
    const { list, queries } = fakeList(0);
    expect(await collectCustomers({ q: "nobody" }, list)).toEqual([]);
    expect(queries).toHaveLength(1);
  });

  it("does not ask for another page after an exactly full one reaches the limit", async () => {
    const { list, queries } = fakeList(400);
    expect(await collectCustomers({}, list, 400)).toHaveLength(400);
    expect(queries).toHaveLength(2);
  });
});
