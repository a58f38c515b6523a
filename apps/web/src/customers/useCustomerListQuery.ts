/**
 * The archive's filters, sort and page, kept in the address bar so a reload, a shared link or the back button
 * returns to the same list.
 */
import { CustomerSort, type CustomerListQuery } from "@kexin/contracts";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";

export type ListStatus = "active" | "archived" | "all";
export type SortField = (typeof CustomerSort.options)[number];

export interface ListQuery {
  q?: string;
  storeId?: string;
  tag?: string;
  status: ListStatus;
  activeWithinDays?: number;
  sort: SortField;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

const positive = (value: string | null): number | undefined => {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : undefined;
};

function parse(params: URLSearchParams): ListQuery {
  const status = params.get("status");
  const sort = CustomerSort.safeParse(params.get("sort"));
  return {
    q: params.get("q") ?? undefined,
    storeId: params.get("storeId") ?? undefined,
    tag: params.get("tag") ?? undefined,
    status: status === "archived" || status === "all" ? status : "active",
    activeWithinDays: positive(params.get("activeWithinDays")),
    sort: sort.success ? sort.data : "lastPurchaseAt",
    order: params.get("order") === "asc" ? "asc" : "desc",
    page: positive(params.get("page")) ?? 1,
    pageSize: Math.min(positive(params.get("pageSize")) ?? 20, 200),
  };
}

export function useCustomerListQuery(): {
  query: ListQuery;
  apiQuery: CustomerListQuery;
  update(change: Partial<ListQuery>): void;
} {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params), [params]);

  const update = useCallback(
    (change: Partial<ListQuery>) => {
      setParams((previous) => {
        const next = { ...parse(previous), ...change };
        // Any change other than paging starts again at page one.
        if (!("page" in change)) next.page = 1;
        const out = new URLSearchParams();
        for (const [key, value] of Object.entries(next)) {
          if (value !== undefined && value !== "") out.set(key, String(value));
        }
        return out;
      });
    },
    [setParams],
  );

  const apiQuery = useMemo<CustomerListQuery>(() => ({ ...query }), [query]);
  return { query, apiQuery, update };
}
