import { getTranslations } from "next-intl/server";
import type { Group } from "~/features/petitions/breakdown";

/** Server-rendered bars: no chart library on a worker page. Groups arrive already k-suppressed. */
export async function BreakdownList({ title, groups, label }: { title: string; groups: Group[]; label: (value: string) => string }) {
  const t = await getTranslations("petitions.page");
  if (groups.length === 0) return null;
  const max = Math.max(...groups.map((g) => g.count));
  return (
    <div>
      <h3 className="font-semibold">{title}</h3>
      <ul className="mt-1 space-y-1">
        {groups.map((g) => (
          <li key={g.value} className="grid grid-cols-[7rem_1fr_auto] items-center gap-2 text-sm">
            <span className="truncate">{g.value ? label(g.value) : t("notStated")}</span>
            <span aria-hidden="true" className="h-3 rounded bg-brand-700" style={{ width: `${Math.max(4, (g.count / max) * 100)}%` }} />
            <span className="tabular-nums">{g.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
