/**
 * Original text only: the shared copy checker must find no 10-word run of the seed documents in
 * anything the project ships. Local scratch output (tmp/, ignored by git) is not shipped.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { packageRoot } from "../src/paths.ts";

const checker = join(packageRoot(), "..", "shared", "tools", "copycheck.py");

it(
  "no file of the project repeats the seed documents word for word",
  { skip: existsSync(checker) ? false : `${checker} is not beside the project` },
  () => {
    const output = execFileSync("python3", [checker, packageRoot()], { encoding: "utf8" });
    const findings = output.split("\n").filter((line) => /^\s+\S/.test(line) && !/^\s+tmp\//.test(line));
    assert.deepEqual(findings, []);
  },
);
