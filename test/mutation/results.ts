// The measured mutation results of each folder, kept in git (test/mutation/results/<folder>.json), so a score
// in the README can be checked without hours of re-running, and a run tests only what changed since.
//
// Stryker's incremental file holds one run's view: its test and mutant ids are numbers given by that run. Two
// runs over different files (two people, two machines) each make their own, so joining them means naming every
// test by its file and name, then numbering again. For a file both runs measured, the one measured against the
// code now on disk wins; if both (or neither) were, the later one given.
//
//   npx tsx test/mutation/results.ts merge <folder> <report.json>...   join reports into the folder's results
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import picomatch from "picomatch";

export interface StrykerTest {
  id: string;
  name: string;
  [other: string]: unknown;
}
export interface StrykerMutant {
  id: string;
  coveredBy?: string[];
  killedBy?: string[];
  [other: string]: unknown;
}
export interface StrykerReport {
  schemaVersion: string;
  thresholds: unknown;
  files: Record<string, { source: string; mutants: StrykerMutant[]; [other: string]: unknown }>;
  testFiles?: Record<string, { source?: string; tests: StrykerTest[]; [other: string]: unknown }>;
  framework?: { name: string; version: string; [other: string]: unknown };
  [other: string]: unknown;
}

export const FOLDERS = ["indicators", "plan", "workbook"] as const;
export type Folder = (typeof FOLDERS)[number];

export const repo = resolve(import.meta.dirname, "../..");
export const resultsPath = (folder: string) => resolve(repo, `test/mutation/results/${folder}.json`);

/** The source of a file in the working tree now, or undefined when it is gone. */
export function sourceOnDisk(path: string): string | undefined {
  const full = resolve(repo, path);
  return existsSync(full) ? readFileSync(full, "utf8") : undefined;
}

/** For each name, the entry of the last report whose source is current; else of the last report holding it. */
function pick<T extends { source?: string }>(
  maps: readonly (Record<string, T> | undefined)[],
  current: (path: string) => string | undefined,
): Map<string, { entry: T; from: number }> {
  const chosen = new Map<string, { entry: T; from: number; fresh: boolean }>();
  maps.forEach((map, from) => {
    for (const [path, entry] of Object.entries(map ?? {})) {
      const fresh = entry.source !== undefined && entry.source === current(path);
      const before = chosen.get(path);
      if (!before || fresh || !before.fresh) chosen.set(path, { entry, from, fresh });
    }
  });
  return chosen;
}

/** Joins Stryker reports of one folder into one, with tests named by file and name and numbered again. */
export function mergeReports(
  reports: readonly StrykerReport[],
  current: (path: string) => string | undefined = sourceOnDisk,
): StrykerReport {
  if (reports.length === 0) throw new Error("No report to merge.");
  // Each report's test ids, named so they mean the same in every report.
  const keyOf = reports.map((r) => {
    const keys = new Map<string, string>();
    for (const [file, { tests }] of Object.entries(r.testFiles ?? {}))
      for (const t of tests) keys.set(t.id, `${file}\u0000${t.name}`);
    return keys;
  });

  const testFiles: NonNullable<StrykerReport["testFiles"]> = {};
  const newId = new Map<string, string>();
  const testEntries = pick(
    reports.map((r) => r.testFiles),
    current,
  );
  // Every test any report names keeps an entry, so no mutant points at a test that is not listed; the file's
  // source is the chosen report's. A test gone from the code is found gone by Stryker's next run.
  const namesByFile = new Map<string, string[]>();
  for (const keys of keyOf)
    for (const key of keys.values()) {
      const [file, name] = key.split("\u0000") as [string, string];
      const names = namesByFile.get(file) ?? [];
      if (!names.includes(name)) names.push(name);
      namesByFile.set(file, names);
    }
  for (const [file, names] of [...namesByFile].sort(([a], [b]) => a.localeCompare(b))) {
    const chosen = testEntries.get(file)?.entry;
    const tests = names.map((name) => {
      const id = String(newId.size);
      newId.set(`${file}\u0000${name}`, id);
      const original = chosen?.tests.find((t) => t.name === name);
      return { ...original, id, name };
    });
    testFiles[file] = { ...chosen, tests };
  }

  const files: StrykerReport["files"] = {};
  let mutantId = 0;
  const fileEntries = pick(
    reports.map((r) => r.files),
    current,
  );
  for (const [path, { entry, from }] of [...fileEntries].sort(([a], [b]) => a.localeCompare(b))) {
    // A file deleted from the source takes its mutants with it: they would count in a folder it is not in.
    if (current(path) === undefined) continue;
    const renumber = (ids: string[] | undefined) =>
      ids?.flatMap((id) => {
        const key = keyOf[from]?.get(id);
        const mapped = key === undefined ? undefined : newId.get(key);
        return mapped === undefined ? [] : [mapped];
      });
    files[path] = {
      ...entry,
      mutants: entry.mutants.map((m) => ({
        ...m,
        id: String(mutantId++),
        ...(m.coveredBy ? { coveredBy: renumber(m.coveredBy) } : {}),
        ...(m.killedBy ? { killedBy: renumber(m.killedBy) } : {}),
      })),
    };
  }

  const last = reports[reports.length - 1]!;
  return {
    schemaVersion: last.schemaVersion,
    thresholds: last.thresholds,
    // Only what Stryker's incremental run reads back: no machine paths, no options of one run.
    ...(last.framework ? { framework: { name: last.framework.name, version: last.framework.version } } : {}),
    files,
    testFiles,
  };
}

/**
 * The report without its static survivors, for Stryker to test them again. A static mutant sits in code run when
 * its module loads (a pattern or table at the top of a file), so it is covered by no test in particular; Stryker's
 * incremental run keeps such a mutant's result while the code it changes is unchanged, whatever tests were added.
 * Results from older runs lack the `static` mark, so a survivor that no test covers counts as static too: any
 * other mutant no test covers is NoCoverage, not Survived.
 */
export function withoutStaticSurvivors(report: StrykerReport): StrykerReport {
  const isStatic = (m: StrykerMutant) => m.static === true || (m.status === "Survived" && !m.coveredBy?.length);
  return withoutMutants(report, (_, m) => isStatic(m) && (m.status === "Survived" || m.status === "NoCoverage"));
}

/**
 * The report without the timeouts of the files a run mutates, for Stryker to test them again. A timeout counts as
 * killed, but a run on a loaded machine records mutants as timeouts that an idle one finds surviving: on 7 December
 * 2026, 42 of `values.ts`'s were module-level patterns whose every test passes, just slowly. Use it with whole
 * files: a timeout outside a `--mutate` line range is not tested again, and so drops out of the results.
 */
export function withoutTimeouts(report: StrykerReport, mutated: (path: string) => boolean): StrykerReport {
  return withoutMutants(report, (path, m) => m.status === "Timeout" && mutated(path));
}

/** The report without the mutants `drop` picks, so that the run it starts tests them again. */
function withoutMutants(report: StrykerReport, drop: (path: string, m: StrykerMutant) => boolean): StrykerReport {
  const files = Object.fromEntries(
    Object.entries(report.files).map(([path, f]) => [path, { ...f, mutants: f.mutants.filter((m) => !drop(path, m)) }]),
  );
  return { ...report, files };
}

/**
 * Which files a run mutates, from its Stryker options: those matched by --mutate (comma-separated globs, each
 * with an optional line range, "!" before one to leave files out), else every file of the folder.
 */
export function mutatedBy(strykerArgs: readonly string[]): (path: string) => boolean {
  const lists = strykerArgs.flatMap((arg, i) => {
    const value = /^(?:--mutate|-m)=(.*)$/.exec(arg)?.[1];
    if (value !== undefined) return [value];
    return arg === "--mutate" || arg === "-m" ? [strykerArgs[i + 1] ?? ""] : [];
  });
  if (lists.length === 0) return () => true;
  const patterns = lists.flatMap((list) => list.split(",")).map((p) => p.trim().replace(/:\d[\d:-]*$/, ""));
  const included = picomatch(patterns.filter((p) => p && !p.startsWith("!")));
  const excluded = patterns.filter((p) => p.startsWith("!")).map((p) => picomatch(p.slice(1)));
  return (path) => included(path) && !excluded.some((matches) => matches(path));
}

/**
 * The results after a run: the run's entry for each file it mutated, the entry from before it for every other.
 * Stryker's report also lists the files it did not mutate, with their old statuses moved onto today's code (a
 * mutant in code changed since then keeps the status it had), so they would look measured against code no test
 * ran on.
 */
export function afterRun(
  before: StrykerReport | null,
  run: StrykerReport,
  mutated: (path: string) => boolean,
  current: (path: string) => string | undefined = sourceOnDisk,
): StrykerReport {
  const own = { ...run, files: Object.fromEntries(Object.entries(run.files).filter(([path]) => mutated(path))) };
  return mergeReports(before ? [before, own] : [own], current);
}

export function readReport(path: string): StrykerReport {
  return JSON.parse(readFileSync(path, "utf8")) as StrykerReport;
}

export function writeResults(folder: string, report: StrykerReport): void {
  mkdirSync(dirname(resultsPath(folder)), { recursive: true });
  writeFileSync(resultsPath(folder), `${JSON.stringify(report)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, folder, ...paths] = process.argv.slice(2);
  if (command !== "merge" || !folder || paths.length === 0) {
    console.error("Usage: npx tsx test/mutation/results.ts merge <folder> <report.json>...");
    process.exit(2);
  }
  const inputs = [...(existsSync(resultsPath(folder)) ? [resultsPath(folder)] : []), ...paths];
  writeResults(folder, mergeReports(inputs.map(readReport)));
  console.log(`Merged ${inputs.length} report(s) into test/mutation/results/${folder}.json`);
}
