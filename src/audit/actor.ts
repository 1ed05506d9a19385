/** Who made a change. Every event has one: a command without an actor fails (STYLE.md rule 5). */
import { z } from "zod";
import { Id } from "./events/define.ts";

export const ActorSchema = z.strictObject({
  /** `user` for a signed-in person, `cli` for a command run on the server, `system` for jobs. */
  type: z.enum(["user", "system", "cli"]),
  /** The user id, the operator's name for CLI runs, or the job's name (`system:retention`). */
  id: Id,
});

export type Actor = z.output<typeof ActorSchema>;
