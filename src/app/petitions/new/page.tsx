import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { StartForm } from "~/features/petitions/components/start-form";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("petitions.new"))("title") };
}

export default async function NewPetitionPage({ searchParams }: { searchParams: Promise<{ campaign?: string }> }) {
  const account = await pageAccount(["WORKER"]);
  if (account === "forbidden") return <Forbidden />;
  const [{ campaign }, t, locale, targets] = await Promise.all([searchParams, getTranslations("petitions.new"), getLocale(), (await api()).petitions.targets()]);
  const name = (o: { nameZh: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.nameZh);
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Messages ns={["petitions"]}>
        <StartForm
          platforms={targets.platforms.map((p) => ({ id: p.id, name: name(p) }))}
          unions={targets.unions.map((u) => ({ id: u.id, name: name(u) }))}
          campaignId={campaign && /^[A-Za-z0-9_-]{1,40}$/.test(campaign) ? campaign : undefined}
        />
      </Messages>
    </div>
  );
}
