import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Card, PageTitle } from "~/components/ui";
import { submissionDocument } from "~/features/submissions/document";
import { DocumentView } from "~/features/submissions/components/document-view";
import { VersionList } from "~/features/submissions/components/version-list";
import { api } from "~/trpc/server";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ v?: string }> };

async function load(id: string, v: string | undefined) {
  const version = v && /^\d{1,5}$/.test(v) ? Number(v) : undefined;
  const row = await (await api()).submissions.get({ submissionId: id, version }).catch(() => null);
  // The stored canonical text is what was published; it is rendered, never recompiled.
  return row ? { ...row, doc: submissionDocument.parse(JSON.parse(row.document)) } : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const row = await load((await params).id, (await searchParams).v);
  return { title: row?.doc.campaign.title ?? (await getTranslations("submissions.list"))("title") };
}

export default async function SubmissionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const row = await load(id, (await searchParams).v);
  if (!row) notFound();
  const [t, locale, platforms] = await Promise.all([getTranslations("submissions.page"), getLocale(), (await api()).accounts.platforms()]);
  const platformNames = Object.fromEntries(platforms.map((p) => [p.slug, locale === "en" ? p.nameEn : p.nameZh]));
  const { doc, version, digest, submission } = row;
  const base = `/submissions/${id}/versions/${version}`;

  return (
    <div className="space-y-4">
      <p>
        <Link href="/submissions" className="font-medium text-blue-800 underline">
          {t("back")}
        </Link>
      </p>
      <PageTitle>{doc.campaign.title}</PageTitle>
      <p className="font-medium">{t("version", { version, latest: submission.currentVersion })}</p>
      {version < submission.currentVersion ? (
        <Alert tone="warning">
          {t("olderVersion", { version })}{" "}
          <Link href={`/submissions/${id}`} className="font-medium underline">
            {t("latest")}
          </Link>
        </Alert>
      ) : null}
      {doc.submission.changelog ? <p className="text-sm">{t("changelog", { text: doc.submission.changelog })}</p> : null}

      <Card className="space-y-2">
        <h2 className="text-lg font-bold">{t("digest")}</h2>
        <p className="break-all font-mono text-sm" data-testid="submission-digest">
          {digest}
        </p>
        {doc.submission.previousDigest ? <p className="break-all text-xs text-stone-700">{t("previousDigest", { digest: doc.submission.previousDigest })}</p> : null}
        <p className="text-sm text-stone-700">{t("digestHelp")}</p>
      </Card>

      <Card className="space-y-2">
        <h2 className="text-lg font-bold">{t("exports")}</h2>
        <ul className="space-y-2">
          <li>
            <a href={`${base}/submission.json`} className="font-medium text-blue-800 underline" data-testid="export-json">
              {t("json")}
            </a>
          </li>
          <li>
            <a href={`${base}/demands.csv`} className="font-medium text-blue-800 underline">
              {t("csv")}
            </a>
          </li>
          <li>
            <a href={`${base}/submission.pdf`} className="font-medium text-blue-800 underline">
              {t("pdf")}
            </a>
          </li>
        </ul>
      </Card>

      <Card className="space-y-1">
        <h2 className="text-lg font-bold">{t("answers")}</h2>
        <Link href={`/submissions/${id}/answers`} className="font-medium text-blue-800 underline">
          {t("answersLink")}
        </Link>
      </Card>

      <DocumentView doc={doc} platformNames={platformNames} />

      <Card>
        <h2 className="mb-2 text-lg font-bold">{t("versions")}</h2>
        <VersionList submissionId={id} versions={submission.versions} current={version} />
      </Card>
    </div>
  );
}
