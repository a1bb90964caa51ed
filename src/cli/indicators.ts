// npm run -s indicators -- <workbooks or folders>... [--json] [--xlsx out.xlsx] [--previous prev.json]
// The entry point: a user's mistake gets one line and exit 1 (2 for usage); only a bug in this
// program gets more, and even then no stack trace unless WRES_DEBUG is set.
import { runCommand } from "./entry";
import { EXIT_BUG, run } from "./run";

// Not awaited: the bundle is CommonJS, for start-up, and runCommand reports every error itself.
void runCommand(run, { command: "indicators", reportWith: "the command you ran", exitCode: EXIT_BUG });
