/** Locates files shipped with Steward (content/, examples/) from source (tsx) and from the bundle (dist/). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | null = null;

/** The directory holding Steward's package.json. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "steward"
    ) {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error("Steward's package root was not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const contentDir = (...parts: string[]) => join(packageRoot(), "content", ...parts);
