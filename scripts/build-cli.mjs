// Builds the command-line tools (npm run indicators, npm run import-plan) into build/cli/ with esbuild:
// our TypeScript compiled once into one CommonJS file a tool, with the small packages it reads with
// (pako, papaparse) inside it. Start-up is what this shape is for: Node loads one CommonJS file in a
// single synchronous step, where ES modules and packages resolved from node_modules each cost a lookup,
// a read and a link (--help took 2.1 times an empty node's time as ES modules, 1.3 times as this).
// exceljs, needed only by --xlsx and several megabytes, stays in node_modules and is required on demand.
// Run by `npm ci` / `npm install` (the prepare script) and by scripts/cli.cjs when the build is missing
// or older than a source file it was built from. Nothing compiles TypeScript when a command runs.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = join(REPO, "build", "cli");
export const COMMANDS = { indicators: "src/cli/indicators.ts", "import-plan": "src/cli/import-plan.ts" };
/** The sources each build was made from (paths from the repository's root), for scripts/cli.mjs's staleness check. */
export const INPUTS_FILE = join(OUT_DIR, "inputs.json");

export async function buildCli() {
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: Object.entries(COMMANDS).map(([out, src]) => ({ in: src, out })),
    outdir: OUT_DIR,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: ["exceljs"],
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  mkdirSync(OUT_DIR, { recursive: true });
  // Each file is written beside its place and renamed into it, so a run starting meanwhile never reads half a file.
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(REPO, resolve(REPO, p)));
  const temporary = `${INPUTS_FILE}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ inputs: [...inputs, "scripts/build-cli.mjs"] }, null, 1));
  renameSync(temporary, INPUTS_FILE);
  // What an earlier build left that this one did not write (an older layout's files) goes.
  const written = new Set([...result.outputFiles.map((file) => file.path), INPUTS_FILE]);
  for (const name of readdirSync(OUT_DIR)) {
    if (!written.has(join(OUT_DIR, name))) rmSync(join(OUT_DIR, name), { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const start = performance.now();
  await buildCli();
  process.stderr.write(
    `Built the command line into ${relative(process.cwd(), OUT_DIR) || "."} in ${Math.round(performance.now() - start)} ms\n`,
  );
}
