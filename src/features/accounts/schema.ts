import { z } from "zod";
import { CITIES, SECTORS } from "~/lib/taxonomy";

// Shared by forms and procedures. `.strict()` rejects extra fields such as `role` or `unionId`
// (PRIVACY.md P7): roles and memberships come only from the server's own records.

export const keySignInSchema = z.object({ key: z.string().trim().min(20).max(80) }).strict();

export const staffSignInSchema = z
  .object({
    username: z.string().trim().min(3).max(40),
    password: z.string().min(1).max(200),
    totp: z.string().trim().max(6).optional().default(""),
  })
  .strict();

export const profileSchema = z
  .object({
    sectors: z.array(z.enum(SECTORS)).max(SECTORS.length),
    platformSlugs: z.array(z.string().regex(/^[a-z0-9-]{2,40}$/)).max(12),
    city: z.enum(CITIES).nullable(),
  })
  .strict();

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9_.-]+$/, "USERNAME_FORMAT");

export const createStaffSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("ORGANISER"), username: usernameSchema, password: z.string().max(200), unionId: z.string().min(1) }).strict(),
  z.object({ role: z.literal("PLATFORM_REP"), username: usernameSchema, password: z.string().max(200), platformId: z.string().min(1) }).strict(),
  z.object({ role: z.literal("ADMIN"), username: usernameSchema, password: z.string().max(200) }).strict(),
]);
export type CreateStaffInput = z.infer<typeof createStaffSchema>;

const slug = z.string().trim().regex(/^[a-z0-9-]{2,40}$/);
const name = z.string().trim().min(1).max(80);

export const createPlatformSchema = z
  .object({ slug, nameZh: name, nameEn: name, sector: z.enum(SECTORS) })
  .strict();

export const createUnionSchema = z.object({ slug, nameZh: name, nameEn: name }).strict();

export const idSchema = z.object({ id: z.string().min(1).max(40) }).strict();

const hex = (min: number, max: number) => z.string().regex(new RegExp(`^[0-9a-f]{${min},${max}}$`));

// Exactly the fields createJoinChallenge signs: any other field would change the signed text anyway.
export const joinProofSchema = z
  .object({
    challenge: z
      .object({
        parameters: z
          .object({
            algorithm: z.literal("SHA-256"),
            cost: z.number().int().min(1).max(10),
            expiresAt: z.number().int().positive(),
            keyLength: z.number().int().min(16).max(64),
            keyPrefix: hex(2, 128),
            keySignature: hex(64, 128),
            nonce: hex(16, 64),
            salt: hex(16, 64),
          })
          .strict(),
        signature: hex(64, 128),
      })
      .strict(),
    solution: z
      .object({
        counter: z.number().int().min(0).max(0xffffffff),
        derivedKey: hex(2, 128),
        time: z.number().nonnegative().optional(),
      })
      .strict(),
  })
  .strict();
export type JoinProof = z.infer<typeof joinProofSchema>;
