"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

/** The organiser's choice that only verified workers may sign; open until publication. */
export function VerifiedOnlyToggle({ petitionId, initial }: { petitionId: string; initial: boolean }) {
  const t = useTranslations("petitions.moderation");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const id = useId();
  const [checked, setChecked] = useState(initial);
  const save = useMutation(trpc.petitions.setVerifiedOnly.mutationOptions({ onSuccess: (r) => setChecked(r.verifiedOnly) }));
  return (
    <div className="space-y-1">
      <div className="flex min-h-11 items-center gap-3">
        <input
          id={id}
          type="checkbox"
          className="size-6"
          checked={checked}
          disabled={save.isPending}
          aria-describedby={`${id}-hint`}
          onChange={(e) => save.mutate({ petitionId, verifiedOnly: e.target.checked })}
        />
        <label htmlFor={id} className="font-medium">
          {t("verifiedOnly")}
        </label>
      </div>
      <p id={`${id}-hint`} className="text-sm text-stone-700">
        {t("verifiedOnlyHint")}
      </p>
      {save.error ? <Alert>{errorMessage(te, save.error)}</Alert> : null}
    </div>
  );
}
