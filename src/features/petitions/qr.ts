import "server-only";
import QRCode from "qrcode";

// A short link's QR code never changes: keep the rendered SVG (a few ms each) for busy petitions.
const cache = new Map<string, string>();

/** The QR code of a short link, as SVG, drawn here: nothing is fetched from a third party. */
export async function qrSvg(url: string) {
  const cached = cache.get(url);
  if (cached) return cached;
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#1c1917", light: "#ffffff" } });
  if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
  cache.set(url, svg);
  return svg;
}
