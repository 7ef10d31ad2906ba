"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, inputStyles } from "~/components/ui";
import { useTRPC } from "~/trpc/react";
import { useAdminFeedback } from "~/features/admin/components/use-admin-mutation";

type Row = { scope: string; label: string; unionId: string | null };
type Option = { id: string; name: string };

/** One select per platform (and one for parties outside the portal): the union that moderates it. */
export function ModerationAssignments({ rows, unions }: { rows: Row[]; unions: Option[] }) {
  const t = useTranslations("admin.moderation");
  const feedback = useAdminFeedback();
  const trpc = useTRPC();
  const assign = useMutation(trpc.admin.assignModeration.mutationOptions({ onSuccess: feedback.onSuccess }));
  const missing = rows.filter((r) => !r.unionId);
  return (
    <div className="space-y-3">
      <p className="text-stone-700">{t("explain")}</p>
      {missing.length > 0 ? (
        <Alert tone="warning">
          <span data-testid="moderation-missing">{t("missing", { list: missing.map((r) => r.label).join(", ") })}</span>
        </Alert>
      ) : null}
      <ul className="space-y-2" data-testid="moderation-assignments">
        {rows.map((row) => (
          <li key={row.scope} className="space-y-1">
            <label htmlFor={`moderation-${row.scope}`} className="block font-medium text-stone-900">
              {row.label}
            </label>
            <select
              id={`moderation-${row.scope}`}
              value={row.unionId ?? ""}
              disabled={assign.isPending}
              onChange={(e) => assign.mutate({ scope: row.scope, unionId: e.target.value || null })}
              className={inputStyles}
            >
              <option value="">{t("none")}</option>
              {unions.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      {assign.error ? <Alert>{feedback.message(assign.error)}</Alert> : null}
    </div>
  );
}
