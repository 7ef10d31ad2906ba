import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Card, PageTitle } from "~/components/ui";
import { DAY_FORMAT } from "~/lib/days";
import { ClockLine } from "~/features/answers/components/clock-line";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("answers.inbox"))("title") };
}

/** The representative sees only published submissions addressed to their own platform (P7). */
export default async function PlatformSubmissionsInbox() {
  const account = await pageAccount(["PLATFORM_REP"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, tc, format, caller] = await Promise.all([getTranslations("answers.inbox"), getTranslations("answers.clock"), getFormatter(), api()]);
  const inbox = await caller.answers.inbox();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      {inbox.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="space-y-3">
        {inbox.map((e) => (
          <li key={e.partyId}>
            <Card className="space-y-2" data-testid="inbox-submission">
              <h2 className="text-lg font-bold">{e.title}</h2>
              <p className="text-stone-700">
                {tc("publishedOn", { date: format.dateTime(e.publishedOn, DAY_FORMAT) })} · {tc("respondBy", { date: format.dateTime(e.respondBy, DAY_FORMAT) })}
              </p>
              <ClockLine respondBy={e.respondBy} completedOn={e.completedOn} answered={e.answered} items={e.items} />
              <Link href={`/platform/submissions/${e.submissionId}`} className="inline-block min-h-11 content-center font-medium text-blue-800 underline">
                {t("open", { title: e.title })}
              </Link>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
