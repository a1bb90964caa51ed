// Stryker's configuration for `npm run mutation` (see test/mutation/run.ts, which runs it once per folder).
// MUTATION_FOLDER names the folder of the functional core being mutated: indicators, plan or workbook.
// Each folder keeps its own incremental file and JSON report, so folders can be run (and re-run) apart.
const FOLDERS = ["indicators", "plan", "workbook"];
const folder = process.env.MUTATION_FOLDER ?? "plan";
if (!FOLDERS.includes(folder))
  throw new Error(`MUTATION_FOLDER must be one of ${FOLDERS.join(", ")}, not "${folder}".`);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "test/mutation/vitest.config.ts", related: true },
  checkers: ["typescript"],
  tsconfigFile: "test/mutation/tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // The whole folder: every file in the core is pure (the core's ESLint rules forbid I/O, node:* and DOM
  // globals). The Web Worker glue that runs it lives in src/ui and is not mutated.
  mutate: [`src/${folder}/**/*.ts`],
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: `reports/mutation/${folder}.incremental.json`,
  reporters: ["clear-text", "progress-append-only", "json", "html"],
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  htmlReporter: { fileName: `reports/mutation/${folder}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  // Two cores shared with other work: two test runners, and room for a slow machine before a timeout.
  concurrency: 2,
  timeoutMS: 10000,
  timeoutFactor: 2,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 85, break: null },
};
