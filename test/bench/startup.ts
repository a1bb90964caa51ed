// Benchmark (not a test): the command line's start-up. Times `node scripts/cli.cjs indicators --help` (what
// `npm run -s indicators -- --help` runs, without npm's own start-up) against an empty `node`, and records every
// module the run loads (CommonJS from require's cache at exit, ES modules by a resolve hook), to show that
// nothing compiles TypeScript at run time: no tsx, and no esbuild unless the bundle is stale (then the launcher
// rebuilds it once, before the timed runs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface Startup {
  /** Wall time of each `--help` run, and of an empty node, in ms. */
  helpMs: number[];
  emptyMs: number[];
  /** CPU time (user + system, all threads) of the same runs, from start to exit: steadier on a busy machine. */
  helpCpuMs: number[];
  emptyCpuMs: number[];
  /** Modules loaded by one `--help` run, by URL (file paths from the repository), CommonJS first. */
  modules: string[];
}

// Registered with --import: notes each module URL the process resolves in a file named by WRES_MODULE_LOG.
const HOOK = `
import { register } from "node:module";
import { appendFileSync } from "node:fs";
const log = process.env.WRES_MODULE_LOG;
register("data:text/javascript," + encodeURIComponent(\`
  import { appendFileSync } from "node:fs";
  export async function resolve(specifier, context, next) {
    const r = await next(specifier, context);
    appendFileSync(\${JSON.stringify(log)}, r.url + "\\\\n");
    return r;
  }\`));
`;

// Loaded with --require: notes every CommonJS module in require's cache at exit, as file URLs.
const REQUIRE_HOOK = `
const { appendFileSync } = require("node:fs");
const { pathToFileURL } = require("node:url");
process.on("exit", () => {
  const files = Object.keys(require.cache).filter((file) => file !== __filename);
  appendFileSync(process.env.WRES_MODULE_LOG, files.map((file) => pathToFileURL(file).href + "\\n").join(""));
});
`;

// Loaded with --require (not --import, which would start the ES module loader the launcher does not need):
// writes the process's CPU time at exit.
const CPU_HOOK = `process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write("CPU-MS " + (u.user + u.system) / 1000 + "\\n"); });`;

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { ms: number; cpuMs: number } {
  const start = performance.now();
  const out = spawnSync(process.execPath, args, { cwd, env, encoding: "utf8" });
  const ms = performance.now() - start;
  if (out.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${out.stderr.trim().slice(0, 200)}`);
  const cpu = /CPU-MS ([\d.]+)/.exec(out.stderr);
  return { ms, cpuMs: cpu ? Number(cpu[1]) : NaN };
}

export function measureStartup(repo: string, runs: number): Startup {
  const cli = join(repo, "scripts", "cli.cjs");
  // A first run builds the bundle if it is missing or stale (npm ci's prepare step does it too).
  run([cli, "indicators", "--help"], repo);
  const dir = mkdtempSync(join(tmpdir(), "wres-startup-"));
  try {
    const cpuHook = join(dir, "cpu.cjs");
    writeFileSync(cpuHook, CPU_HOOK);
    const timed = ["--require", cpuHook];
    const result = {
      helpMs: [] as number[],
      emptyMs: [] as number[],
      helpCpuMs: [] as number[],
      emptyCpuMs: [] as number[],
    };
    for (let i = 0; i < runs; i++) {
      const empty = run([...timed, "-e", "0"], repo);
      const help = run([...timed, cli, "indicators", "--help"], repo);
      result.emptyMs.push(empty.ms);
      result.emptyCpuMs.push(empty.cpuMs);
      result.helpMs.push(help.ms);
      result.helpCpuMs.push(help.cpuMs);
    }
    const hook = join(dir, "hook.mjs");
    const requireHook = join(dir, "require-hook.cjs");
    const log = join(dir, "modules.txt");
    writeFileSync(hook, HOOK);
    writeFileSync(requireHook, REQUIRE_HOOK);
    writeFileSync(log, "");
    run(["--require", requireHook, "--import", pathToFileURL(hook).href, cli, "indicators", "--help"], repo, {
      ...process.env,
      WRES_MODULE_LOG: log,
    });
    const root = pathToFileURL(repo).href + "/";
    const modules = [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))].map((url) =>
      url.startsWith(root) ? url.slice(root.length) : url,
    );
    return { ...result, modules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
