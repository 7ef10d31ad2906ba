"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/components/ui";

export function CopyLink({ url }: { url: string }) {
  const t = useTranslations("petitions.page");
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        className="w-full"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {t("copy")}
      </Button>
      <p role="status" className="text-sm text-green-900">
        {copied ? t("copied") : ""}
      </p>
    </div>
  );
}
