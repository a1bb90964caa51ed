// npm run mutation [-- <folder>...] [-- <stryker options>]: mutation testing of the functional core with
// Stryker, one folder at a time (indicators, plan, workbook; all three when none is named), each with its own
// incremental file, so a re-run only tests mutants whose code or tests changed. Then prints the score per folder.
// Examples: npm run mutation -- plan --force   (re-test every mutant of src/plan, ignoring the incremental file)
//           npm run mutation -- plan --files   (the score table with a row per file)
//           npm run mutation -- workbook --mutate src/workbook/values.ts --timeouts-again   (re-test its timeouts)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  afterRun,
  FOLDERS,
  mutatedBy,
  readReport,
  resultsPath,
  withoutStaticSurvivors,
  withoutTimeouts,
  writeResults,
  type Folder,
} from "./results";
import { printScores } from "./score";

const repo = resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const named = args.filter((a): a is Folder => (FOLDERS as readonly string[]).includes(a));
const OWN_OPTIONS = ["--files", "--timeouts-again"];
const strykerArgs = args.filter((a) => !(FOLDERS as readonly string[]).includes(a) && !OWN_OPTIONS.includes(a));
const unknown = strykerArgs.find(
  (a) => !a.startsWith("-") && !strykerArgs[strykerArgs.indexOf(a) - 1]?.startsWith("--"),
);
if (unknown) {
  console.error(`Unknown folder "${unknown}": name one or more of ${FOLDERS.join(", ")}.`);
  process.exit(2);
}

const mutated = mutatedBy(strykerArgs);

let failed = false;
for (const folder of named.length > 0 ? named : FOLDERS) {
  console.log(`\n== Mutation testing src/${folder}`);
  const incremental = resolve(repo, `reports/mutation/${folder}.incremental.json`);
  // The results in git hold every run so far (each run writes them back). Stryker's incremental file from this
  // machine's last run is not used: it lists files that run did not mutate with old statuses on today's code.
  const start = existsSync(resultsPath(folder)) ? readReport(resultsPath(folder)) : null;
  if (start) {
    mkdirSync(dirname(incremental), { recursive: true });
    const again = args.includes("--timeouts-again") ? withoutTimeouts(start, mutated) : start;
    writeFileSync(incremental, JSON.stringify(withoutStaticSurvivors(again)));
  } else rmSync(incremental, { force: true });
  const result = spawnSync("npx", ["stryker", "run", "test/mutation/stryker.config.mjs", ...strykerArgs], {
    cwd: repo,
    stdio: "inherit",
    env: { ...process.env, MUTATION_FOLDER: folder },
  });
  if (result.status !== 0) {
    console.error(`Stryker failed for src/${folder} (exit ${result.status ?? result.signal}).`);
    failed = true;
    continue;
  }
  if (existsSync(incremental)) writeResults(folder, afterRun(start, readReport(incremental), mutated));
}
console.log("\nMutation score per folder (test/mutation/results/<folder>.json):");
await printScores(args.includes("--files"));
process.exit(failed ? 1 : 0);
