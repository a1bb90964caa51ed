// What every command-line entry point does around its run function: write to the process's own
// streams, take an early-closed pipe (`... | head`) as success, and turn a bug in the program into
// one line and the command's own exit code (the stack trace only when WRES_DEBUG is set).

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export interface CommandBug {
  /** The command's name, as people type it after `npm run -s`. */
  command: string;
  /** What to send with a bug report, e.g. "the command you ran". */
  reportWith: string;
  exitCode: number;
}

export async function runCommand(
  run: (argv: string[], io: CommandIo) => Promise<number>,
  bug: CommandBug,
): Promise<void> {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
  });
  try {
    process.exitCode = await run(process.argv.slice(2), {
      out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
      cwd: process.cwd(),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `Unexpected error: ${message}\nThis is a bug in the ${bug.command} command; please report it with ${bug.reportWith}.\n`,
    );
    if (process.env.WRES_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    process.exitCode = bug.exitCode;
  }
}
