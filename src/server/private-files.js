import { chmodSync, existsSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";

// PRIVACY.md P3: a copy of the data directory must not be readable by other users of the
// machine. PGlite creates its files (WAL included) with mode 0666 minus the umask, so with the
// common umask 022 they were world-readable. Plain JavaScript: the start scripts, the Prisma CLI's
// adapter and the app all use it.

/** Every file and directory this process (and its children) creates: owner only. */
export function ownerOnlyUmask() {
  // Worker threads may not change the umask; the main thread's is theirs too.
  try {
    process.umask(0o077);
  } catch {
    /* not the main thread */
  }
}

/** Directories 0700, files 0600, under `dir` (an install made before this rule, or by hand). */
/** @param {string} dir */
export function lockDown(dir) {
  if (!existsSync(dir)) return;
  const walk = (/** @type {string} */ p) => {
    const s = lstatSync(p);
    if (s.isSymbolicLink()) return;
    if (s.isDirectory()) {
      if ((s.mode & 0o777) !== 0o700) chmodSync(p, 0o700);
      for (const name of readdirSync(p)) walk(path.join(p, name));
    } else if ((s.mode & 0o077) !== 0) chmodSync(p, s.mode & 0o700);
  };
  walk(dir);
}

/** For the start scripts: the umask first, then the existing data directory. */
export function privateDataDir(dataDir = process.env.DATA_DIR || "data") {
  ownerOnlyUmask();
  lockDown(path.resolve(dataDir));
}
