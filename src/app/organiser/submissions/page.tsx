import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Card, PageTitle } from "~/components/ui";
import { day } from "~/features/campaigns/format";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions.organiser"))("title") };
}

export default async function OrganiserSubmissionsPage() {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, tp] = await Promise.all([getTranslations("submissions.organiser"), getTranslations("campaigns.phase")]);
  const campaigns = await (await api()).submissions.mine();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      {campaigns.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-3">
        {campaigns.map((c) => {
          const state = !c.submission ? t("notStarted") : c.submission.currentVersion === 0 ? t("draft") : t("published", { version: c.submission.currentVersion });
          return (
            <li key={c.id}>
              <Card className="space-y-1" data-testid="organiser-submission">
                <h2 className="text-lg font-bold">
                  {c.phase === "CLOSED" ? (
                    <Link href={`/organiser/submissions/${c.id}`} className="text-blue-800 underline">
                      {c.title}
                    </Link>
                  ) : (
                    c.title
                  )}
                </h2>
                <p className="text-sm">
                  {tp(c.phase)} · {c.phase === "CLOSED" ? state : t("notClosed", { date: day(c.closesOn) })}
                </p>
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
