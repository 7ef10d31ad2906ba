import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonStyles, PageTitle } from "~/components/ui";
import { getPlatformBySlug } from "~/features/petitions/data";
import { PetitionCard } from "~/features/petitions/components/petition-card";
import { api } from "~/trpc/server";

type Params = { params: Promise<{ slug: string }> };

async function platformFor(slug: string) {
  return /^[a-z0-9-]{2,40}$/.test(slug) ? getPlatformBySlug(slug) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const platform = await platformFor((await params).slug);
  if (!platform) return {};
  const locale = await getLocale();
  return { title: (await getTranslations("petitions.platform"))("publicTitle", { name: locale === "en" ? platform.nameEn : platform.nameZh }) };
}

/** A platform's public page of petitions that crossed the threshold and still wait for its answer. */
export default async function PlatformPetitionsPage({ params }: Params) {
  const { slug } = await params;
  const platform = await platformFor(slug);
  if (!platform) notFound();
  const [t, tr, locale, caller] = await Promise.all([getTranslations("petitions.platform"), getTranslations("records"), getLocale(), api()]);
  const awaiting = await caller.petitions.list({ filter: "awaiting", platformSlug: slug });
  return (
    <div className="space-y-4">
      <PageTitle>{t("publicTitle", { name: locale === "en" ? platform.nameEn : platform.nameZh })}</PageTitle>
      <Link href={`/platforms/${platform.slug}`} className={buttonStyles.link}>
        {tr("title", { name: locale === "en" ? platform.nameEn : platform.nameZh })}
      </Link>
      {awaiting.length === 0 ? (
        <p>{t("publicEmpty")}</p>
      ) : (
        <ul className="space-y-2" data-testid="awaiting-list">
          {awaiting.map((p) => (
            <PetitionCard key={p.id} petition={p} />
          ))}
        </ul>
      )}
    </div>
  );
}
