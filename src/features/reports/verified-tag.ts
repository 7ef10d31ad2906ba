import "server-only";
import { createHmac } from "node:crypto";
import { secrets } from "~/server/secrets";

// What a report stores instead of a verified flag (PRIVACY.md P3, P6): one keyed tag of the
// report's nullifier when its author was verified in person at filing, another otherwise. Both
// are 22 base64url characters, so only the server's key tells them apart; it does so once per
// report, when the report's quarter is sealed into the lattice (SealedCell.verified, rounded
// like every count). Both are deterministic: a random tag for the unverified would change at
// every refiling while a verified one stays, and two dumps would tell them apart.

const tagOf = (context: string, reportNullifier: string) =>
  createHmac("sha256", secrets.nullifierKey).update(`${context}\u0000${reportNullifier}`).digest("base64url").slice(0, 22);

export const reportVerifiedTag = (reportNullifier: string) => tagOf("report-verified", reportNullifier);
export const unverifiedReportTag = (reportNullifier: string) => tagOf("report-unverified", reportNullifier);

/** Whether a stored tag says verified (null: filed before tags existed, so not verified). */
export const isVerifiedReport = (reportNullifier: string, tag: string | null) => tag !== null && tag === reportVerifiedTag(reportNullifier);
