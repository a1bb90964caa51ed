// npm run -s import-plan -- <plan.xlsx|plan.docx> [--json] [--year 2024/25]
// Prints what the tab's import preview would write, and writes nothing: a readable outline, or
// with --json the plan as JSON (year, objectives with actions, every row's role, warnings).
// An unreadable file is one line on standard error and exit 1; usage mistakes exit 2.
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { parsePlanGrid, planJson, planOutline, readPlanFile } from "../plan/import";
import { WorkbookError } from "../workbook";

export const EXIT_OK = 0;
export const EXIT_UNREADABLE = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

const USAGE = "Usage: npm run -s import-plan -- <plan.xlsx|plan.docx> [--json] [--year 2024/25]";

export async function runImportPlan(args: string[], io: CliIo): Promise<number> {
  let json = false;
  let year: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--json") json = true;
    else if (arg === "--year") {
      year = args[++i];
      if (!year || !/^\d{4}\/\d{2}$/.test(year)) {
        io.err(`--year needs a plan year such as 2024/25. ${USAGE}`);
        return EXIT_USAGE;
      }
    } else if (arg === "--help" || arg === "-h") {
      io.out(USAGE);
      return EXIT_OK;
    } else if (arg.startsWith("-")) {
      io.err(`Unknown option ${arg}. ${USAGE}`);
      return EXIT_USAGE;
    } else files.push(arg);
  }
  if (files.length !== 1) {
    io.err(files.length === 0 ? `No plan file given. ${USAGE}` : `One plan file at a time. ${USAGE}`);
    return EXIT_USAGE;
  }
  const path = resolve(io.cwd, files[0] as string);
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === "ENOENT"
        ? `${name}: no such file.`
        : code === "EISDIR"
          ? `${name} is a folder, not a plan file.`
          : `${name} could not be read (${code ?? "error"}).`,
    );
    return EXIT_UNREADABLE;
  }
  let result;
  try {
    const source = readPlanFile({ name, bytes });
    result = parsePlanGrid(source.sheets, {
      fileName: name,
      documentText: source.documentText,
      ...(year ? { planYear: year } : {}),
    });
  } catch (error) {
    if (error instanceof WorkbookError) {
      io.err(error.message);
      return EXIT_UNREADABLE;
    }
    throw error;
  }
  if (result.objectives.length === 0) {
    const first = result.issues.find((i) => i.severity === "error");
    io.err(
      first?.code === "tooManyRows"
        ? `${name}: sheet "${first.sheet}" has ${first.value} rows, more than any plan; nothing to import.`
        : `${name}: no plan was recognised (no table with an action column and its actions).`,
    );
    if (json) io.out(JSON.stringify(planJson(result), null, 2));
    return EXIT_UNREADABLE;
  }
  io.out(json ? JSON.stringify(planJson(result), null, 2) : planOutline(result, name));
  return EXIT_OK;
}
