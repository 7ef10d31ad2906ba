import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { StaffSignInForm } from "~/features/accounts/components/staff-sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.staff"))("title") };
}

export default async function StaffSignInPage() {
  const t = await getTranslations("accounts.staff");
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("explain")}</p>
      <Messages ns={["accounts"]}>
        <StaffSignInForm />
      </Messages>
    </div>
  );
}
