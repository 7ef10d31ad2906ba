import { z } from "zod";
import { parseTrustedProxies } from "./lib/client-address.js";

// Validated once at build and at start (next.config.js imports this module), so a bad setting
// fails loudly instead of half-working. Every variable is optional: the embedded mode needs none.
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL (leave it unset for the embedded database)")
    .optional(),
  /** A read replica of DATABASE_URL for the cached anonymous renders and /api/v1 (src/server/db/replica-reads.js). */
  DATABASE_REPLICA_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be a postgres:// URL").optional(),
  DATA_DIR: z.string().default("data"),
  /** Where generated secrets live in embedded mode; never inside DATA_DIR (src/server/secret-files.js). */
  SECRETS_DIR: z.string().default(".secrets"),
  AUTH_SECRET: z.string().min(32).optional(),
  NULLIFIER_KEY: z.string().min(32).optional(),
  /** Seals staff TOTP secrets at rest; keep it outside the database and its backups. */
  TOTP_KEY: z.string().min(32).optional(),
  TOKEN_KEY: z.string().min(32).optional(),
  /** Seals workers' profiles on Account; keep it outside the database and its backups. */
  PROFILE_KEY: z.string().min(32).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  // Addresses or CIDR ranges of the reverse proxies in front (README "Deploying behind a proxy").
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: err instanceof Error ? err.message : String(err) });
      }
    }),
});

const parsed = schema.safeParse({
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  DATABASE_REPLICA_URL: process.env.DATABASE_REPLICA_URL || undefined,
  REDIS_URL: process.env.REDIS_URL || undefined,
});
if (!parsed.success) {
  console.error("Invalid environment:", z.flattenError(parsed.error).fieldErrors);
  throw new Error("Invalid environment variables");
}

export const env = parsed.data;
if (env.DATABASE_REPLICA_URL && !env.DATABASE_URL) throw new Error("DATABASE_REPLICA_URL is a replica of a PostgreSQL DATABASE_URL, which is not set");

/**
 * Secure cookies (and HSTS) are the production default whatever NEXTAUTH_URL says: behind a TLS
 * proxy the app itself is reached over http. SECURE_COOKIES=false is the opt-out for plain http
 * on a local machine or network; Chromium and Firefox already accept Secure cookies on
 * http://localhost, so `npm start` needs no opt-out there.
 */
export const secureTransport = env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : env.NODE_ENV === "production";
if (env.SECURE_COOKIES === "false" && env.NEXTAUTH_URL?.startsWith("https://")) {
  throw new Error("SECURE_COOKIES=false is for local http only, but NEXTAUTH_URL is https://");
}
