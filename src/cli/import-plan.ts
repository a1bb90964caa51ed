// npm run -s import-plan -- <plan.xlsx|plan.docx> [--json]: see import-plan-run.ts.
import { runImportPlan } from "./import-plan-run";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

try {
  process.exitCode = await runImportPlan(process.argv.slice(2), {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd(),
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `Unexpected error: ${message}\nThis is a bug in the import-plan command; please report it with the file's layout.\n`,
  );
  if (process.env.WRES_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
  process.exitCode = 3;
}
