import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { Card, PageTitle } from "~/components/ui";
import { DeleteNotification, NotificationBulkActions } from "~/features/notifications/components/notification-actions";
import { day } from "~/features/campaigns/format";
import { describeNotice } from "~/features/notifications/notice";
import { pageAccount } from "~/server/auth/guard";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.notifications"))("title") };
}

export default async function NotificationsPage() {
  const account = await pageAccount(["WORKER"]);
  if (account === "forbidden") return <Forbidden />;
  const [t, ts] = await Promise.all([getTranslations("campaigns.notifications"), getTranslations("answers.notices")]);
  const list = await (await api()).notifications.list();
  const unread = list.filter((n) => !n.read).length;
  return (
    <div className="space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      {list.length === 0 ? <p>{t("empty")}</p> : null}
      <Messages ns={["campaigns"]}>
        {list.length ? <NotificationBulkActions unread={unread} /> : null}
        <ul className="space-y-3" data-testid="notifications">
          {list.map((n) => {
            const { text, href } = describeNotice(n, t, ts);
            return (
              <li key={n.id}>
                <Card className={`space-y-2 ${n.read ? "" : "border-brand-700"}`}>
                  <p>
                    {n.read ? null : <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-sm font-bold text-white">{t("new")}</span>}
                    <Link href={href} className="font-medium text-blue-800 underline">
                      {text}
                    </Link>
                  </p>
                  <p className="text-sm text-stone-700">{day(n.createdOn)}</p>
                  <DeleteNotification id={n.id} title={text} />
                </Card>
              </li>
            );
          })}
        </ul>
      </Messages>
    </div>
  );
}
