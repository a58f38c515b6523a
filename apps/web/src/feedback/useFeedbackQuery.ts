/**
 * The inbox's filters, page and open item, kept in the address bar so a reload, a shared link or the back button
 * returns to the same view (a task can link straight to `/feedback?open=<id>`).
 */
import { FeedbackChannel, FeedbackStatus, SentimentBand, type FeedbackListQuery } from "@kexin/contracts";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import type { z } from "zod";

export interface InboxQuery {
  q?: string;
  channel?: FeedbackChannel;
  status?: FeedbackStatus;
  sentiment?: SentimentBand;
  storeId?: string;
  theme?: string;
  assigneeId?: string;
  customerId?: string;
  page: number;
  pageSize: number;
  /** The item shown in the drawer. */
  open?: string;
}

const positive = (value: string | null): number | undefined => {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : undefined;
};
const oneOf = <T extends string>(schema: z.ZodType<T>, value: string | null): T | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

function parse(params: URLSearchParams): InboxQuery {
  return {
    q: params.get("q") ?? undefined,
    channel: oneOf(FeedbackChannel, params.get("channel")),
    status: oneOf(FeedbackStatus, params.get("status")),
    sentiment: oneOf(SentimentBand, params.get("sentiment")),
    storeId: params.get("storeId") ?? undefined,
    theme: params.get("theme") ?? undefined,
    assigneeId: params.get("assigneeId") ?? undefined,
    customerId: params.get("customerId") ?? undefined,
    page: positive(params.get("page")) ?? 1,
    pageSize: Math.min(positive(params.get("pageSize")) ?? 20, 100),
    open: params.get("open") ?? undefined,
  };
}

export function useFeedbackQuery(): {
  query: InboxQuery;
  /** The list's filters and page (what the server is asked). */
  apiQuery: FeedbackListQuery;
  update(change: Partial<InboxQuery>): void;
} {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parse(params), [params]);

  const update = useCallback(
    (change: Partial<InboxQuery>) => {
      setParams((previous) => {
        const next = { ...parse(previous), ...change };
        // A new filter starts again at page one; opening or closing an item keeps the page.
        if (!("page" in change) && !("open" in change)) next.page = 1;
        const out = new URLSearchParams();
        for (const [key, value] of Object.entries(next)) {
          if (value !== undefined && value !== "") out.set(key, String(value));
        }
        return out;
      });
    },
    [setParams],
  );

  const apiQuery = useMemo<FeedbackListQuery>(() => {
    const { open: _open, ...filters } = query;
    void _open;
    return filters;
  }, [query]);
  return { query, apiQuery, update };
}
