"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { useRefreshFeedback } from "~/features/campaigns/components/use-refresh";

export function SupportButton({ demandId, supported, title }: { demandId: string; supported: boolean; title: string }) {
  const t = useTranslations("campaigns.demands");
  const feedback = useRefreshFeedback();
  const [on, setOn] = useState(supported);
  const trpc = useTRPC();
  const support = useMutation(
    trpc.demands.support.mutationOptions({
      onSuccess: (r) => {
        setOn(r.supported);
        feedback.onSuccess();
      },
    }),
  );
  return (
    <div className="space-y-1">
      <Button variant={on ? "primary" : "secondary"} aria-pressed={on} aria-label={`${on ? t("supported") : t("support")}: ${title}`} disabled={support.isPending} onClick={() => support.mutate({ demandId, support: !on })}>
        {on ? t("supported") : t("support")}
      </Button>
      {support.error ? <Alert>{feedback.message(support.error)}</Alert> : null}
    </div>
  );
}
