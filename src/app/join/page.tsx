import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { JoinFlow } from "~/features/accounts/components/join-flow";
import { auth } from "~/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.join"))("title") };
}

export default async function JoinPage() {
  if (await auth()) redirect("/me");
  const t = await getTranslations("accounts.join");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Messages ns={["accounts"]}>
        <JoinFlow />
      </Messages>
    </>
  );
}
