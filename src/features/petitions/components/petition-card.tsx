import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DAY, targetName } from "~/features/petitions/components/labels";
import { VerifiedPart } from "~/features/verification/components/verified-part";
import type { Credibility } from "~/features/verification/credibility";

type Summary = {
  id: string;
  title: string;
  targetKind: string;
  targetName: string | null;
  closesOn: Date | string | null;
  thresholdReachedOn: Date | string | null;
  respondedOn: Date | string | null;
  status: string;
  signatures: number | null;
  credibility?: Credibility;
  sponsorCount?: number;
  platform: { nameZh: string; nameEn: string } | null;
  union: { nameZh: string; nameEn: string } | null;
};

/** A petition in a list; plain hooks, so a server page and a client island (my petitions) share it. */
export function PetitionCard({ petition: p }: { petition: Summary }) {
  const [t, format, locale] = [useTranslations("petitions"), useFormatter(), useLocale()];
  const name = targetName(p, locale);
  const awaiting = p.thresholdReachedOn && !p.respondedOn && p.targetKind === "PLATFORM";
  return (
    <li className="rounded-xl border border-stone-300 bg-white p-4 shadow-sm">
      <Link href={`/petitions/${p.id}`} className="text-lg font-bold text-blue-900 underline underline-offset-2">
        {p.title}
      </Link>
      <p className="text-sm text-stone-700">
        {t("target.label")}: {name}
      </p>
      <p className="mt-1 font-semibold">
        {p.status === "GATHERING_SPONSORS"
          ? t("list.sponsors", { count: p.sponsorCount ?? 0 })
          : p.status !== "PUBLISHED"
            ? t(`phase.${p.status as "REJECTED"}`)
            : p.signatures === null
              ? t("list.fewSignatures")
              : t("list.signatures", { count: format.number(p.signatures) })}
      </p>
      {p.status === "PUBLISHED" && p.credibility ? <VerifiedPart credibility={p.credibility} /> : null}
      {awaiting ? <p className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-950">{t("list.awaitingFor", { name })}</p> : null}
      {p.respondedOn ? <p className="text-sm text-green-900">{t("platform.answered", { date: format.dateTime(new Date(p.respondedOn), DAY) })}</p> : null}
    </li>
  );
}
