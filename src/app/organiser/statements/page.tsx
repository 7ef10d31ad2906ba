import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { StatementQueue } from "~/features/statements/components/statement-queue";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statements.moderation"))("title") };
}

/** Platforms' statements waiting for moderation: the organiser's union's platforms, or all for an admin. */
export default async function StatementModerationPage() {
  const account = await pageAccount(["ORGANISER", "ADMIN"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, caller] = await Promise.all([getTranslations("statements.moderation"), api()]);
  const queue = await caller.statements.queue();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Messages ns={["statements", "scoreMethod"]}>
        <StatementQueue initial={queue} />
      </Messages>
    </div>
  );
}
