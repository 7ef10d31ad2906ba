import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonStyles, PageTitle } from "~/components/ui";
import { Messages } from "~/components/messages";
import { MyPetitions } from "~/features/petitions/components/my-petitions";
import { PetitionCard } from "~/features/petitions/components/petition-card";
import { DEFAULT_THRESHOLD } from "~/features/petitions/schema";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("petitions.list"))("title") };
}

const FILTERS = ["open", "awaiting", "answered", "closed", "rejected"] as const;

/** The same for everyone (cached, issue 15); a worker's own petitions arrive after first paint. */
export default async function PetitionsPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const { filter: raw } = await searchParams;
  const filter = FILTERS.find((f) => f === raw) ?? "open";
  const [t, caller] = await Promise.all([getTranslations("petitions.list"), api()]);
  const petitions = await caller.petitions.list({ filter });
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro", { threshold: DEFAULT_THRESHOLD })}</p>
      <Link href="/petitions/new" className={`${buttonStyles.primary} w-full`}>
        {t("start")}
      </Link>
      <Messages ns={["petitions"]}>
        <MyPetitions />
      </Messages>
      <nav aria-label={t("filters")}>
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={`/petitions?filter=${f}`}
                aria-current={f === filter ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-3 font-medium ${f === filter ? "border-brand-700 bg-brand-700 text-white" : "border-stone-400 bg-white text-stone-900"}`}
              >
                {t(`filter.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {petitions.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-2" data-testid="petition-list">
          {petitions.map((p) => (
            <PetitionCard key={p.id} petition={p} />
          ))}
        </ul>
      )}
    </div>
  );
}
