import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { RedeemForm } from "~/features/verification/components/redeem-form";
import { pageAccount } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.verify"))("title") };
}

type Props = { searchParams: Promise<{ code?: string | string[] }> };

export default async function VerifyPage({ searchParams }: Props) {
  const { code } = await searchParams;
  const initial = typeof code === "string" ? code.slice(0, 60) : "";
  const account = await pageAccount(["WORKER"]);
  if (account === "forbidden") return <Forbidden />;
  const t = await getTranslations("campaigns.verify");
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("explain")}</p>
      <Messages ns={["campaigns"]}>
        <RedeemForm initialCode={initial} />
      </Messages>
      <Link href="/campaigns" className="inline-block min-h-11 content-center font-medium text-blue-800 underline">
        {t("back")}
      </Link>
    </div>
  );
}
