import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { Messages } from "~/components/messages";
import { CopyLink } from "~/features/petitions/components/copy-link";

// A short link's QR code never changes: keep the rendered SVG (a few ms each) for busy pages.
const qrCache = new Map<string, string>();

async function qrSvg(url: string) {
  const cached = qrCache.get(url);
  if (cached) return cached;
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#1c1917", light: "#ffffff" } });
  if (qrCache.size >= 1000) qrCache.delete(qrCache.keys().next().value!);
  qrCache.set(url, svg);
  return svg;
}

/** Short link and a server-rendered SVG QR code: nothing is fetched from a third party. */
export async function ShareBox({ url }: { url: string }) {
  const t = await getTranslations("petitions.page");
  const svg = await qrSvg(url);
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
        <div role="img" aria-label={t("qr")} className="[&>svg]:h-auto [&>svg]:w-full" data-testid="qr" dangerouslySetInnerHTML={{ __html: svg }} />
      </figure>
    </div>
  );
}
