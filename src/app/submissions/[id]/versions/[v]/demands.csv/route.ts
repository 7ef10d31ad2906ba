import { demandsCsv, type CsvLang } from "~/features/submissions/csv";
import { exportHeaders, loadExport, notFound, notModified, type VersionParams } from "~/features/submissions/exports";

/** The ranked demand table for spreadsheets; `?lang=en` or `?lang=zh-CN` for one language of headers. */
export async function GET(request: Request, ctx: VersionParams) {
  const e = await loadExport(ctx);
  if (!e) return notFound();
  const asked = new URL(request.url).searchParams.get("lang");
  const lang: CsvLang = asked === "en" ? "en" : asked === "zh-CN" || asked === "zh" ? "zh-CN" : "both";
  const headers = exportHeaders(e, "text/csv; charset=utf-8", "csv", `-${lang}`);
  return notModified(request, headers) ?? new Response(demandsCsv(e.doc, lang), { headers });
}
