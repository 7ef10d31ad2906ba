import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { buttonStyles, Card, PageTitle } from "~/components/ui";
import { CreatePlatformForm, CreateUnionForm } from "~/features/admin/components/create-org-forms";
import { CreateStaffForm } from "~/features/admin/components/create-staff-form";
import { ModerationAssignments } from "~/features/admin/components/moderation-assignments";
import { SuspendButton } from "~/features/admin/components/suspend-button";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const account = await pageAccount(["ADMIN"], "/staff/sign-in");
  if (account === "forbidden") return <Forbidden />;
  const [t, ta, tx, tw, locale] = await Promise.all([getTranslations("admin"), getTranslations("accounts"), getTranslations("taxonomy"), getTranslations("wages"), getLocale()]);
  const tst = await getTranslations("statements.moderation");
  const overview = await (await api()).admin.overview();
  const name = (o: { nameZh: string; nameEn: string } | null) => (o ? (locale === "en" ? o.nameEn : o.nameZh) : "");
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <nav className="flex flex-col gap-2">
        <Link href="/admin/wages" className={buttonStyles.secondary}>
          {tw("link")}
        </Link>
        <Link href="/organiser/statements" className={buttonStyles.secondary}>
          {tst("link")}
        </Link>
      </nav>
      <Card>
        <h2 className="text-lg font-bold">{t("workers")}</h2>
        <p className="text-3xl font-bold" data-testid="worker-count">
          {overview.workers}
        </p>
        <p className="text-stone-700">{t("workersNote")}</p>
      </Card>
      <Messages ns={["admin", "accounts", "taxonomy"]}>
        <Card className="space-y-3">
          <h2 className="text-lg font-bold">{t("platforms")}</h2>
          <ul className="list-disc pl-5">
            {overview.platforms.map((p) => (
              <li key={p.id}>
                {name(p)} ({p.slug}, {tx(`sector.${p.sector}`)})
              </li>
            ))}
          </ul>
          <CreatePlatformForm />
        </Card>
        <Card className="space-y-3">
          <h2 className="text-lg font-bold">{t("unions")}</h2>
          <ul className="list-disc pl-5">
            {overview.unions.map((u) => (
              <li key={u.id}>
                {name(u)} ({u.slug})
              </li>
            ))}
          </ul>
          <CreateUnionForm />
        </Card>
        <Card className="space-y-3">
          <h2 className="text-lg font-bold">{t("moderation.title")}</h2>
          <ModerationAssignments
            rows={overview.moderation.map((m) => ({ scope: m.scope, label: m.platform ? name(m.platform) : t("moderation.other"), unionId: m.unionId }))}
            unions={overview.unions.map((u) => ({ id: u.id, name: name(u) }))}
          />
        </Card>
        <Card className="space-y-3">
          <h2 className="text-lg font-bold">{t("staff")}</h2>
          <ul className="divide-y divide-stone-200" data-testid="staff-list">
            {overview.staff.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{s.username}</span> · {ta(`roles.${s.role}`)}
                  {s.union || s.platform ? ` · ${name(s.union ?? s.platform)}` : ""}
                  {s.suspended ? ` · ${t("suspended")}` : ""}
                </span>
                {s.id === account.accountId ? null : <SuspendButton accountId={s.id} suspended={s.suspended} />}
              </li>
            ))}
          </ul>
          <CreateStaffForm
            unions={overview.unions.map((u) => ({ id: u.id, name: name(u) }))}
            platforms={overview.platforms.map((p) => ({ id: p.id, name: name(p) }))}
          />
        </Card>
      </Messages>
    </div>
  );
}
