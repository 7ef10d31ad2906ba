import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { buttonStyles, PageTitle } from "~/components/ui";
import { KeySignInForm } from "~/features/accounts/components/key-sign-in-form";
import { safeReturnTo, withReturnTo } from "~/lib/return-to";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.signIn"))("title") };
}

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const next = safeReturnTo((await searchParams).next);
  const t = await getTranslations("accounts.signIn");
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <Messages ns={["accounts"]}>
        <KeySignInForm next={next} />
      </Messages>
      <p>
        {t("noAccount")}{" "}
        <Link href={withReturnTo("/join", next)} className={buttonStyles.link}>
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
