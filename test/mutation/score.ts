// Prints the mutation score of each folder of the functional core from its measured results
// (test/mutation/results/<folder>.json, kept up to date by `npm run mutation`). `--files` adds a row per file.
// Score = detected / (detected + survived + no coverage), as Stryker counts it: mutants that do not compile
// (caught by the TypeScript checker) or are ignored do not count either way.
import { existsSync, readFileSync } from "node:fs";
import { countMutants } from "./count";
import { FOLDERS, resultsPath, sourceOnDisk } from "./results";

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

/** A row of the table; `made` adds how many of the mutants Stryker makes there were measured, when not all. */
function row(t: Tally, made?: number): string {
  const s = score(t);
  const measured = t.killed + t.timeout + t.survived + t.noCoverage + t.invalid;
  const cells = [
    t.name.padEnd(44),
    (s === null ? "n/a" : `${s.toFixed(2)}%`).padStart(8),
    ...[t.killed, t.timeout, t.survived, t.noCoverage, t.invalid].map((n) => String(n).padStart(8)),
  ];
  if (made !== undefined && measured < made) cells.push(`  ${measured} of ${made} measured`);
  return cells.join(" ");
}

/** Measured against other code than the file now holds: a re-run tests it again. */
const stale = (name: string, f: { source?: string }) => f.source !== sourceOnDisk(name);

export async function printScores(withFiles: boolean): Promise<void> {
  console.log(
    [
      "folder".padEnd(44),
      "score".padStart(8),
      ...["killed", "timeout", "survived", "no cov.", "errors"].map((h) => h.padStart(8)),
      "  measured (of the mutants made)",
    ].join(" "),
  );
  for (const folder of FOLDERS) {
    const path = resultsPath(folder);
    if (!existsSync(path)) {
      console.log(`${`src/${folder}`.padEnd(44)}      not run (npm run mutation -- ${folder})`);
      continue;
    }
    const report = JSON.parse(readFileSync(path, "utf8")) as Report;
    // What Stryker's instrumenter makes of each file now: a file measured in part (a line range, or before
    // code was added) shows how much of it the score covers.
    const made = new Map((await countMutants(folder)).map((c) => [c.file, c.mutants]));
    const madeIn = (names: readonly string[]) => names.reduce((n, name) => n + (made.get(name) ?? 0), 0);
    const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
    const all = [...made.keys()].filter((name) => (made.get(name) ?? 0) > 0);
    console.log(
      row(
        tally(
          `src/${folder}`,
          files.flatMap(([, f]) => f.mutants),
        ),
        madeIn(all),
      ),
    );
    const unmeasured = all.filter((name) => !report.files[name]);
    const changed = files.filter(([name, f]) => stale(name, f)).length;
    console.log(
      `  (${files.length} of ${all.length} files measured, ${changed} changed since${
        unmeasured.length > 0 && unmeasured.length <= 12 ? `; not measured: ${unmeasured.join(", ")}` : ""
      })`,
    );
    // Subfolders (src/plan/import) get their own row: they are a module of their own. With --files, each
    // file's row comes under its own folder's row, the folder's own files first.
    const dirOf = (name: string) => name.split("/").slice(0, -1).join("/");
    const printFiles = (dir: string) => {
      if (withFiles)
        for (const [name, f] of files.filter(([n]) => dirOf(n) === dir))
          console.log(row(tally(`    ${name}${stale(name, f) ? " (changed since)" : ""}`, f.mutants), made.get(name)));
    };
    printFiles(`src/${folder}`);
    const subfolders = [...new Set(all.map((name) => dirOf(name)).filter((d) => d !== `src/${folder}`))].sort();
    for (const sub of subfolders) {
      const inSub = (name: string) => name.startsWith(`${sub}/`);
      console.log(
        row(
          tally(
            `  ${sub}`,
            files.filter(([name]) => inSub(name)).flatMap(([, f]) => f.mutants),
          ),
          madeIn(all.filter(inSub)),
        ),
      );
      printFiles(sub);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await printScores(process.argv.includes("--files"));
