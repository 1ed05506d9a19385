/** Runs `steward` in-process with a captured IO: the exit code and what a user would have seen. */
import { runCli } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/io.ts";

export interface CliRun {
  code: number;
  /** Each write to standard output / error, in order. */
  outLines: string[];
  errLines: string[];
  out: string;
  err: string;
}

/** An IO that records writes and answers reads of standard input with `stdin`. */
export function captureIo(stdin = ""): { io: CliIo; outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    io: {
      out: (t) => outLines.push(t),
      err: (t) => errLines.push(t),
      readStdin: () => Promise.resolve(stdin),
    },
    outLines,
    errLines,
  };
}

export async function runSteward(args: string[], stdin = ""): Promise<CliRun> {
  const { io, outLines, errLines } = captureIo(stdin);
  const code = await runCli(args, io);
  return { code, outLines, errLines, out: outLines.join("\n"), err: errLines.join("\n") };
}
