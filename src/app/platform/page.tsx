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
  const ta = await getTranslations("answers.inbox");
  const ts = await getTranslations("statements.desk");
  return (
    <div className="space-y-4">
      <PageTitle>{t("platformTitle")}</PageTitle>
      <p>{t("platformIntro")}</p>
      <nav className="flex flex-col gap-2">
        <Link href="/platform/submissions" className="inline-block min-h-11 content-center font-medium text-blue-800 underline">
          {ta("link")}
        </Link>
        <Link href="/platform/petitions" className="inline-block min-h-11 content-center font-medium text-blue-800 underline">
          {tp("platform.link")}
        </Link>
        <Link href="/platform/statements" className="inline-block min-h-11 content-center font-medium text-blue-800 underline">
          {ts("link")}
        </Link>
      </nav>
    </div>
  );
}
