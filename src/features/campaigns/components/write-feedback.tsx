"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext } from "react";
import { errorMessage } from "~/lib/error-message";

/** A write's error, translated (null when there is none). */
export function useErrorText() {
  const te = useTranslations("errors");
  return (error: unknown) => (error ? errorMessage(te, error) : null);
}

// A staff desk whose lists a write reshapes (the organiser's campaign desk) provides how to ask
// its own queries again; its forms call that after a write instead of refreshing the page
// (issue 15). Outside a desk it does nothing.
const DeskContext = createContext<() => unknown>(() => undefined);

export const DeskRefetch = DeskContext.Provider;

export function useDeskFeedback() {
  const refetch = useContext(DeskContext);
  return { onSuccess: () => void refetch(), message: useErrorText() };
}
