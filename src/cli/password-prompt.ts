/**
 * Reading a password for a command: the first line of standard input when it is piped (scripts,
 * tests), otherwise a prompt on the terminal that does not echo what is typed.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { CliError, processIo, type CliIo } from "./io.ts";

async function promptHidden(question: string): Promise<string> {
  process.stderr.write(question);
  // Output goes nowhere, so the terminal shows nothing while the password is typed.
  const muted = new Writable({
    write: (_chunk, _encoding, done) => {
      done();
    },
  });
  const reader = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      reader.question("", resolve);
    });
  } finally {
    reader.close();
    process.stderr.write("\n");
  }
}

/** The password, from a prompt (asked twice) on a terminal or from the first line of piped input. */
export async function readPassword(io: CliIo, what: string): Promise<string> {
  if (io === processIo && process.stdin.isTTY) {
    const first = await promptHidden(`${what}: `);
    const second = await promptHidden(`${what} again: `);
    if (first !== second) throw new CliError("the two passwords differ; run the command again");
    return first;
  }
  const line = (await io.readStdin()).split(/\r?\n/)[0] ?? "";
  if (line === "") throw new CliError("no password on standard input (expected it on the first line)");
  return line;
}
