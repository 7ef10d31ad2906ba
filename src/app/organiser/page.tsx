import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { buttonStyles, PageTitle } from "~/components/ui";
import { pageAccount } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.desk"))("organiserTitle") };
}

export default async function OrganiserPage() {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, tc, tr, tp] = await Promise.all([
    getTranslations("accounts.desk"),
    getTranslations("campaigns.organiser"),
    getTranslations("reports.moderation"),
    getTranslations("petitions"),
  ]);
  const ts = await getTranslations("submissions.organiser");
  const tst = await getTranslations("statements.moderation");
  return (
    <div className="space-y-4">
      <PageTitle>{t("organiserTitle")}</PageTitle>
      <p>{t("organiserIntro")}</p>
      <nav className="flex flex-col gap-2">
        <Link href="/organiser/campaigns" className={buttonStyles.primary}>
          {tc("deskLink")}
        </Link>
        <Link href="/organiser/submissions" className={buttonStyles.secondary}>
          {ts("deskLink")}
        </Link>
        <Link href="/organiser/verification" className={buttonStyles.secondary}>
          {tc("verifyLink")}
        </Link>
        <Link href="/organiser/petitions" className={buttonStyles.secondary}>
          {tp("moderation.link")}
        </Link>
        <Link href="/organiser/narratives" className={buttonStyles.secondary}>
          {tr("title")}
        </Link>
        <Link href="/organiser/statements" className={buttonStyles.secondary}>
          {tst("link")}
        </Link>
      </nav>
    </div>
  );
}
