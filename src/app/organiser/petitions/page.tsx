import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { Settles } from "~/components/settles";
import { Card, PageTitle } from "~/components/ui";
import { DAY, targetName } from "~/features/petitions/components/labels";
import { CommentDecision, ModerateForm, PublishedTools } from "~/features/petitions/components/moderation-panel";
import { VerifiedOnlyToggle } from "~/features/petitions/components/verified-only-toggle";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("petitions.moderation"))("title") };
}

export default async function OrganiserPetitionsPage() {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, format, locale, caller] = await Promise.all([getTranslations("petitions"), getFormatter(), getLocale(), api()]);
  const { pending, published, comments } = await caller.petitions.moderationQueue();
  return (
    <div className="space-y-6">
      <PageTitle>{t("moderation.title")}</PageTitle>
      <Messages ns={["petitions"]}>
        <section className="space-y-3" aria-labelledby="pending">
          <h2 id="pending" className="sr-only">
            {t("moderation.title")}
          </h2>
          {pending.length === 0 ? <p>{t("moderation.empty")}</p> : null}
          {pending.map((p) => (
            <Settles key={p.id}>
              <Card className="space-y-2" data-testid="pending-petition">
                <h3 className="text-lg font-bold">{p.title}</h3>
                <p className="text-sm">
                  {t("target.label")}: {targetName(p, locale)} · {t("moderation.sponsored", { count: p.sponsorCount, days: p.durationDays })}
                </p>
                <p className="whitespace-pre-line">{p.ask}</p>
                <p className="whitespace-pre-line text-stone-700">{p.reason}</p>
                <VerifiedOnlyToggle petitionId={p.id} initial={p.verifiedOnly} />
                <ModerateForm petitionId={p.id} />
              </Card>
            </Settles>
          ))}
        </section>
        <section className="space-y-3" aria-labelledby="comments">
          <h2 id="comments" className="text-xl font-bold">
            {t("moderation.comments")}
          </h2>
          {comments.length === 0 ? <p>{t("moderation.noComments")}</p> : null}
          <ul className="space-y-2">
            {comments.map((c) => (
              <li key={c.id}>
                <Settles>
                  <div className="space-y-2 rounded-lg bg-white p-3" data-testid="pending-comment">
                    <p className="text-sm text-stone-700">{c.petition.title}</p>
                    <p>{c.comment}</p>
                    <CommentDecision signatureId={c.id} />
                  </div>
                </Settles>
              </li>
            ))}
          </ul>
        </section>
        <section className="space-y-3" aria-labelledby="published">
          <h2 id="published" className="text-xl font-bold">
            {t("moderation.published")}
          </h2>
          {published.map((p) => (
            <Card key={p.id} className="space-y-2">
              <h3 className="font-bold">
                <Link href={`/petitions/${p.id}`} className="text-blue-900 underline">
                  {p.title}
                </Link>
              </h3>
              <p className="text-sm">
                {p.signatures === null ? t("list.fewSignatures") : t("list.signatures", { count: p.signatures })}
                {p.deliveredOn && p.deliveredTo ? ` · ${t("page.delivered", { to: p.deliveredTo, date: format.dateTime(p.deliveredOn, DAY) })}` : ""}
              </p>
              <PublishedTools petitionId={p.id} threshold={p.threshold} />
            </Card>
          ))}
        </section>
      </Messages>
    </div>
  );
}
