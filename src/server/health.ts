import "server-only";
import { db } from "~/server/db";

export async function checkDatabase() {
  await db.$queryRaw`SELECT 1`;
}
