import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "~/components/forbidden";
import { Messages } from "~/components/messages";
import { PageTitle } from "~/components/ui";
import { DeleteNotification, NotificationBulkActions, NotificationDesk, NotificationItem, NotificationsEmpty } from "~/features/notifications/components/notification-actions";
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
      <Messages ns={["campaigns"]}>
        <NotificationDesk>
          <NotificationsEmpty total={list.length} ids={list.map((n) => n.id)} />
          {list.length ? <NotificationBulkActions unread={unread} /> : null}
          <ul className="space-y-3" data-testid="notifications">
            {list.map((n) => {
              const { text, href } = describeNotice(n, t, ts);
              return (
                <NotificationItem key={n.id} id={n.id} read={n.read}>
                  <p>
                    <Link href={href} className="font-medium text-blue-800 underline">
                      {text}
                    </Link>
                  </p>
                  <p className="text-sm text-stone-700">{day(n.createdOn)}</p>
                  <DeleteNotification id={n.id} title={text} />
                </NotificationItem>
              );
            })}
          </ul>
        </NotificationDesk>
      </Messages>
    </div>
  );
}
