import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ZodType } from "zod";
import { encode } from "next-auth/jwt";
import type { SessionAccount } from "~/features/accounts/data";
import { sessionCookieName } from "~/server/auth/cookies";
import { secrets } from "~/server/secrets";

// Route handlers called with real Request objects, as Next calls them, for the HTTP fuzzers.

type Handler = ((req: Request) => Promise<Response>) & { roles?: readonly string[]; input?: ZodType };
const apiDir = path.resolve(import.meta.dirname, "../../app/api");

/** Every POST handler under src/app/api made with writeRoute (discovered, not listed). */
export async function writeRoutes(): Promise<[string, Handler][]> {
  const files = readdirSync(apiDir, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith("route.ts") && readFileSync(path.join(apiDir, f), "utf8").includes("writeRoute("),
  );
  const out: [string, Handler][] = [];
  for (const f of files) {
    const mod = (await import(/* @vite-ignore */ path.join(apiDir, f))) as { POST: Handler };
    out.push([path.dirname(f), mod.POST]);
  }
  return out;
}

export async function cookieFor(account: SessionAccount | null) {
  if (!account) return "";
  const token = await encode({ token: { sid: account.sessionId, role: account.role }, secret: secrets.authSecret });
  return `${sessionCookieName}=${token}`;
}

export async function postRaw(handler: (req: Request) => Promise<Response>, url: string, body: string, cookie: string) {
  const req = new Request(`http://localhost:3000${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "localhost:3000", cookie, "x-forwarded-for": "203.0.113.9" },
    body,
  });
  const res = await handler(req);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // A non-JSON answer is reported by the caller through its status.
  }
  return { status: res.status, json };
}

/** The translated code in a write route's or tRPC's error answer (tRPC answers a batch as an array). */
export function appCodeOf(json: unknown): string | null {
  const one = Array.isArray(json) ? json[0] : json;
  const e = (one as { error?: { appCode?: string; json?: { data?: { appCode?: string } } } } | null)?.error;
  return e?.appCode ?? e?.json?.data?.appCode ?? null;
}
