"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Button } from "~/components/ui";
import type { Phase } from "~/features/campaigns/schema";
import { useTRPC } from "~/trpc/react";
import { useDeskFeedback } from "~/features/campaigns/components/write-feedback";

export function PhaseControls({ campaignId, phase }: { campaignId: string; phase: Phase }) {
  const t = useTranslations("campaigns.organiser");
  const feedback = useDeskFeedback();
  const trpc = useTRPC();
  const set = useMutation(trpc.campaigns.setPhase.mutationOptions({ onSuccess: feedback.onSuccess }));
  if (phase === "CLOSED") return null;
  const next: Phase = phase === "PROPOSING" ? "VOTING" : "CLOSED";
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700">{t("phaseAuto")}</p>
      <p className="text-sm text-stone-700">{t("confirmPhase")}</p>
      <Button variant={next === "CLOSED" ? "danger" : "primary"} className="w-full" disabled={set.isPending} onClick={() => set.mutate({ campaignId, phase: next })}>
        {next === "VOTING" ? t("openVoting") : t("close")}
      </Button>
      {set.error ? <Alert>{feedback.message(set.error)}</Alert> : null}
    </div>
  );
}
