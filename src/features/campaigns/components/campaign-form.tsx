"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import { Alert, Button, Field, inputStyles } from "~/components/ui";
import { PiiPreview, useFormPiiScan } from "~/components/pii-preview";
import { CITIES, SECTORS, type CityCode, type SectorCode } from "~/lib/taxonomy";
import { chinaToday, isoDay } from "~/lib/days";
import type { CampaignInput } from "~/features/campaigns/schema";
import { useTRPC } from "~/trpc/react";
import { useDeskFeedback } from "~/features/campaigns/components/write-feedback";

/** `frozen`: proposing has ended (isFrozen in policy.ts), so scope, dates and verifiedOnly are fixed. */
type Props = { platforms: { slug: string; name: string }[]; campaignId?: string; initial?: CampaignInput; frozen?: boolean };

function Checks({ legend, name, options, checked, disabled }: { legend: string; name: string; options: { value: string; label: string }[]; checked: string[]; disabled?: boolean }) {
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-1 font-medium">{legend}</legend>
      <div className="grid grid-cols-2 gap-1">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" className="size-5" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Toggle({ name, checked, disabled, children }: { name: string; checked: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <label className="flex min-h-11 items-center gap-2">
      <input type="checkbox" className="size-5" name={name} defaultChecked={checked} disabled={disabled} />
      {children}
    </label>
  );
}

/** Create or edit a campaign; the union is never part of the input (it comes from the session). */
export function CampaignForm({ platforms, campaignId, initial, frozen = false }: Props) {
  const t = useTranslations("campaigns.organiser");
  const tx = useTranslations("taxonomy");
  const tc = useTranslations("common");
  const router = useRouter();
  const feedback = useDeskFeedback();
  const trpc = useTRPC();
  const create = useMutation(trpc.campaigns.create.mutationOptions({ onSuccess: (r) => router.push(`/organiser/campaigns/${r.id}`) }));
  const update = useMutation(trpc.campaigns.update.mutationOptions({ onSuccess: feedback.onSuccess }));
  const mutation = campaignId ? update : create;
  const today = isoDay(chinaToday());
  const pii = useFormPiiScan(["title", "description", "targetGovernment"], [initial?.title ?? "", initial?.description ?? "", initial?.targetGovernment ?? ""]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const all = (n: string) => f.getAll(n).map(String);
    // Disabled fields are not in the form data: frozen inputs are sent as they are stored.
    const fixed =
      frozen && initial
        ? {
            scopePlatformSlugs: initial.scopePlatformSlugs,
            scopeSectors: initial.scopeSectors,
            scopeCities: initial.scopeCities,
            proposingFrom: initial.proposingFrom,
            votingFrom: initial.votingFrom,
            closesOn: initial.closesOn,
            verifiedOnly: initial.verifiedOnly,
          }
        : {
            scopePlatformSlugs: all("scopePlatformSlugs"),
            scopeSectors: all("scopeSectors") as SectorCode[],
            scopeCities: all("scopeCities") as CityCode[],
            proposingFrom: String(f.get("proposingFrom")),
            votingFrom: String(f.get("votingFrom")),
            closesOn: String(f.get("closesOn")),
            verifiedOnly: f.get("verifiedOnly") === "on",
          };
    const input: CampaignInput = {
      title: String(f.get("title")),
      description: String(f.get("description")),
      targetPlatformSlugs: all("targetPlatformSlugs"),
      targetsUnion: f.get("targetsUnion") === "on",
      targetGovernment: String(f.get("targetGovernment") ?? ""),
      ...fixed,
    };
    if (campaignId) update.mutate({ campaignId, campaign: input });
    else create.mutate(input);
  };
  const v = initial;
  const platformOptions = platforms.map((p) => ({ value: p.slug, label: p.name }));

  return (
    <form onSubmit={onSubmit} onInput={pii.onInput} className="space-y-4">
      <Field id="c-title" label={t("fTitle")}>
        <input id="c-title" name="title" required minLength={3} maxLength={120} defaultValue={v?.title} className={inputStyles} />
      </Field>
      <Field id="c-description" label={t("fDescription")}>
        <textarea id="c-description" name="description" required minLength={10} maxLength={4000} rows={4} defaultValue={v?.description} className={inputStyles} />
      </Field>
      {frozen ? (
        <Alert tone="info">
          <p data-testid="campaign-frozen">{t("frozenNote")}</p>
        </Alert>
      ) : null}
      <Checks legend={t("fScopePlatforms")} name="scopePlatformSlugs" options={platformOptions} checked={v?.scopePlatformSlugs ?? []} disabled={frozen} />
      <Checks legend={t("fScopeSectors")} name="scopeSectors" options={SECTORS.map((s) => ({ value: s, label: tx(`sector.${s}`) }))} checked={v?.scopeSectors ?? []} disabled={frozen} />
      <Checks legend={t("fScopeCities")} name="scopeCities" options={CITIES.map((c) => ({ value: c, label: tx(`city.${c}`) }))} checked={v?.scopeCities ?? []} disabled={frozen} />
      <Checks legend={t("fTargets")} name="targetPlatformSlugs" options={platformOptions} checked={v?.targetPlatformSlugs ?? []} />
      <Toggle name="targetsUnion" checked={v?.targetsUnion ?? false}>
        {t("fTargetsUnion")}
      </Toggle>
      <Field id="c-government" label={t("fGovernment")}>
        <input id="c-government" name="targetGovernment" maxLength={120} defaultValue={v?.targetGovernment} className={inputStyles} />
      </Field>
      <fieldset disabled={frozen} className="grid grid-cols-1 gap-3">
        {/* A stored start that has passed stays valid while proposing is open: min only on create. */}
        <Field id="c-proposing" label={t("fProposingFrom")}>
          <input id="c-proposing" name="proposingFrom" type="date" required min={campaignId ? undefined : today} defaultValue={v?.proposingFrom ?? today} className={inputStyles} />
        </Field>
        <Field id="c-voting" label={t("fVotingFrom")}>
          <input id="c-voting" name="votingFrom" type="date" required defaultValue={v?.votingFrom} className={inputStyles} />
        </Field>
        <Field id="c-closes" label={t("fClosesOn")}>
          <input id="c-closes" name="closesOn" type="date" required defaultValue={v?.closesOn} className={inputStyles} />
        </Field>
        {frozen ? null : <p className="text-sm text-stone-700">{t("datesNote")}</p>}
      </fieldset>
      <Toggle name="verifiedOnly" checked={v?.verifiedOnly ?? false} disabled={frozen}>
        {t("fVerifiedOnly")}
      </Toggle>
      <PiiPreview scan={pii.scan} />
      {mutation.error ? <Alert>{feedback.message(mutation.error)}</Alert> : null}
      {update.isSuccess ? <Alert tone="success">{tc("saved")}</Alert> : null}
      <Button type="submit" className="w-full" disabled={mutation.isPending || pii.scan.found}>
        {campaignId ? t("saveSettings") : t("create")}
      </Button>
    </form>
  );
}
