import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "~/components/ui";

export async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <div className="space-y-4">
      <Alert>{t("forbidden")}</Alert>
      <Link href="/" className="font-medium text-blue-800 underline">
        {t("goHome")}
      </Link>
    </div>
  );
}
