/** A customer's timeline, newest first, a page at a time. */
import type { TimelineEvent } from "@kexin/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { getTimeline } from "../api/customers-api.ts";

const PAGE_SIZE = 30;

export interface TimelineState {
  items: TimelineEvent[];
  hasMore: boolean;
  isLoading: boolean;
  error: unknown;
  loadMore(): void;
  reload(): void;
}

export function useTimeline(customerId: string): TimelineState {
  const [items, setItems] = useState<TimelineEvent[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [isLoading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  // Bumped on reload so an answer to an older request is ignored.
  const generation = useRef(0);

  const load = useCallback(
    async (before: string | undefined) => {
      const mine = ++generation.current;
      setLoading(true);
      try {
        const page = await getTimeline(customerId, before, PAGE_SIZE);
        if (mine !== generation.current) return;
        setItems((previous) => (before ? [...previous, ...page.items] : page.items));
        setHasMore(page.hasMore);
        setError(undefined);
      } catch (caught) {
        if (mine === generation.current) setError(caught);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [customerId],
  );

  useEffect(() => {
    void load(undefined);
  }, [load]);

  const loadMore = useCallback(() => {
    const oldest = items.at(-1);
    if (oldest) void load(oldest.at);
  }, [items, load]);

  const reload = useCallback(() => void load(undefined), [load]);
  return { items, hasMore, isLoading, error, loadMore, reload };
}
