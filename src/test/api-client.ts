import { readdirSync } from "node:fs";
import path from "node:path";

// Calls the /api/v1 route handlers as Next would route a GET to them, without a server: the
// path is matched against the route files' folders ([id] captures a segment).

const appDir = path.resolve(import.meta.dirname, "..", "app");
type Route = { segments: string[]; file: string };

export const apiRoutes: Route[] = readdirSync(path.join(appDir, "api", "v1"), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(`${path.sep}route.ts`) || f === "route.ts")
  .map((f) => {
    const file = path.join(appDir, "api", "v1", f);
    return { file, segments: ["api", "v1", ...path.relative(path.join(appDir, "api", "v1"), path.dirname(file)).split(path.sep).filter(Boolean)] };
  });

/** "/api/v1/submissions/{id}" for a route file, the OpenAPI way of writing it. */
export const templateOf = (r: Route) => `/${r.segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;

function match(pathname: string) {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const candidates = apiRoutes
    .map((r) => {
      if (r.segments.length !== parts.length) return null;
      const params: Record<string, string> = {};
      let dynamic = 0;
      for (const [i, seg] of r.segments.entries()) {
        const m = /^\[(.+)\]$/.exec(seg);
        if (m) {
          params[m[1]!] = parts[i]!;
          dynamic++;
        } else if (seg !== parts[i]) return null;
      }
      return { route: r, params, dynamic };
    })
    .filter((c) => c !== null)
    .sort((a, b) => a.dynamic - b.dynamic);
  return candidates[0] ?? null;
}

/** Tests read bodies loosely: the declared schemas are checked on their own (openapi test). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;
export type ApiResponse = { status: number; headers: Headers; text: string; json: () => Loose };

export async function callApi(url: string): Promise<ApiResponse> {
  const full = new URL(url, "http://open-data.test");
  const found = match(full.pathname);
  if (!found) return { status: 404, headers: new Headers(), text: "", json: () => null };
  const mod = (await import(/* @vite-ignore */ found.route.file)) as { GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response };
  const res = await mod.GET(new Request(full), { params: Promise.resolve(found.params) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}
