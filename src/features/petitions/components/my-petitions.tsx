"use client";

import { useTranslations } from "next-intl";
import { usePageState } from "~/features/personal/components/page-state";
import { PetitionCard } from "~/features/petitions/components/petition-card";

/** The worker's own petitions above the shared list, from the page's personal request. */
export function MyPetitions() {
  const t = useTranslations("petitions.list");
  const mine = usePageState()?.petitions?.mine ?? [];
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="mine" className="space-y-2">
      <h2 id="mine" className="text-lg font-bold">
        {t("mine")}
      </h2>
      <ul className="space-y-2" data-testid="my-petitions">
        {mine.map((p) => (
          <PetitionCard key={p.id} petition={p} />
        ))}
      </ul>
    </section>
  );
}
