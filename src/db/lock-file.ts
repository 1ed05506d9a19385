/**
 * One process at a time per PGlite data directory: two embedded engines writing the same files
 * corrupt them, and PGlite does not check. The lock is a file holding the owner's pid; a lock
 * left by a process that no longer runs is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";

/** Lock files this process holds, so a recycled pid (pid 1 in containers) is not mistaken for us. */
const held = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock at `path` or throws naming the process that holds it. Returns the release function. */
export function acquireLockFile(path: string, what: string): () => void {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: "wx" });
      held.add(path);
      return () => {
        if (held.delete(path)) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = ownerOf(path);
    if (held.has(path)) throw new Error(`${what} is already open in this process`);
    if (owner !== null && owner !== process.pid && isRunning(owner)) {
      throw new Error(`${what} is in use by process ${owner}; stop it first (lock file ${path})`);
    }
    rmSync(path, { force: true });
  }
  throw new Error(`${what}: could not take the lock file ${path}`);
}
