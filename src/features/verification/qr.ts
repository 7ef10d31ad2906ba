import "server-only";
import QRCode from "qrcode";

/** An invite link and its QR code as an SVG data URL, drawn on the server (CSP allows data: images). */
export async function inviteLink(code: string, baseUrl: string) {
  const link = `${baseUrl.replace(/\/$/, "")}/verify?code=${encodeURIComponent(code)}`;
  const svg = await QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { code, link, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
