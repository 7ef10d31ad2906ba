"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonStyles } from "~/components/ui";
import { usePageState } from "~/features/personal/components/page-state";

/** The home page's invitation, or who is signed in once the personal request says so. */
export function HomeGreeting({ part }: { part: "invite" | "staff" }) {
  const t = useTranslations("common.home");
  const account = usePageState()?.account;
  if (account) return part === "invite" ? <p className="font-medium">{t("signedInAs", { name: account.pseudonym })}</p> : null;
  return part === "invite" ? (
    <div className="flex flex-col gap-3">
      <Link href="/join" className={buttonStyles.primary}>
        {t("join")}
      </Link>
      <Link href="/sign-in" className={buttonStyles.secondary}>
        {t("signIn")}
      </Link>
    </div>
  ) : (
    <p>
      <Link href="/staff/sign-in" className={buttonStyles.link}>
        {t("staff")}
      </Link>
    </p>
  );
}
