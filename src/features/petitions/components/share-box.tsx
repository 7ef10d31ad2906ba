import { getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { CopyLink } from "~/features/petitions/components/copy-link";

/**
 * Short link and its QR code. The code is an SVG image drawn by this server
 * (/p/<code>/qr.svg): nothing is fetched from a third party, and it stays out of the page.
 */
export async function ShareBox({ origin, shortCode }: { origin: string; shortCode: string }) {
  const t = await getTranslations("petitions.page");
  const url = `${origin}/p/${shortCode}`;
  return (
    <div className="space-y-3">
      <p>
        <span className="font-medium">{t("shortLink")}: </span>
        <a href={url} className="break-all font-mono text-blue-800 underline" data-testid="short-link">
          {url}
        </a>
      </p>
      <Messages ns={["petitions"]}>
        <CopyLink url={url} />
      </Messages>
      <figure className="mx-auto w-48">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from this server; next/image would add nothing */}
        <img src={`/p/${shortCode}/qr.svg`} alt={t("qr")} width={192} height={192} className="h-auto w-full" data-testid="qr" />
      </figure>
    </div>
  );
}
