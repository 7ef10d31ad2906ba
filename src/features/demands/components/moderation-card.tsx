"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { PiiPreview, useFormPiiScan } from "~/components/pii-preview";
import { DEMAND_CATEGORIES, type DemandCategory } from "~/lib/taxonomy";
import { useTRPC } from "~/trpc/react";
import { useDeskFeedback } from "~/features/campaigns/components/write-feedback";

type Demand = { id: string; number: number; title: string; text: string; category: string; status: string };

/** Approve, edit (history kept on the server) or reject one demand. */
export function ModerationActions({ demand, open }: { demand: Demand; open: boolean }) {
  const t = useTranslations("campaigns.organiser");
  const td = useTranslations("campaigns.demands");
  const tx = useTranslations("taxonomy.category");
  const feedback = useDeskFeedback();
  const trpc = useTRPC();
  const [mode, setMode] = useState<"none" | "edit" | "reject">("none");
  const done = { onSuccess: () => (setMode("none"), feedback.onSuccess()) };
  const approve = useMutation(trpc.demands.approve.mutationOptions(done));
  const edit = useMutation(trpc.demands.edit.mutationOptions(done));
  const reject = useMutation(trpc.demands.reject.mutationOptions(done));
  const error = approve.error ?? edit.error ?? reject.error;
  const editPii = useFormPiiScan(["title", "text"], [demand.title, demand.text]);
  const reasonPii = useFormPiiScan(["reason"]);
  if (!open || demand.status === "MERGED") return null;
  const key = `d${demand.number}`;

  const onEdit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    edit.mutate({ demandId: demand.id, title: String(f.get("title")), text: String(f.get("text")), category: String(f.get("category")) as DemandCategory });
  };
  const onReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reject.mutate({ demandId: demand.id, reason: String(new FormData(event.currentTarget).get("reason")) });
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {demand.status !== "APPROVED" ? (
          <Button disabled={approve.isPending} onClick={() => approve.mutate({ demandId: demand.id })} aria-label={`${t("approve")} #${demand.number}`}>
            {t("approve")}
          </Button>
        ) : null}
        <Button variant="secondary" aria-expanded={mode === "edit"} onClick={() => setMode(mode === "edit" ? "none" : "edit")} aria-label={`${t("edit")} #${demand.number}`}>
          {t("edit")}
        </Button>
        {demand.status !== "REJECTED" ? (
          <Button variant="secondary" aria-expanded={mode === "reject"} onClick={() => setMode(mode === "reject" ? "none" : "reject")} aria-label={`${t("reject")} #${demand.number}`}>
            {t("reject")}
          </Button>
        ) : null}
      </div>
      {mode === "edit" ? (
        <form onSubmit={onEdit} onInput={editPii.onInput} className="space-y-2">
          <Field id={`${key}-title`} label={td("fieldTitle")}>
            <input id={`${key}-title`} name="title" required maxLength={120} defaultValue={demand.title} className={inputStyles} />
          </Field>
          <Field id={`${key}-text`} label={td("fieldText")}>
            <textarea id={`${key}-text`} name="text" required maxLength={1000} rows={4} defaultValue={demand.text} className={inputStyles} />
          </Field>
          <Field id={`${key}-category`} label={td("fieldCategory")}>
            <select id={`${key}-category`} name="category" defaultValue={demand.category} className={inputStyles}>
              {DEMAND_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tx(c)}
                </option>
              ))}
            </select>
          </Field>
          <PiiPreview scan={editPii.scan} />
          <Button type="submit" disabled={edit.isPending || editPii.scan.found}>
            {t("saveEdit")}
          </Button>
        </form>
      ) : null}
      {mode === "reject" ? (
        <form onSubmit={onReject} onInput={reasonPii.onInput} className="space-y-2">
          <Field id={`${key}-reason`} label={t("reason")}>
            <input id={`${key}-reason`} name="reason" required minLength={3} maxLength={500} className={inputStyles} />
          </Field>
          <PiiPreview scan={reasonPii.scan} />
          <Button type="submit" variant="danger" disabled={reject.isPending || reasonPii.scan.found}>
            {t("confirmReject")}
          </Button>
        </form>
      ) : null}
      {error ? <Alert>{feedback.message(error)}</Alert> : null}
    </div>
  );
}

/** Pick the demand to keep and the duplicates to fold into it. */
export function MergeForm({ campaignId, demands }: { campaignId: string; demands: Demand[] }) {
  const t = useTranslations("campaigns.organiser");
  const feedback = useDeskFeedback();
  const trpc = useTRPC();
  const [target, setTarget] = useState(demands[0]?.id ?? "");
  const merge = useMutation(trpc.demands.merge.mutationOptions({ onSuccess: feedback.onSuccess }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const sourceIds = new FormData(event.currentTarget).getAll("source").map(String);
    merge.mutate({ campaignId, targetId: target, sourceIds });
  };
  if (demands.length < 2) return null;
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <Field id="merge-target" label={t("mergeInto")}>
        <select id="merge-target" value={target} onChange={(e) => setTarget(e.target.value)} className={inputStyles}>
          {demands.map((d) => (
            <option key={d.id} value={d.id}>
              #{d.number} {d.title}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend className="mb-1 font-medium">{t("mergeSources")}</legend>
        {demands
          .filter((d) => d.id !== target)
          .map((d) => (
            <label key={d.id} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" className="size-5" name="source" value={d.id} />#{d.number} {d.title}
            </label>
          ))}
      </fieldset>
      {merge.error ? <Alert>{feedback.message(merge.error)}</Alert> : null}
      {merge.isSuccess ? <Alert tone="success">{t("merged")}</Alert> : null}
      <Button type="submit" disabled={merge.isPending}>
        {t("merge")}
      </Button>
    </form>
  );
}
