"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { useErrorText } from "~/features/campaigns/components/write-feedback";
import { usePageStateWrite } from "~/features/personal/components/page-state";

export function SupportButton({ demandId, supported, title }: { demandId: string; supported: boolean; title: string }) {
  const t = useTranslations("campaigns.demands");
  const message = useErrorText();
  const personal = usePageStateWrite();
  const [on, setOn] = useState(supported);
  const trpc = useTRPC();
  const support = useMutation(
    trpc.demands.support.mutationOptions({
      onSuccess: (r) => {
        // The released counts move in steps of 5 on the cached page; this worker's own support
        // shows from the answer, and stays in the page's personal state.
        setOn(r.supported);
        personal.update((s) =>
          s.campaign ? { ...s, campaign: { ...s.campaign, supported: r.supported ? [...new Set([...s.campaign.supported, demandId])] : s.campaign.supported.filter((id) => id !== demandId) } } : s,
        );
      },
    }),
  );
  return (
    <div className="space-y-1">
      <Button variant={on ? "primary" : "secondary"} aria-pressed={on} aria-label={`${on ? t("supported") : t("support")}: ${title}`} disabled={support.isPending} onClick={() => support.mutate({ demandId, support: !on })}>
        {on ? t("supported") : t("support")}
      </Button>
      {support.error ? <Alert>{message(support.error)}</Alert> : null}
    </div>
  );
}
