import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonStyles, Card } from "~/components/ui";
import { auth } from "~/server/auth/session";

export default async function HomePage() {
  const [t, ts, account] = await Promise.all([getTranslations("common.home"), getTranslations("submissions.list"), auth()]);
  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-lg leading-relaxed">{t("intro")}</p>
        {account ? (
          <p className="font-medium">{t("signedInAs", { name: account.pseudonym })}</p>
        ) : (
          <div className="flex flex-col gap-3">
            <Link href="/join" className={buttonStyles.primary}>
              {t("join")}
            </Link>
            <Link href="/sign-in" className={buttonStyles.secondary}>
              {t("signIn")}
            </Link>
          </div>
        )}
      </section>
      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("promises")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("promise1")}</li>
          <li>{t("promise2")}</li>
          <li>{t("promise3")}</li>
          <li>{t("promise4")}</li>
        </ul>
      </Card>
      <p>
        <Link href="/submissions" className={buttonStyles.link}>
          {ts("homeLink")}
        </Link>
      </p>
      {account ? null : (
        <p>
          <Link href="/staff/sign-in" className={buttonStyles.link}>
            {t("staff")}
          </Link>
        </p>
      )}
    </div>
  );
}
