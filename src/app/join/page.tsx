import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { JoinFlow } from "~/features/accounts/components/join-flow";
import { safeReturnTo } from "~/lib/return-to";
import { auth } from "~/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.join"))("title") };
}

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function JoinPage({ searchParams }: Props) {
  const next = safeReturnTo((await searchParams).next);
  if (await auth()) redirect(next ?? "/me");
  const t = await getTranslations("accounts.join");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Messages ns={["accounts"]}>
        <JoinFlow next={next} />
      </Messages>
    </>
  );
}
