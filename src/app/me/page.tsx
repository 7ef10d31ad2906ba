import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { signOut } from "~/app/_actions/session";
import { Messages } from "~/components/messages";
import { Button, Card, PageTitle } from "~/components/ui";
import { ProfileForm } from "~/features/accounts/components/profile-form";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.me"))("title") };
}

export default async function MePage() {
  const account = await pageAccount(["WORKER", "ORGANISER", "PLATFORM_REP", "ADMIN"]);
  const t = await getTranslations("accounts");
  const locale = await getLocale();
  if (account === "forbidden") return null;
  const signOutButton = (
    <form action={signOut}>
      <Button type="submit" variant="secondary" className="w-full">
        {t("me.signOut")}
      </Button>
    </form>
  );
  if (account.role !== "WORKER") {
    return (
      <div className="space-y-4">
        <PageTitle>{t("me.staffTitle")}</PageTitle>
        <p>
          {t("me.role")}: {t(`roles.${account.role}`)}
        </p>
        {signOutButton}
      </div>
    );
  }
  const caller = await api();
  const [profile, platforms] = await Promise.all([caller.accounts.profile(), caller.accounts.platforms()]);
  const unions = profile.verifications.map((v) => (locale === "en" ? v.union.nameEn : v.union.nameZh));
  return (
    <div className="space-y-4">
      <PageTitle>{t("me.title")}</PageTitle>
      <Card className="space-y-2">
        <p className="text-sm font-medium text-stone-700">{t("me.pseudonym")}</p>
        <p className="text-xl font-bold" data-testid="me-pseudonym">
          {profile.pseudonym}
        </p>
        <p>{unions.length ? `${t("me.verifiedBy")}: ${unions.join(", ")}` : t("me.notVerified")}</p>
      </Card>
      <Card>
        <h2 className="text-lg font-bold">{t("me.profileTitle")}</h2>
        <p className="mb-3 text-stone-700">{t("me.profileExplain")}</p>
        <Messages ns={["accounts", "taxonomy"]}>
          <ProfileForm
            initial={{ sectors: profile.sectors, platformSlugs: profile.platformSlugs, city: profile.city }}
            platforms={platforms.map((p) => ({ slug: p.slug, name: locale === "en" ? p.nameEn : p.nameZh }))}
          />
        </Messages>
      </Card>
      {signOutButton}
    </div>
  );
}
