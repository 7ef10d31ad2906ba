import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { chinaToday, isoDay } from "~/lib/days";
import { WageScreen } from "~/features/wages/components/wage-screen";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("wages"))("title") };
}

/** Admins keep the minimum wages the scorecard scores pay against (issue 16). */
export default async function AdminWagesPage() {
  const account = await pageAccount(["ADMIN"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, caller] = await Promise.all([getTranslations("wages"), api()]);
  const wages = await caller.wages.list();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Messages ns={["wages", "taxonomy"]}>
        <WageScreen initial={wages} today={isoDay(chinaToday())} />
      </Messages>
    </div>
  );
}
