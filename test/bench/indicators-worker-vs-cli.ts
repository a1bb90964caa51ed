// Benchmark (not a test): the tab's indicator run in Chromium's Web Worker against the command line's, on the
// same workbooks, like with like: each side is timed from workbook bytes in memory to the results, in a fresh
// worker or a fresh process (cold, as a user meets it: the tab starts a worker per run), with module loading
// and the download from the library outside the clock. Runs alternate between the two sides, so load on a
// shared machine falls on both alike; medians are reported.
//   worker: the tab's worker code (executeRun), bundled by esbuild as Vite bundles the tab's worker, in headless
//           Chromium; the page fetches the files first, starts the worker, waits for it to load, then times.
//   CLI:    the bench's bundled child (readWorkbooks + computeResults), what `npm run indicators` runs.
// Part of `npm run bench` (skip with --no-worker).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export interface WorkerVsCli {
  workerMs: number[];
  cliMs: number[];
  cliCpuMs: number[];
  check: string;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title><script type="module">
window.runOnce = async (names) => {
  const files = [];
  for (const name of names) files.push({ name, bytes: await (await fetch("/files/" + encodeURIComponent(name))).arrayBuffer() });
  const worker = new Worker("/worker.js", { type: "module" });
  const reply = (type) => new Promise((resolve, reject) => {
    worker.onmessage = (e) => { if (e.data.type === type) resolve(e.data); };
    worker.onerror = (e) => reject(new Error(e.message || "the worker stopped"));
  });
  await reply("ready");
  const timed = reply("timed");
  worker.postMessage({ type: "run", files, options: {} }, files.map((f) => f.bytes));
  const result = await timed;
  worker.terminate();
  return result;
};
</script>`;

/** Bundles the bench's worker entry as Vite bundles the tab's worker (one ES module, our source and packages inlined). */
async function bundleWorker(repo: string): Promise<string> {
  const { build } = await import("esbuild");
  const out = await build({
    entryPoints: [join(repo, "test", "bench", "worker-entry.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "warning",
  });
  return out.outputFiles[0]!.text;
}

/**
 * Runs the two sides `runs` times each, alternating. `runCli` times one fresh command-line run on `dir` (the
 * bench's child process); `files` are the workbook names in `dir`.
 */
export async function workerVsCli(
  repo: string,
  dir: string,
  files: string[],
  runs: number,
  runCli: () => { ms: number; cpuMs: number; check: string } | { error: string },
): Promise<WorkerVsCli> {
  const script = await bundleWorker(repo);
  const server = createServer((req, res) => {
    const url = decodeURIComponent(req.url ?? "/");
    if (url === "/") res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    else if (url === "/worker.js") res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else if (url.startsWith("/files/") && files.includes(url.slice(7)))
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(readFileSync(join(dir, url.slice(7))));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const result: WorkerVsCli = { workerMs: [], cliMs: [], cliCpuMs: [], check: "" };
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => "runOnce" in window);
    for (let i = 0; i < runs; i++) {
      const timed = await page.evaluate(
        (names) =>
          (window as unknown as { runOnce(n: string[]): Promise<{ ms: number; check: string }> }).runOnce(names),
        files,
      );
      result.workerMs.push(timed.ms);
      result.check = timed.check;
      process.stderr.write(`  worker run ${i + 1}/${runs}: ${(timed.ms / 1000).toFixed(2)} s (${timed.check})\n`);
      const cli = runCli();
      if ("error" in cli) throw new Error(`the command line's run failed: ${cli.error}`);
      result.cliMs.push(cli.ms);
      result.cliCpuMs.push(cli.cpuMs);
      process.stderr.write(`  CLI run ${i + 1}/${runs}: ${(cli.ms / 1000).toFixed(2)} s\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return result;
}
