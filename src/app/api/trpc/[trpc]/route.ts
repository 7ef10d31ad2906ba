import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { createContext } from "~/server/api/trpc";
import { accountFromHeaders } from "~/server/auth/session";
import { MAX_BODY, readLimitedBody } from "~/server/http";

async function handler(req: Request) {
  let request = req;
  if (req.method === "POST") {
    const body = await readLimitedBody(req, MAX_BODY);
    if (body === null) {
      return Response.json(
        [{ error: { json: { message: "PAYLOAD_TOO_LARGE", code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, appCode: "PAYLOAD_TOO_LARGE" } } } }],
        { status: 413 },
      );
    }
    request = new Request(req.url, { method: "POST", headers: req.headers, body });
  }
  const account = await accountFromHeaders(req.headers);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers, account }),
  });
}

export { handler as GET, handler as POST };
