import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { buttonStyles, PageTitle } from "~/components/ui";
import { KeySignInForm } from "~/features/accounts/components/key-sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.signIn"))("title") };
}

export default async function SignInPage() {
  const t = await getTranslations("accounts.signIn");
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <Messages ns={["accounts"]}>
        <KeySignInForm />
      </Messages>
      <p>
        {t("noAccount")}{" "}
        <Link href="/join" className={buttonStyles.link}>
          {t("join")}
        </Link>
      </p>
      <p>
        <Link href="/staff/sign-in" className={buttonStyles.link}>
          {t("staffLink")}
        </Link>
      </p>
    </div>
  );
}
