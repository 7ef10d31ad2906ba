import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonStyles, Card } from "~/components/ui";
import { HomeGreeting } from "~/features/personal/components/home-greeting";

export default async function HomePage() {
  const [t, ts, tc] = await Promise.all([getTranslations("common.home"), getTranslations("submissions.list"), getTranslations("scorecard")]);
  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-lg leading-relaxed">{t("intro")}</p>
        <HomeGreeting part="invite" />
      </section>
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("promises")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("promise1")}</li>
          <li>{t("promise2")}</li>
          <li>{t("promise3")}</li>
          <li>{t("promise4")}</li>
        </ul>
      </Card>
      <ul className="space-y-1">
        <li>
          <Link href="/submissions" className={`${buttonStyles.link} inline-flex min-h-11 items-center`}>
            {ts("homeLink")}
          </Link>
        </li>
        <li>
          <Link href="/scorecard" className={`${buttonStyles.link} inline-flex min-h-11 items-center`}>
            {tc("league.homeLink")}
          </Link>
        </li>
      </ul>
      <HomeGreeting part="staff" />
    </div>
  );
}
