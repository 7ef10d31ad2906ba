"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Button } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

export function SponsorButton({ petitionId, token }: { petitionId: string; token: string }) {
  const t = useTranslations("petitions.sponsor");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const sponsor = useMutation(trpc.petitions.sponsor.mutationOptions());
  if (sponsor.data) return <Alert tone="success">{t("done", { count: Math.min(5, sponsor.data.sponsors) })}</Alert>;
  return (
    <div className="space-y-2">
      {sponsor.error ? <Alert>{errorMessage(te, sponsor.error)}</Alert> : null}
      <Button className="w-full" disabled={sponsor.isPending} onClick={() => sponsor.mutate({ petitionId, token })}>
        {t("button")}
      </Button>
    </div>
  );
}
