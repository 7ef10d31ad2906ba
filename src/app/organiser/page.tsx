import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { PageTitle } from "~/components/ui";
import { pageAccount } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.desk"))("organiserTitle") };
}

export default async function OrganiserPage() {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const t = await getTranslations("accounts.desk");
  return (
    <div className="space-y-4">
      <PageTitle>{t("organiserTitle")}</PageTitle>
      <p>{t("organiserIntro")}</p>
    </div>
  );
}
