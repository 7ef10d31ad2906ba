import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { PageTitle } from "~/components/ui";
import { pageAccount } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.desk"))("platformTitle") };
}

export default async function PlatformPage() {
  const account = await pageAccount(["PLATFORM_REP"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const t = await getTranslations("accounts.desk");
  const tp = await getTranslations("petitions");
  return (
    <div className="space-y-4">
      <PageTitle>{t("platformTitle")}</PageTitle>
      <p>{t("platformIntro")}</p>
      <Link href="/platform/petitions" className="font-medium text-blue-800 underline">
        {tp("platform.link")}
      </Link>
    </div>
  );
}
