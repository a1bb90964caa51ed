// Prints the mutation score of each folder of the functional core from its measured results
// (test/mutation/results/<folder>.json, kept up to date by `npm run mutation`). `--files` adds a row per file.
// Score = detected / (detected + survived + no coverage), as Stryker counts it: mutants that do not compile
// (caught by the TypeScript checker) or are ignored do not count either way.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { repo, resultsPath, sourceOnDisk } from "./results";

export const FOLDERS = ["indicators", "plan", "workbook"] as const;
export type Folder = (typeof FOLDERS)[number];

interface MutantResult {
  status: "Killed" | "Survived" | "NoCoverage" | "Timeout" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";
}
interface Report {
  files: Record<string, { source?: string; mutants: MutantResult[] }>;
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

function row(t: Tally): string {
  const s = score(t);
  const cells = [
    t.name.padEnd(40),
    (s === null ? "n/a" : `${s.toFixed(2)}%`).padStart(8),
    ...[t.killed, t.timeout, t.survived, t.noCoverage, t.invalid].map((n) => String(n).padStart(8)),
  ];
  return cells.join(" ");
}

/** The folder's TypeScript files that can hold mutants (barrels and declarations hold none). */
function sourceFiles(folder: Folder): string[] {
  return readdirSync(resolve(repo, `src/${folder}`), { recursive: true })
    .map((f) => `src/${folder}/${String(f)}`)
    .filter((f) => f.endsWith(".ts") && !f.endsWith("/index.ts") && !f.endsWith(".d.ts"))
    .sort();
}

/** Measured against other code than the file now holds: a re-run tests it again. */
const stale = (name: string, f: { source?: string }) => f.source !== sourceOnDisk(name);

export function printScores(withFiles: boolean): void {
  console.log(
    [
      "folder".padEnd(40),
      "score".padStart(8),
      ...["killed", "timeout", "survived", "no cov.", "errors"].map((h) => h.padStart(8)),
    ].join(" "),
  );
  for (const folder of FOLDERS) {
    const path = resultsPath(folder);
    if (!existsSync(path)) {
      console.log(`${`src/${folder}`.padEnd(40)}      not run (npm run mutation -- ${folder})`);
      continue;
    }
    const report = JSON.parse(readFileSync(path, "utf8")) as Report;
    const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
    console.log(
      row(
        tally(
          `src/${folder}`,
          files.flatMap(([, f]) => f.mutants),
        ),
      ),
    );
    // Subfolders (src/plan/import) get their own row: they are a module of their own. With --files, each
    // file's row comes under its own folder's row, the folder's own files first.
    const dirOf = (name: string) => name.split("/").slice(0, -1).join("/");
    const printFiles = (dir: string) => {
      if (withFiles)
        for (const [name, f] of files.filter(([n]) => dirOf(n) === dir))
          console.log(row(tally(`    ${name}${stale(name, f) ? " (changed since)" : ""}`, f.mutants)));
    };
    const unmeasured = sourceFiles(folder).filter((name) => !report.files[name]);
    const changed = files.filter(([name, f]) => stale(name, f)).length;
    if (unmeasured.length > 0 || changed > 0)
      console.log(
        `  (${files.length} files measured, ${changed} of them changed since; not measured: ${unmeasured.length}${
          unmeasured.length > 0 && unmeasured.length <= 12 ? `: ${unmeasured.join(", ")}` : ""
        })`,
      );
    printFiles(`src/${folder}`);
    const subfolders = [...new Set(files.map(([name]) => dirOf(name)).filter((d) => d !== `src/${folder}`))];
    for (const sub of subfolders) {
      console.log(
        row(
          tally(
            `  ${sub}`,
            files.filter(([name]) => name.startsWith(`${sub}/`)).flatMap(([, f]) => f.mutants),
          ),
        ),
      );
      printFiles(sub);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printScores(process.argv.includes("--files"));
