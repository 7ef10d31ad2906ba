"use client";

import { useTranslations } from "next-intl";
import { Alert, Button } from "~/components/ui";

// A page that failed to render shows a translated message and a retry, never a stack trace.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  const tc = useTranslations("common");
  return (
    <div className="space-y-4">
      <Alert>{t("INTERNAL")}</Alert>
      <Button onClick={reset}>{tc("retry")}</Button>
    </div>
  );
}
