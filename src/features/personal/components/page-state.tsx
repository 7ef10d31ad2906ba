"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { createContext, useContext, type ReactNode } from "react";
import type { PageState } from "~/features/personal/page-state";

/** undefined while the personal request is on its way (the page is painted already). */
const Context = createContext<PageState | undefined>(undefined);

/** The visitor's own state for the page shown: one GET /api/me/page per page, after first paint. */
export function PageStateProvider({ children }: { children: ReactNode }) {
  const path = usePathname();
  const state = useQuery({
    queryKey: ["page-state", path],
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
