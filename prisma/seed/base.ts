import { db } from "~/server/db";
import { sealProfile } from "~/features/accounts/profile-seal";
import { createPlatform, createStaffAccount, createUnion } from "~/features/accounts/mutations";
import { hashSecret, parseAccountKey, randomToken } from "~/features/accounts/credentials";
import { assignModeration } from "~/features/moderation/mutations";
import { OTHER_SCOPE } from "~/features/moderation/policy";
import { sealTotpSecret } from "~/features/accounts/totp-seal";
import { makePseudonym } from "~/features/accounts/pseudonym";
import { CITIES } from "~/lib/taxonomy";
import type { Sector } from "~/server/db/generated/enums";
import { DEMO } from "./demo-credentials";

export const PLATFORMS = [
  { slug: "flasheats", nameZh: "闪电外卖", nameEn: "FlashEats", sector: "FOOD_DELIVERY" },
  { slug: "swiftparcel", nameZh: "速达快递", nameEn: "SwiftParcel", sector: "COURIER" },
  { slug: "ridealong", nameZh: "顺路出行", nameEn: "RideAlong", sector: "RIDE_HAILING" },
  { slug: "starlive", nameZh: "星光直播", nameEn: "StarLive", sector: "LIVE_STREAMING" },
] as const satisfies readonly { slug: string; nameZh: string; nameEn: string; sector: Sector }[];

export type SeedContext = { unionId: string; platformIds: Record<(typeof PLATFORMS)[number]["slug"], string>; workerCount: number };

/** Deterministic-enough random for demo data, so two seeds look alike. */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedBase(workers = 300): Promise<SeedContext> {
  const platformIds = {} as SeedContext["platformIds"];
  for (const p of PLATFORMS) platformIds[p.slug] = (await createPlatform(p)).id;
  const union = await createUnion({
    slug: "demo-branch",
    nameZh: "新就业形态劳动者工会（示范分会）",
    nameEn: "New Forms of Employment Workers' Union (Demo Branch)",
  });

  // The demo union moderates every demo platform and petitions to parties outside the portal,
  // so the demo organiser's queues are not empty (PRIVACY.md P7: only the assigned union does).
  for (const platformId of Object.values(platformIds)) await assignModeration({ scope: platformId, unionId: union.id });
  await assignModeration({ scope: OTHER_SCOPE, unionId: union.id });

  await createStaffAccount({ role: "ADMIN", username: DEMO.admin.username, password: DEMO.admin.password });
  await createStaffAccount({ role: "ORGANISER", username: DEMO.organiser.username, password: DEMO.organiser.password, unionId: union.id });
  for (const [slug, rep] of Object.entries(DEMO.reps)) {
    await createStaffAccount({ role: "PLATFORM_REP", username: rep.username, password: rep.password, platformId: platformIds[slug as keyof typeof DEMO.reps] });
  }
  // Fixed TOTP secrets for the demo staff, so the printed credentials work; sealed like any other.
  await db.account.update({ where: { username: DEMO.admin.username }, data: { totpSecret: sealTotpSecret(DEMO.admin.totpSecret) } });
  for (const rep of Object.values(DEMO.reps)) {
    await db.account.update({ where: { username: rep.username }, data: { totpSecret: sealTotpSecret(rep.totpSecret) } });
  }

  const demoKey = parseAccountKey(DEMO.worker.key)!;
  await db.account.create({
    data: { role: "WORKER", pseudonym: "Rider-DEMO01", keyLookup: demoKey.lookup, secretHash: await hashSecret(demoKey.secret), profileSealed: sealProfile({ sectors: ["FOOD_DELIVERY"], platformSlugs: ["flasheats"], city: "shenzhen" }) },
  });

  // The crowd: accounts whose keys nobody knows (one throwaway hash shared, since hashing
  // hundreds of keys would only slow the first start down).
  const rand = seededRandom(42);
  const throwaway = await hashSecret(randomToken(26));
  const rows = Array.from({ length: workers }, () => {
    const platform = PLATFORMS[Math.floor(rand() * PLATFORMS.length)]!;
    return {
      role: "WORKER" as const,
      pseudonym: makePseudonym(platform.sector),
      keyLookup: randomToken(10),
      secretHash: throwaway,
      profileSealed: sealProfile({ sectors: [platform.sector], platformSlugs: [platform.slug], city: CITIES[Math.floor(rand() * 6)]! }),
    };
  });
  await db.account.createMany({ data: rows, skipDuplicates: true });
  return { unionId: union.id, platformIds, workerCount: workers + 1 };
}
