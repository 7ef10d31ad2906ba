import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { Card, PageTitle } from "~/components/ui";
import { AnswerForm } from "~/features/petitions/components/answer-form";
import { DAY, daysSince } from "~/features/petitions/components/labels";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("petitions.platform"))("title") };
}

/** The representative sees only published petitions addressed to their own platform (P7). */
export default async function PlatformPetitionsInbox() {
  const account = await pageAccount(["PLATFORM_REP"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, format, caller] = await Promise.all([getTranslations("petitions"), getFormatter(), api()]);
  const petitions = await caller.petitions.inbox();
  return (
    <div className="space-y-4">
      <PageTitle>{t("platform.title")}</PageTitle>
      {petitions.length === 0 ? <p>{t("platform.empty")}</p> : null}
      <Messages ns={["petitions"]}>
        {petitions.map((p) => (
          <Card key={p.id} className="space-y-2" data-testid="inbox-petition">
            <h2 className="text-lg font-bold">
              <Link href={`/petitions/${p.id}`} className="text-blue-900 underline">
                {p.title}
              </Link>
            </h2>
            <p className="font-semibold">{p.signatures === null ? t("list.fewSignatures") : t("list.signatures", { count: format.number(p.signatures) })}</p>
            {p.thresholdReachedOn && !p.respondedOn ? (
              <p className="rounded bg-amber-100 p-2 text-amber-950">
                {t("page.awaiting")}: {t("page.awaitingSince", { date: format.dateTime(p.thresholdReachedOn, DAY), days: daysSince(p.thresholdReachedOn) })}
              </p>
            ) : null}
            {p.respondedOn ? <p className="text-green-900">{t("platform.answered", { date: format.dateTime(p.respondedOn, DAY) })}</p> : null}
            <p className="whitespace-pre-line">{p.ask}</p>
            <AnswerForm petitionId={p.id} initial={p.responseText ?? ""} />
          </Card>
        ))}
      </Messages>
    </div>
  );
}
