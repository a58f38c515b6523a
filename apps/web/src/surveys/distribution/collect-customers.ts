/**
 * "Everyone matching a filter", bounded: walks the customer list a page at a time until it has `limit` customers
 * or the list ends, so a careless filter never mails the whole organisation. The list is sorted by the most recent
 * purchase, so the cap keeps the customers most likely to remember their visit.
 */
import type { CustomerList, CustomerListItem, CustomerListQuery } from "@kexin/contracts";

export const INVITE_FILTER_LIMIT = 500;
/** The largest page GET /api/customers serves. */
const PAGE_SIZE = 200;

export interface CustomerFilter {
  q?: string;
  storeId?: string;
  tag?: string;
  activeWithinDays?: number;
}

/** The filter as a list query: active customers, most recent purchase first. */
export function filterQuery(filter: CustomerFilter, page: number, pageSize: number): CustomerListQuery {
  return { ...filter, status: "active", sort: "lastPurchaseAt", order: "desc", page, pageSize };
}

export async function collectCustomers(
  filter: CustomerFilter,
  list: (query: CustomerListQuery) => Promise<CustomerList>,
  limit = INVITE_FILTER_LIMIT,
): Promise<CustomerListItem[]> {
  const collected = new Map<string, CustomerListItem>();
  for (let page = 1; collected.size < limit; page++) {
    const { items } = await list(filterQuery(filter, page, PAGE_SIZE));
    for (const customer of items) {
      if (collected.size < limit) collected.set(customer.id, customer);
    }
    if (items.length < PAGE_SIZE) break;
  }
  return [...collected.values()];
}
