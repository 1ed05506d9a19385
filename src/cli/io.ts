/** Where a command writes; tests pass their own to read what a user would see. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input (for passwords and piped files). */
  readStdin(): Promise<string>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

/** A usage or input error: printed as is, exit code 2 unless given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
