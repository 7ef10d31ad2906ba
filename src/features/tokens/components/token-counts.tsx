import { getTranslations } from "next-intl/server";
import { Card } from "~/components/ui";

type Counts = { suite: string; publicKey: string; issued: number | null; spent: number | null };

/** What a verified-only campaign publishes: tokens issued and spent, and the key to check ballots with. */
export async function TokenCounts({ counts }: { counts: Counts }) {
  const t = await getTranslations("campaigns.tokens");
  const n = (v: number | null) => (v === null ? t("fewer") : String(v));
  return (
    <Card>
      <p data-testid="token-counts">{t("published", { issued: n(counts.issued), spent: n(counts.spent) })}</p>
      <details className="mt-2 text-sm">
        <summary className="min-h-11 cursor-pointer content-center">{t("publicKey", { suite: counts.suite })}</summary>
        <code className="block break-all font-mono text-xs">{counts.publicKey}</code>
      </details>
    </Card>
  );
}
