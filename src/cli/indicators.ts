// npm run -s indicators -- <workbooks or folders>... [--json] [--xlsx out.xlsx] [--previous prev.json]
// The entry point: a user's mistake gets one line and exit 1 (2 for usage); only a bug in this
// program gets more, and even then no stack trace unless WRES_DEBUG is set.
import { EXIT_BUG, run } from "./run";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // `... | head` closes the pipe early; that is not a failure.
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
    `Unexpected error: ${message}\nThis is a bug in the indicators command; please report it with the command you ran.\n`,
  );
  if (process.env.WRES_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
  process.exitCode = EXIT_BUG;
}
