import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { buttonStyles, Card, PageTitle } from "~/components/ui";
import { day } from "~/features/campaigns/format";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.organiser"))("title") };
}

export default async function OrganiserCampaignsPage() {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, tp] = await Promise.all([getTranslations("campaigns.organiser"), getTranslations("campaigns.phase")]);
  const campaigns = await (await api()).campaigns.mine();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <div className="flex flex-wrap gap-2">
        <Link href="/organiser/campaigns/new" className={buttonStyles.primary}>
          {t("new")}
        </Link>
        <Link href="/organiser/verification" className={buttonStyles.secondary}>
          {t("verifyLink")}
        </Link>
      </div>
      {campaigns.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-3">
        {campaigns.map((c) => (
          <li key={c.id}>
            <Card className="space-y-1">
              <h2 className="text-lg font-bold">
                <Link href={`/organiser/campaigns/${c.id}`} className="text-blue-800 underline">
                  {c.title}
                </Link>
              </h2>
              <p className="text-sm">
                {tp(c.phase)} · {t("demandCount", { count: c._count.demands })} · {day(c.closesOn)}
              </p>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
