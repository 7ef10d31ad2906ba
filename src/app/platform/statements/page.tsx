import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { StatementDesk } from "~/features/statements/components/statement-desk";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statements.desk"))("title") };
}

/** A platform representative's statements on the platform's scorecard (issue 16). */
export default async function PlatformStatementsPage() {
  const account = await pageAccount(["PLATFORM_REP"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, caller] = await Promise.all([getTranslations("statements.desk"), api()]);
  const mine = await caller.statements.mine();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Messages ns={["statements", "scoreMethod"]}>
        <StatementDesk initial={mine} />
      </Messages>
    </div>
  );
}
