import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { buttonStyles, Card, PageTitle } from "~/components/ui";
import { targetName } from "~/features/petitions/components/labels";
import { SponsorButton } from "~/features/petitions/components/sponsor-button";
import { withReturnTo } from "~/lib/return-to";
import { auth } from "~/server/auth/session";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  // The private link's page is not for search engines or previews of its content.
  return { title: (await getTranslations("petitions.sponsor"))("title"), robots: { index: false } };
}

export default async function SponsorPage({ params }: { params: Promise<{ id: string; token: string }> }) {
  const { id, token } = await params;
  const [t, locale, account] = await Promise.all([getTranslations("petitions"), getLocale(), auth()]);
  if (!account) {
    return (
      <div className="space-y-4">
        <PageTitle>{t("sponsor.title")}</PageTitle>
        <p>{t("sponsor.intro")}</p>
        <Link href={withReturnTo("/sign-in", `/petitions/${id}/sponsor/${token}`)} className={`${buttonStyles.primary} w-full`}>
          {t("sponsor.signIn")}
        </Link>
      </div>
    );
  }
  if (account.role !== "WORKER") return <Forbidden />;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id) || !/^[A-Za-z0-9_-]{10,80}$/.test(token)) notFound();
  const p = await (await api()).petitions.sponsorView({ petitionId: id, token }).catch(() => null);
  if (!p) notFound();
  return (
    <div className="space-y-4">
      <PageTitle>{t("sponsor.title")}</PageTitle>
      <p>{t("sponsor.intro")}</p>
      <Card className="space-y-2">
        <h2 className="text-xl font-bold">{p.title}</h2>
        <p>
          {t("target.label")}: <strong>{targetName(p, locale)}</strong>
        </p>
        <h3 className="font-semibold">{t("page.ask")}</h3>
        <p className="whitespace-pre-line">{p.ask}</p>
        <h3 className="font-semibold">{t("page.reason")}</h3>
        <p className="whitespace-pre-line">{p.reason}</p>
        <p className="text-sm text-stone-700">{t("list.sponsors", { count: Math.min(5, p.sponsorCount) })}</p>
      </Card>
      <Messages ns={["petitions"]}>
        <SponsorButton petitionId={id} token={token} />
      </Messages>
    </div>
  );
}
