import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "~/components/ui";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="space-y-4">
      <PageTitle>{t("notFound")}</PageTitle>
      <Link href="/" className="font-medium text-blue-800 underline">
        {t("goHome")}
      </Link>
    </div>
  );
}
