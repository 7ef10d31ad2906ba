import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "~/components/ui";
import type { Locale } from "~/i18n/config";
import { readLeagueTable } from "~/features/scorecard/data";
import { METHOD_PAGE, textsFor } from "~/features/scorecard/components/labels";
import { LeagueTable } from "~/features/scorecard/components/league-table";

// A cached public page (src/scripts/lib/page-cache.mjs): it reads no session.

/** The same table as open data: a JSON document, not a page for the client router. */
const LEAGUE_API = "/api/v1/scorecards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scorecard"))("league.title") };
}

/** The league table: every platform's fair-work score over its last four sealed quarters. */
export default async function ScorecardLeaguePage() {
  const [rows, locale] = await Promise.all([readLeagueTable(), getLocale()]);
  const texts = textsFor(locale as Locale);
  const { t } = texts;
  return (
    <div className="space-y-4">
      <PageTitle>{t("league.title")}</PageTitle>
      <p>{t("league.intro")}</p>
      <p className="text-sm font-medium">{t("moves")}</p>
      <LeagueTable texts={texts} rows={rows} />
      <p className="text-sm text-stone-700">{t("resists")}</p>
      <ul className="space-y-1">
        <li>
          <a href={METHOD_PAGE} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-2">
            {t("methodLink")}
          </a>
        </li>
        <li>
          <a href={LEAGUE_API} type="application/json" className="inline-flex min-h-11 items-center font-medium text-blue-800 underline underline-offset-2">
            {t("league.api")}
          </a>
        </li>
      </ul>
    </div>
  );
}
