/** The command table: one line per command, each implemented in its own file. */
import type { CliIo } from "./io.ts";
import { policiesBuild } from "./policies-build.ts";
import { profileCheck } from "./profile-check.ts";
import { start } from "./start.ts";
import { profileFieldsCommand } from "./profile-fields.ts";

export interface Command {
  name: string;
  summary: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

export const commands: Command[] = [profileCheck, profileFieldsCommand, policiesBuild, start];
