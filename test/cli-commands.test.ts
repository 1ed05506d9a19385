/** The command table (names and summaries shown by --help) matches each command's own file. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { commands } from "../src/cli/commands.ts";

it("every command entry loads the command it names", async () => {
  for (const entry of commands) {
    const command = await entry.load();
    assert.equal(command.name, entry.name);
    assert.equal(command.summary, entry.summary);
  }
});
