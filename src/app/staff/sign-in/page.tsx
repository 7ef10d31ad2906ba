import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { StaffSignInForm } from "~/features/accounts/components/staff-sign-in-form";
import { safeReturnTo } from "~/lib/return-to";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.staff"))("title") };
}

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function StaffSignInPage({ searchParams }: Props) {
  const next = safeReturnTo((await searchParams).next);
  const t = await getTranslations("accounts.staff");
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("explain")}</p>
      <Messages ns={["accounts"]}>
        <StaffSignInForm next={next} />
      </Messages>
    </div>
  );
}
