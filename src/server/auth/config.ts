import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "~/lib/app-error";
import { keySignInSchema, staffSignInSchema } from "~/features/accounts/schema";
import { openSession, revokeSession, SESSION_DAYS, signInStaff, signInWithKey } from "~/features/accounts/mutations";
import { addressKeyOf, consume } from "~/server/rate-limit";
import { secrets } from "~/server/secrets";
import { useSecureCookies } from "~/server/auth/cookies";


type HeaderBag = Record<string, string | string[] | undefined> | undefined;

/** 10 attempts a minute per address, and per staff username whatever the address. */
async function limitSignIn(headers: HeaderBag, username?: string) {
  await consume("signIn", addressKeyOf(headers ?? {}), username ? `user:${username.toLowerCase()}` : null);
}

// Errors thrown from authorize() reach the client as `error=<AppError code>`, which the sign-in
// forms translate. Anything unexpected becomes INTERNAL so no detail leaks.
function codeOf(err: unknown): string {
  return err instanceof AppError ? err.code : "INTERNAL";
}

export const authOptions: AuthOptions = {
  secret: secrets.authSecret,
  useSecureCookies,
  session: { strategy: "jwt", maxAge: SESSION_DAYS * 86_400 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "worker-key",
      name: "Account key",
      credentials: { key: { type: "password" } },
      async authorize(credentials, req) {
        try {
          await limitSignIn(req?.headers as HeaderBag);
          const { key } = keySignInSchema.parse({ key: credentials?.key ?? "" });
          const signedIn = await signInWithKey(key);
          return { id: signedIn.accountId, role: signedIn.role };
        } catch (err) {
          throw new Error(err instanceof Error && err.name === "ZodError" ? "INVALID_KEY" : codeOf(err));
        }
      },
    }),
    CredentialsProvider({
      id: "staff",
      name: "Staff",
      credentials: { username: { type: "text" }, password: { type: "password" }, totp: { type: "text" } },
      async authorize(credentials, req) {
        try {
          await limitSignIn(req?.headers as HeaderBag, String(credentials?.username ?? "").slice(0, 40));
          const input = staffSignInSchema.parse({
            username: credentials?.username ?? "",
            password: credentials?.password ?? "",
            totp: credentials?.totp ?? "",
          });
          const signedIn = await signInStaff(input);
          return { id: signedIn.accountId, role: signedIn.role };
        } catch (err) {
          throw new Error(err instanceof Error && err.name === "ZodError" ? "INVALID_CREDENTIALS" : codeOf(err));
        }
      },
    }),
  ],
  callbacks: {
    // The token carries only the server-side session id and the role: no name, email or picture.
    async jwt({ token, user }) {
      if (user) {
        const session = await openSession(user.id);
        return { sid: session.id, role: (user as { role?: string }).role };
      }
      return { sid: token.sid, role: token.role };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { role: token.role as string } } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};
