// node scripts/cli.cjs <indicators|import-plan> [arguments...]: runs a command-line tool from its
// prebuilt bundle (build/cli/, made by `npm ci`'s prepare step). The first run after a checkout, or after
// a source file changed, builds it first (a second or so); every other run starts straight from the bundle.
// CommonJS, as the bundles are: Node loads a CommonJS file in one synchronous step, where an ES module
// goes through the module loader's resolving and linking (--help measured 105 ms over an empty node as ES
// modules, 35 ms as CommonJS).
"use strict";
const { readFileSync, statSync } = require("node:fs");
const { join, resolve } = require("node:path");

const REPO = resolve(__dirname, "..");
const OUT_DIR = join(REPO, "build", "cli");
const COMMANDS = ["indicators", "import-plan"];

const command = process.argv[2];
if (!COMMANDS.includes(command)) {
  process.stderr.write(`Usage: node scripts/cli.cjs <${COMMANDS.join("|")}> [arguments...]\n`);
  process.exit(2);
}
const bundle = join(OUT_DIR, `${command}.cjs`);

/** Whether the bundle is missing, or older than any source it was built from (one stat each: a few milliseconds). */
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
    const source = statSync(join(REPO, input), { throwIfNoEntry: false });
    if (!source || source.mtimeMs > built) return true;
  }
  return false;
}

function start() {
  // The tool reads its arguments from process.argv.slice(2), as when run directly.
  process.argv.splice(1, 2, bundle);
  require(bundle);
}

if (stale()) {
  import("./build-cli.mjs")
    .then(({ buildCli }) => buildCli())
    .then(start, (error) => {
      process.stderr.write(`Could not build the command line: ${error instanceof Error ? error.message : error}\n`);
      process.exitCode = 1;
    });
} else {
  start();
}
