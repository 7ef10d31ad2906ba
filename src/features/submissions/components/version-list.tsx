import Link from "next/link";
import { useTranslations } from "next-intl";
import { day } from "~/features/campaigns/format";

type Version = { version: number; publishedOn: Date; changelog: string | null; digest: string };

/** Every published version, newest first, with its changelog and digest (server or client). */
export function VersionList({ submissionId, versions, current }: { submissionId: string; versions: Version[]; current?: number }) {
  const t = useTranslations("submissions.page");
  return (
    <ol className="space-y-3" data-testid="version-list">
      {versions.map((v) => (
        <li key={v.version} className="space-y-1 border-b border-stone-200 pb-2">
          <p className="font-semibold">
            {v.version === current ? (
              t("versionLine", { version: v.version, date: day(v.publishedOn) })
            ) : (
              <Link href={`/submissions/${submissionId}?v=${v.version}`} className="text-blue-800 underline">
                {t("versionLine", { version: v.version, date: day(v.publishedOn) })}
              </Link>
            )}
          </p>
          <p className="text-sm">{v.changelog ? t("changelog", { text: v.changelog }) : t("firstVersion")}</p>
          <p className="break-all font-mono text-xs text-stone-700">{v.digest}</p>
        </li>
      ))}
    </ol>
  );
}
