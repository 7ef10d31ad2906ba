"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

// A card on a staff desk that leaves the desk once its decision is stored (issue 15: no page
// refresh after a write): the form inside calls useSettle() with the answer's note, and the card
// gives way to that note. The desk's server render is per request, so the next visit is fresh.

const Context = createContext<((note: string) => void) | null>(null);

export function Settles({ children }: { children: ReactNode }) {
  const [note, setNote] = useState<string | null>(null);
  if (note !== null) {
    return (
      <p role="status" className="rounded-lg bg-stone-200 p-3 text-stone-800">
        {note}
      </p>
    );
  }
  return <Context.Provider value={setNote}>{children}</Context.Provider>;
}

/** Replaces the nearest <Settles> with `note`; does nothing outside one. */
export function useSettle() {
  return useContext(Context) ?? (() => undefined);
}
