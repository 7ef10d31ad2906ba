"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

// A saved draft changes only the cover letter and the response date of the organiser's preview:
// the editor puts the saved values here and these two spots re-render, not the compiled
// document around them (issue 15: no full-page refresh after a write).

type Saved = { coverLetter: string; responseDays: number; includeScorecard: boolean };
const Context = createContext<{ saved: Saved | null; setSaved: (s: Saved) => void } | null>(null);

export function DraftPreviewProvider({ children }: { children: ReactNode }) {
  const [saved, setSaved] = useState<Saved | null>(null);
  return <Context.Provider value={{ saved, setSaved }}>{children}</Context.Provider>;
}

/** For the editor: call with what was saved. */
export function useDraftSaved() {
  return useContext(Context)?.setSaved ?? (() => undefined);
}

export function PreviewCoverLetter({ initial }: { initial: string }) {
  const saved = useContext(Context)?.saved;
  return <>{saved ? saved.coverLetter : initial}</>;
}

/**
 * The scorecards section: compiled for the preview whatever the draft says (previewSchema), shown
 * while the saved draft includes it.
 */
export function PreviewScorecards({ initial, children }: { initial: boolean; children: ReactNode }) {
  const saved = useContext(Context)?.saved;
  return (saved ? saved.includeScorecard : initial) ? <>{children}</> : null;
}

/** The response date: fixed once published, else today plus the saved number of days. */
export function PreviewRespondBy({ initial, fixed, today }: { initial: string; fixed: boolean; today: string }) {
  const saved = useContext(Context)?.saved;
  if (fixed || !saved) return <>{initial}</>;
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + saved.responseDays);
  return <>{day.toISOString().slice(0, 10)}</>;
}
