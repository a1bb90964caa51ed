// Prints the mutation score of each folder of the functional core from Stryker's JSON reports
// (reports/mutation/<folder>.json, written by `npm run mutation`). `--files` adds a row per file.
// Score = detected / (detected + survived + no coverage), as Stryker counts it: mutants that do not compile
// (caught by the TypeScript checker) or are ignored do not count either way.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export const FOLDERS = ["indicators", "plan", "workbook"] as const;
export type Folder = (typeof FOLDERS)[number];

interface MutantResult {
  status: "Killed" | "Survived" | "NoCoverage" | "Timeout" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";
}
interface Report {
  files: Record<string, { mutants: MutantResult[] }>;
  performance?: { setup: number; initialRun: number; mutation: number };
}

export interface Tally {
  name: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  invalid: number;
}

export function tally(name: string, mutants: readonly MutantResult[]): Tally {
  const t: Tally = { name, killed: 0, timeout: 0, survived: 0, noCoverage: 0, invalid: 0 };
  for (const m of mutants) {
    if (m.status === "Killed") t.killed++;
    else if (m.status === "Timeout") t.timeout++;
    else if (m.status === "Survived") t.survived++;
    else if (m.status === "NoCoverage") t.noCoverage++;
    else t.invalid++;
  }
  return t;
}

export function score(t: Tally): number | null {
  const valid = t.killed + t.timeout + t.survived + t.noCoverage;
  return valid === 0 ? null : (100 * (t.killed + t.timeout)) / valid;
}

function row(t: Tally, seconds: number | null): string {
  const s = score(t);
  const cells = [
    t.name.padEnd(40),
    (s === null ? "n/a" : `${s.toFixed(2)}%`).padStart(8),
    ...[t.killed, t.timeout, t.survived, t.noCoverage, t.invalid].map((n) => String(n).padStart(8)),
  ];
  if (seconds !== null) cells.push(`${Math.round(seconds)} s`.padStart(9));
  return cells.join(" ");
}

export function printScores(reportDir: string, withFiles: boolean): void {
  console.log(
    [
      "folder".padEnd(40),
      "score".padStart(8),
      ...["killed", "timeout", "survived", "no cov.", "errors"].map((h) => h.padStart(8)),
      "run time".padStart(9),
    ].join(" "),
  );
  for (const folder of FOLDERS) {
    const path = resolve(reportDir, `${folder}.json`);
    if (!existsSync(path)) {
      console.log(`${`src/${folder}`.padEnd(40)}      not run (npm run mutation -- ${folder})`);
      continue;
    }
    const report = JSON.parse(readFileSync(path, "utf8")) as Report;
    const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
    const seconds = report.performance
      ? (report.performance.setup + report.performance.initialRun + report.performance.mutation) / 1000
      : null;
    console.log(
      row(
        tally(
          `src/${folder}`,
          files.flatMap(([, f]) => f.mutants),
        ),
        seconds,
      ),
    );
    // Subfolders (src/plan/import) get their own row: they are a module of their own. With --files, each
    // file's row comes under its own folder's row, the folder's own files first.
    const dirOf = (name: string) => name.split("/").slice(0, -1).join("/");
    const printFiles = (dir: string) => {
      if (withFiles)
        for (const [name, f] of files.filter(([n]) => dirOf(n) === dir))
          console.log(row(tally(`    ${name}`, f.mutants), null));
    };
    printFiles(`src/${folder}`);
    const subfolders = [...new Set(files.map(([name]) => dirOf(name)).filter((d) => d !== `src/${folder}`))];
    for (const sub of subfolders) {
      console.log(
        row(
          tally(
            `  ${sub}`,
            files.filter(([name]) => name.startsWith(`${sub}/`)).flatMap(([, f]) => f.mutants),
          ),
          null,
        ),
      );
      printFiles(sub);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  printScores(resolve(import.meta.dirname, "../../reports/mutation"), process.argv.includes("--files"));
