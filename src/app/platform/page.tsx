import type { Metadata } from "next";
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
  return (
    <div className="space-y-4">
      <PageTitle>{t("platformTitle")}</PageTitle>
      <p>{t("platformIntro")}</p>
    </div>
  );
}
