"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createContext, useContext, useState, type ReactNode } from "react";
import { Alert, Button, Card } from "~/components/ui";
import { useErrorText } from "~/features/campaigns/components/write-feedback";
import { usePageStateWrite } from "~/features/personal/components/page-state";
import { useTRPC } from "~/trpc/react";

// The notifications page after a write (issue 15: no page refresh): deleted items leave, "mark
// all read" drops the badges, from the answers; the header's bell comes from the page's personal
// request, asked again.

type Desk = { gone: ReadonlySet<string> | "all"; allRead: boolean; drop: (ids: string[] | "all") => void; readAll: () => void };
const Context = createContext<Desk | null>(null);

export function NotificationDesk({ children }: { children: ReactNode }) {
  const [gone, setGone] = useState<Desk["gone"]>(new Set());
  const [allRead, setAllRead] = useState(false);
  const drop = (ids: string[] | "all") => setGone((g) => (ids === "all" || g === "all" ? "all" : new Set([...g, ...ids])));
  return <Context.Provider value={{ gone, allRead, drop, readAll: () => setAllRead(true) }}>{children}</Context.Provider>;
}

const useDesk = () => useContext(Context);

/** One notification's card: gone once deleted, its "new" badge gone once read. */
export function NotificationItem({ id, read, children }: { id: string; read: boolean; children: ReactNode }) {
  const t = useTranslations("campaigns.notifications");
  const desk = useDesk();
  if (desk && (desk.gone === "all" || desk.gone.has(id))) return null;
  const isNew = !read && !desk?.allRead;
  return (
    <li>
      <Card className={`space-y-2 ${isNew ? "border-brand-700" : ""}`}>
        {isNew ? <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-sm font-bold text-white">{t("new")}</span> : null}
        {children}
      </Card>
    </li>
  );
}

/** "No notifications." once the list is empty, here from the start or after deleting. */
export function NotificationsEmpty({ total, ids }: { total: number; ids: string[] }) {
  const t = useTranslations("campaigns.notifications");
  const gone = useDesk()?.gone;
  const empty = total === 0 || gone === "all" || (gone !== undefined && ids.every((id) => gone.has(id)));
  return empty ? <p>{t("empty")}</p> : null;
}

export function DeleteNotification({ id, title }: { id: string; title: string }) {
  const t = useTranslations("campaigns.notifications");
  const desk = useDesk();
  const personal = usePageStateWrite();
  const trpc = useTRPC();
  const del = useMutation(
    trpc.notifications.delete.mutationOptions({
      onSuccess: () => {
        desk?.drop([id]);
        void personal.refetch();
      },
    }),
  );
  return (
    <Button variant="secondary" aria-label={t("deleteNamed", { title })} disabled={del.isPending} onClick={() => del.mutate({ ids: [id] })}>
      {t("delete")}
    </Button>
  );
}

export function NotificationBulkActions({ unread }: { unread: number }) {
  const t = useTranslations("campaigns.notifications");
  const message = useErrorText();
  const desk = useDesk();
  const personal = usePageStateWrite();
  const trpc = useTRPC();
  const bellOff = () => personal.update((s) => ({ ...s, unread: 0 }));
  const read = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: () => (desk?.readAll(), bellOff()) }));
  const del = useMutation(trpc.notifications.delete.mutationOptions({ onSuccess: () => (desk?.drop("all"), bellOff()) }));
  const error = read.error ?? del.error;
  if (desk?.gone === "all") return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {unread > 0 && !desk?.allRead ? (
          <Button variant="secondary" disabled={read.isPending} onClick={() => read.mutate()}>
            {t("markRead")}
          </Button>
        ) : null}
        <Button variant="secondary" disabled={del.isPending} onClick={() => del.mutate({ ids: "all" })}>
          {t("deleteAll")}
        </Button>
      </div>
      {error ? <Alert>{message(error)}</Alert> : null}
    </div>
  );
}
