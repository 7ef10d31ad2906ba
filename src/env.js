import { z } from "zod";

// Validated once at build and at start (next.config.js imports this module), so a bad setting
// fails loudly instead of half-working. Every variable is optional: the embedded mode needs none.
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL (leave it unset for the embedded database)")
    .optional(),
  DATA_DIR: z.string().default("data"),
  /** Where generated secrets live in embedded mode; never inside DATA_DIR (src/server/secret-files.js). */
  SECRETS_DIR: z.string().default(".secrets"),
  AUTH_SECRET: z.string().min(32).optional(),
  NULLIFIER_KEY: z.string().min(32).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
});

const parsed = schema.safeParse({
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  REDIS_URL: process.env.REDIS_URL || undefined,
});
if (!parsed.success) {
  console.error("Invalid environment:", z.flattenError(parsed.error).fieldErrors);
  throw new Error("Invalid environment variables");
}

export const env = parsed.data;
