import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, hotQuery } from "~/server/db";
import { createDriver } from "~/server/db/adapter-factory";
import { PrismaClient } from "~/server/db/generated/client";
import { withReplicaReads } from "~/server/db/replica-reads";

// Issue 15, read replicas: with DATABASE_REPLICA_URL set, what runs inside withReplicaReads (the
// page cache's anonymous renders and /api/v1, src/scripts/serve.mjs) reads the replica and
// everything else the primary. The "replica" here is a second URL to the same database that
// names itself in application_name, which is enough to see where each query went.
const g = globalThis as unknown as { wvReplica?: { db: PrismaClient; pool: unknown } | null };
const SQL = "SELECT current_setting('application_name') AS name";
const viaDb = async () => (await db.$queryRawUnsafe<{ name: string }[]>(SQL))[0]!.name;
const viaHot = async () => (await hotQuery<{ name: string }>(SQL, []))[0]!.name;

describe.skipIf(!process.env.TEST_DATABASE_URL)("reads on a replica (PostgreSQL)", () => {
  beforeAll(() => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set("application_name", "wv_replica");
    const { adapter, pool } = createDriver(url.toString(), { poolSize: 2 });
    g.wvReplica = { db: new PrismaClient({ adapter }), pool };
  });
  afterAll(async () => {
    await g.wvReplica?.db.$disconnect();
    g.wvReplica = undefined;
  });

  it("go to the replica inside withReplicaReads, Prisma's queries and the hot statements alike, through awaits and timers", async () => {
    expect(await withReplicaReads(viaDb)).toBe("wv_replica");
    expect(await withReplicaReads(viaHot)).toBe("wv_replica");
    expect(await withReplicaReads(async () => (await new Promise((r) => setTimeout(r, 5)), viaDb()))).toBe("wv_replica");
    expect(await withReplicaReads(() => db.$transaction((tx) => tx.$queryRawUnsafe<{ name: string }[]>(SQL)))).toEqual([{ name: "wv_replica" }]);
    expect(await withReplicaReads(() => db.account.count())).toBe(await db.account.count());
  });

  it("go to the primary everywhere else, also while a replica read is in flight", async () => {
    const [inside, outside, hot] = await Promise.all([withReplicaReads(viaDb), viaDb(), viaHot()]);
    expect(inside).toBe("wv_replica");
    expect(outside).not.toBe("wv_replica");
    expect(hot).not.toBe("wv_replica");
  });
});

describe("without a replica", () => {
  let before: typeof g.wvReplica;
  beforeAll(() => {
    before = g.wvReplica;
    g.wvReplica = null;
  });
  afterAll(() => {
    g.wvReplica = before;
  });

  it("reads inside withReplicaReads from the one database", async () => {
    expect(await withReplicaReads(() => db.account.count())).toBe(await db.account.count());
    expect(await withReplicaReads(viaHot)).toBe(await viaHot());
  });
});
