"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, inputStyles } from "~/components/ui";
import { errorMessage } from "~/lib/error-message";
import { CITIES, SECTORS, type CityCode, type SectorCode } from "~/lib/taxonomy";
import { useTRPC } from "~/trpc/react";

type Profile = { sectors: SectorCode[]; platformSlugs: string[]; city: string | null };

export function ProfileForm({ initial, platforms }: { initial: Profile; platforms: { slug: string; name: string }[] }) {
  const t = useTranslations("accounts.me");
  const tx = useTranslations("taxonomy");
  const te = useTranslations("errors");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const update = useMutation(trpc.accounts.updateProfile.mutationOptions());
  const [sectors, setSectors] = useState(new Set(initial.sectors));
  const [slugs, setSlugs] = useState(new Set(initial.platformSlugs));

  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const city = String(new FormData(event.currentTarget).get("city") ?? "");
    update.mutate({ sectors: [...sectors], platformSlugs: [...slugs], city: city ? (city as CityCode) : null });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <fieldset>
        <legend className="mb-1 font-medium">{t("sectors")}</legend>
        <div className="grid grid-cols-2 gap-1">
          {SECTORS.map((s) => (
            <label key={s} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" className="size-5" checked={sectors.has(s)} onChange={() => setSectors(toggle(sectors, s))} />
              {tx(`sector.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-1 font-medium">{t("platforms")}</legend>
        <div className="grid grid-cols-2 gap-1">
          {platforms.map((p) => (
            <label key={p.slug} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" className="size-5" checked={slugs.has(p.slug)} onChange={() => setSlugs(toggle(slugs, p.slug))} />
              {p.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="city" className="block font-medium">
          {t("city")}
        </label>
        <select id="city" name="city" defaultValue={initial.city ?? ""} className={inputStyles}>
          <option value="">{t("noCity")}</option>
          {CITIES.map((c) => (
            <option key={c} value={c}>
              {tx(`city.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {update.error ? <Alert>{errorMessage(te, update.error)}</Alert> : null}
      {update.isSuccess ? <Alert tone="success">{tc("saved")}</Alert> : null}
      <Button type="submit" className="w-full" disabled={update.isPending}>
        {update.isPending ? tc("saving") : tc("save")}
      </Button>
    </form>
  );
}
