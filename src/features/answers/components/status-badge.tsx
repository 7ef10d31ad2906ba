import { useTranslations } from "next-intl";

const TONE: Record<string, string> = {
  ACCEPTED: "bg-green-800 text-white",
  PARTLY_ACCEPTED: "bg-teal-800 text-white",
  NEGOTIATING: "bg-amber-200 text-amber-950",
  REJECTED: "bg-stone-700 text-white",
};

/** An answer's status, coloured (server or client). */
export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("answers.status");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-bold ${TONE[status] ?? ""}`}>{t(status as "ACCEPTED")}</span>;
}
