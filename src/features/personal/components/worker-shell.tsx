"use client";

import type { ReactNode } from "react";
import { usePageState } from "~/features/personal/components/page-state";

/** Workers' (and visitors') navigation: hidden once the personal request says staff is signed in. */
export function WorkerShellOnly({ children }: { children: ReactNode }) {
  const role = usePageState()?.account?.role;
  return role && role !== "WORKER" ? null : children;
}
