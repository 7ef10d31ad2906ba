import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { InviteCodes, InviteStats } from "~/features/verification/components/invite-codes";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.invites"))("title") };
}

export default async function VerificationPage() {
  const account = await pageAccount(["ORGANISER"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const t = await getTranslations("campaigns.invites");
  const stats = await (await api()).verification.stats();
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("explain")}</p>
      <Messages ns={["campaigns"]}>
        <InviteStats initial={stats} />
        <InviteCodes />
      </Messages>
    </div>
  );
}
