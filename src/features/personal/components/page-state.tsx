"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, type ReactNode } from "react";
import type { PageState } from "~/features/personal/page-state";

/** undefined while the personal request is on its way (the page is painted already). */
const Context = createContext<PageState | undefined>(undefined);

const keyOf = (path: string) => ["page-state", path] as const;

/** The visitor's own state for the page shown: one GET /api/me/page per page, after first paint. */
export function PageStateProvider({ children }: { children: ReactNode }) {
  const path = usePathname();
  const state = useQuery({
    queryKey: keyOf(path),
    queryFn: async (): Promise<PageState> => {
      const res = await fetch(`/api/me/page?path=${encodeURIComponent(path)}`, { cache: "no-store", credentials: "same-origin" });
      if (!res.ok) throw new Error(`page state ${res.status}`);
      return (await res.json()) as PageState;
    },
    staleTime: 0,
    gcTime: 60_000,
    retry: 2,
  });
  return <Context.Provider value={state.data}>{children}</Context.Provider>;
}

export function usePageState() {
  return useContext(Context);
}

/**
 * After a write (issue 15: never a refresh of the whole page): `update` puts the write's answer
 * into this page's personal state at once; `refetch` asks GET /api/me/page again, the one small
 * request that brings whatever else the write changed for this visitor.
 */
export function usePageStateWrite() {
  const path = usePathname();
  const queryClient = useQueryClient();
  const update = useCallback(
    (change: (state: PageState) => PageState) => queryClient.setQueryData<PageState>(keyOf(path), (state) => (state ? change(state) : state)),
    [path, queryClient],
  );
  const refetch = useCallback(() => queryClient.invalidateQueries({ queryKey: keyOf(path) }), [path, queryClient]);
  return { update, refetch };
}

/**
 * After signing in: forget every page's personal state read as someone else (or nobody), so the
 * next page shows this visitor's own once its request answers, never the previous one's.
 */
export function useForgetPageState() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.removeQueries({ queryKey: ["page-state"] }), [queryClient]);
}
