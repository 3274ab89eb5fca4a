// Hooks every screen may use: a value that settles after typing stops, a cursor-paged list,
// and filters kept in the URL (so a filtered list can be linked to and survives a reload).
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useInfiniteQuery } from "@tanstack/react-query";

/** `value` once it has not changed for `ms` (what a search field asks the server for). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** One page of a cursor-paged list as the services send it; some pages say more (e.g. a
 * total), which stays on `query.data.pages`. */
interface CursorPage<T> {
  items: T[];
  next_cursor?: string | null;
}

/** A cursor-paged list as TanStack's infinite query: items so far, and "load more". */
export function usePaged<P extends CursorPage<unknown>>(
  key: unknown[],
  fetchPage: (cursor: string | undefined) => Promise<P>,
  enabled = true,
) {
  const query = useInfiniteQuery({
    queryKey: key,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items: P["items"][number][] = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { query, items };
}

/** The URL's query parameters, and a setter for one of them (empty removes it). */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return { params, setFilter };
}
