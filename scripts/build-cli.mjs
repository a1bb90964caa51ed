// Builds the command-line tools (npm run indicators, npm run import-plan) into build/cli/ with esbuild:
// our TypeScript compiled and bundled once, packages left to load from node_modules as they ship, and
// what only some runs need (the --xlsx writer and exceljs) split into chunks loaded on demand. Run by
// `npm ci` / `npm install` (the prepare script) and by scripts/cli.mjs when the build is missing or older
// than a source file it was built from. Nothing compiles TypeScript when a command runs.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
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
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  mkdirSync(join(OUT_DIR, "chunks"), { recursive: true });
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
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const start = performance.now();
  await buildCli();
  process.stderr.write(
    `Built the command line into ${relative(process.cwd(), OUT_DIR) || "."} in ${Math.round(performance.now() - start)} ms\n`,
  );
}
