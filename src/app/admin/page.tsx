import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { buttonStyles, Card, PageTitle } from "~/components/ui";
import { AdminDesk } from "~/features/admin/components/admin-desk";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const account = await pageAccount(["ADMIN"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, tw, tst] = await Promise.all([getTranslations("admin"), getTranslations("wages"), getTranslations("statements.moderation")]);
  const overview = await (await api()).admin.overview();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <nav className="flex flex-col gap-2">
        <Link href="/admin/wages" className={buttonStyles.secondary}>
          {tw("link")}
        </Link>
        <Link href="/organiser/statements" className={buttonStyles.secondary}>
          {tst("link")}
        </Link>
      </nav>
      <Card>
        <h2 className="text-lg font-bold">{t("workers")}</h2>
        <p className="text-3xl font-bold" data-testid="worker-count">
          {overview.workers}
        </p>
        <p className="text-stone-700">{t("workersNote")}</p>
      </Card>
      <Messages ns={["admin", "accounts", "taxonomy"]}>
        <AdminDesk initial={overview} selfId={account.accountId} />
      </Messages>
    </div>
  );
}
