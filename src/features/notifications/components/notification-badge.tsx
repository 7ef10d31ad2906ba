import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { countUnread } from "~/features/notifications/data";

/** The bell in the header: a server-rendered count, no client code. */
export async function NotificationBadge({ accountId }: { accountId: string }) {
  const [t, unread] = await Promise.all([getTranslations("campaigns.notifications"), countUnread(accountId)]);
  return (
    <Link href="/notifications" aria-label={t("badge", { count: unread })} className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg text-stone-800" data-testid="notification-badge">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="absolute right-0 top-0 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold text-white" data-testid="notification-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
