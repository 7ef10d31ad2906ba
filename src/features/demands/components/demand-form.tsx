"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { DEMAND_CATEGORIES, type DemandCategory } from "~/lib/taxonomy";
import { PiiPreview, usePiiScan } from "~/components/pii-preview";
import { useTRPC } from "~/trpc/react";
import { useDeskFeedback } from "~/features/campaigns/components/write-feedback";
import { usePageStateWrite } from "~/features/personal/components/page-state";

/** Proposal form for workers; organisers use the same form to add a demand directly. */
export function DemandForm({ campaignId, as }: { campaignId: string; as: "worker" | "organiser" }) {
  const t = useTranslations("campaigns.demands");
  const to = useTranslations("campaigns.organiser");
  const tx = useTranslations("taxonomy.category");
  const feedback = useDeskFeedback();
  const personal = usePageStateWrite();
  const trpc = useTRPC();
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [done, setDone] = useState(false);
  const onSuccess = () => {
    setTitle("");
    setText("");
    setDone(true);
    // A worker's proposal joins their own list (the personal request) at once and the public
    // list within the page cache's few seconds; the organiser's desk is a private page.
    if (as === "worker") void personal.refetch();
    else feedback.onSuccess();
  };
  const propose = useMutation(trpc.demands.propose.mutationOptions({ onSuccess }));
  const add = useMutation(trpc.demands.add.mutationOptions({ onSuccess }));
  const mutation = as === "worker" ? propose : add;
  const pii = usePiiScan(title, text);
  const prefix = as === "worker" ? "propose" : "add";

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const category = String(new FormData(event.currentTarget).get("category")) as DemandCategory;
    mutation.mutate({ campaignId, title, text, category });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <Field id={`${prefix}-title`} label={t("fieldTitle")}>
        <input id={`${prefix}-title`} required minLength={3} maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} className={inputStyles} />
      </Field>
      <Field id={`${prefix}-text`} label={t("fieldText")} hint={as === "worker" ? t("proposeHint") : undefined}>
        <textarea
          id={`${prefix}-text`}
          required
          minLength={10}
          maxLength={1000}
          rows={4}
          value={text}
          aria-describedby={as === "worker" ? `${prefix}-text-hint` : undefined}
          onChange={(e) => setText(e.target.value)}
          className={inputStyles}
        />
      </Field>
      <PiiPreview scan={pii} />
      <Field id={`${prefix}-category`} label={t("fieldCategory")}>
        <select id={`${prefix}-category`} name="category" className={inputStyles} defaultValue="pay_and_deductions">
          {DEMAND_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {tx(c)}
            </option>
          ))}
        </select>
      </Field>
      {mutation.error ? <Alert>{feedback.message(mutation.error)}</Alert> : null}
      {done && as === "worker" ? <Alert tone="success">{t("sent")}</Alert> : null}
      <Button type="submit" className="w-full" disabled={mutation.isPending || pii.found}>
        {as === "worker" ? t("submit") : to("add")}
      </Button>
    </form>
  );
}
