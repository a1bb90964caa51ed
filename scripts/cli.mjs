// node scripts/cli.mjs <indicators|import-plan> [arguments...]: runs a command-line tool from its
// prebuilt bundle (build/cli/, made by `npm ci`'s prepare step). The first run after a checkout, or after
// a source file changed, builds it first (a second or so); every other run starts straight from the bundle.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = join(REPO, "build", "cli");
const COMMANDS = ["indicators", "import-plan"];

const command = process.argv[2];
if (!COMMANDS.includes(command)) {
  process.stderr.write(`Usage: node scripts/cli.mjs <${COMMANDS.join("|")}> [arguments...]\n`);
  process.exit(2);
}
const bundle = join(OUT_DIR, `${command}.mjs`);

/** Whether the bundle is missing, or older than any source it was built from (stat of each: about a millisecond). */
function stale() {
  let built;
  let inputs;
  try {
    built = statSync(bundle).mtimeMs;
    inputs = JSON.parse(readFileSync(join(OUT_DIR, "inputs.json"), "utf8")).inputs;
  } catch {
    return true;
  }
  for (const input of inputs) {
    const path = join(REPO, input);
    if (!existsSync(path) || statSync(path).mtimeMs > built) return true;
  }
  return false;
}

if (stale()) {
  const { buildCli } = await import("./build-cli.mjs");
  await buildCli();
}
// The tool reads its arguments from process.argv.slice(2), as when run directly.
process.argv.splice(1, 2, bundle);
await import(pathToFileURL(bundle).href);
