// npm run bench [-- --quick] [--runs N] [--sizes 10000,100000] [--seed N] [--no-worker]
//                [--writers ours,inline] [--widths 10,22,40] [--corpus-size 100000] [--no-corpus] [--no-trust]
//                [--no-startup]
//
// First the command line's start-up (startup.ts: --help through the launcher, and the modules it loads).
//
// Then the writer x width table: one staff extract written by six writers (test/support/writer-corpus.ts)
// at 10, 22 and 40 columns, with the floor, ours and SheetJS measured on each (runs interleaved over the
// whole table); then the trust-size table below.
// For synthetic trusts of 10,000, 100,000 and 500,000 staff rows (plus proportional recruitment,
// cases and CPD), measures these pipelines from workbook bytes:
//   floor    fflate-inflate every XML part of every workbook, no parsing (the floor the targets were set
//            against: fflate's one-call unzip)
//   inflate  the same parts inflated by our reader's own inflater (pako's zlib stream into one reused
//            buffer), no parsing: the least our reader pays, and a stricter floor than fflate's
//   ours     readWorkbooks + computeResults (bytes -> results document)
//   sheetjs  the common alternative: @e965/xlsx read + sheet_to_json + straightforward counting of
//            indicators 1 and 2
// The timed children run our source bundled by esbuild, as Vite bundles it for the tab's worker (libraries
// load as they ship); "ours (tsx)" also times the same pipeline compiled on the fly by tsx, the way
// `npm run indicators` runs it today. The target is judged on the bundled form.
// Runs are interleaved across the pipelines, so load on a shared machine falls on all of them alike.
// Each run is a fresh child process, so peak memory is the kernel's high-water mark for that run
// alone (a sampler on the main thread cannot see inside one long synchronous call); the child
// calls global.gc() and notes its resident memory before the timed work starts.
// Then, unless --no-worker, the tab's run of the 100,000-row trust in Chromium's Web Worker against
// the command line's, like with like: bytes to results on each side (indicators-worker-vs-cli.ts).
// Workbooks are generated once and cached under .localsp/bench-cache/, keyed by size, seed and a
// hash of the generator's source.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { unzipSync } from "fflate";
import { STAFF_FILE, WIDTHS, WRITERS, writeStaffWorkbook, type Writer } from "../support/writer-corpus";

const REPO = resolve(import.meta.dirname, "..", "..");
const CACHE = join(REPO, ".localsp", "bench-cache");
const PIPELINES = ["floor", "inflate", "ours", "ours (tsx)", "sheetjs"] as const;
type Pipeline = (typeof PIPELINES)[number];
type ChildPipeline = "floor" | "inflate" | "ours" | "sheetjs";
const CHILD_BUNDLE = join(CACHE, "bench-child.mjs");

interface RunResult {
  ms: number;
  /** User + system CPU time of the run: steadier than wall time on a busy machine. */
  cpuMs: number;
  peakRssMb: number;
  baseRssMb: number;
  heapAfterMb: number;
  check: string;
}

interface Manifest {
  staff: number;
  seed: number;
  rows: { staff: number; applications: number; cases: number; training: number; board: number; survey: number };
  files: string[];
  bytes: number;
}

// ---- child: one timed run ------------------------------------------------------------------

function loadFiles(dir: string): { name: string; bytes: Uint8Array }[] {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  return manifest.files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

function floor(files: Files): string {
  let total = 0;
  for (const f of files) {
    const parts = unzipSync(f.bytes, {
      filter: (entry) => entry.name.endsWith(".xml") || entry.name.endsWith(".rels"),
    });
    for (const data of Object.values(parts)) total += data.length;
  }
  return `${(total / 1e6).toFixed(1)} MB XML`;
}

type Files = { name: string; bytes: Uint8Array }[];

/** Every XML part inflated as our reader inflates a worksheet (src/workbook/zip.ts), and nothing read. */
async function loadInflate(): Promise<(files: Files) => string> {
  const { listEntries, readEntryStream } = await import("../../src/workbook/zip");
  return (files) => {
    let total = 0;
    for (const f of files) {
      const budget = { file: f.name, limit: Number.MAX_SAFE_INTEGER, used: 0 };
      for (const [name, entry] of listEntries(f.name, f.bytes)) {
        if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
        readEntryStream(f.bytes, entry, budget, (_, start, end) => {
          total += end - start;
          return end;
        });
      }
    }
    return `${(total / 1e6).toFixed(1)} MB XML`;
  };
}

async function loadOurs(): Promise<(files: Files) => string> {
  const { readWorkbooks } = await import("../../src/workbook/index");
  const { computeResults } = await import("../../src/indicators/index");
  return (files) => {
    const dataset = readWorkbooks(files);
    const doc = computeResults(dataset);
    const i1 = doc.indicators["1"];
    const overall = i1 && i1.kind === "representation" ? i1.overall : null;
    return `${dataset.staff.length} people; BME ${overall?.bme ?? "?"}; indicators ${Object.keys(doc.indicators).join(",")}`;
  };
}

/** What a developer would write with SheetJS: read each workbook, sheet_to_json, count by hand. */
async function loadSheetjs(): Promise<(files: Files) => string> {
  const XLSX = await import("@e965/xlsx");
  return (files) => sheetjs(XLSX, files);
}

function sheetjs(XLSX: typeof import("@e965/xlsx"), files: Files): string {
  const groupOf = (value: unknown): "white" | "bme" | "unknown" => {
    const c = String(value ?? "")
      .trim()
      .charAt(0)
      .toUpperCase();
    if ("ABC".includes(c) && c !== "") return "white";
    if (/[D-HJ-NPRS]/.test(c)) return "bme";
    return "unknown";
  };
  const staff = { white: 0, bme: 0, unknown: 0 };
  const shortlisted = { white: 0, bme: 0, unknown: 0 };
  const appointed = { white: 0, bme: 0, unknown: 0 };
  for (const f of files) {
    const wb = XLSX.read(f.bytes, { type: "array", dense: true });
    for (const name of wb.SheetNames) {
      const sheet = wb.Sheets[name];
      if (!sheet) continue;
      const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
      const headerIndex = grid.findIndex((r) => r.filter((v) => v !== null).length >= 3);
      if (headerIndex < 0) continue;
      const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { range: headerIndex, defval: null });
      for (const row of rows) {
        if ("Ethnic Origin" in row && "Assignment Category" in row) {
          if (row["Assignment Category"] === "Bank" || row["Primary Assignment"] === "No") continue;
          staff[groupOf(row["Ethnic Origin"])]++;
        } else if ("Shortlisted" in row) {
          // Recruitment systems write labels ("Black or Black British - African"), so classify by label.
          const label = String(row["Ethnic Group"] ?? "");
          const g = /^White/i.test(label) ? "white" : /^(Not stated)?$/i.test(label) ? "unknown" : "bme";
          if (row["Shortlisted"] === "Yes") shortlisted[g]++;
          if (row["Appointed"] === "Y") appointed[g]++;
        }
      }
    }
  }
  const rl2 = appointed.white / shortlisted.white / (appointed.bme / shortlisted.bme);
  return `${staff.white + staff.bme + staff.unknown} people; BME ${staff.bme}; RL2 ${rl2.toFixed(2)}`;
}

/** Writes one workbook of the writer corpus into dir (in a child, so the parent's heap stays small). */
async function generateCorpusWorkbook(
  writer: Writer,
  width: number,
  staff: number,
  seed: number,
  dir: string,
): Promise<void> {
  const bytes = await writeStaffWorkbook(writer, width, staff, seed);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, STAFF_FILE), bytes);
  const xml = unzipSync(bytes, { filter: (entry) => entry.name.endsWith(".xml") || entry.name.endsWith(".rels") });
  const manifest: Manifest & { xmlBytes: number } = {
    staff,
    seed,
    rows: { staff, applications: 0, cases: 0, training: 0, board: 0, survey: 0 },
    files: [STAFF_FILE],
    bytes: bytes.length,
    xmlBytes: Object.values(xml).reduce((n, d) => n + d.length, 0),
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
}

async function child(pipeline: ChildPipeline, dir: string): Promise<void> {
  const files = loadFiles(dir);
  // Modules are loaded (and compiled) before the clock starts: we time bytes -> results only.
  const work =
    pipeline === "floor"
      ? floor
      : pipeline === "inflate"
        ? await loadInflate()
        : pipeline === "ours"
          ? await loadOurs()
          : await loadSheetjs();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseRss = process.memoryUsage().rss;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const check = work(files);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const result: RunResult = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    // maxRSS is in kilobytes; it is this process's high-water mark, the loaded bytes included.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb: baseRss / 1048576,
    heapAfterMb: process.memoryUsage().heapUsed / 1048576,
    check,
  };
  process.stdout.write(`BENCH-RESULT ${JSON.stringify(result)}\n`);
}

// ---- parent: generate, run, tabulate ---------------------------------------------------------

function generatorHash(): string {
  const hash = createHash("sha256");
  for (const file of ["trust.ts", "xlsx-writer.ts", "random.ts"])
    hash.update(readFileSync(join(REPO, "src", "demo", file)));
  return hash.digest("hex").slice(0, 10);
}

async function ensureTrust(staff: number, seed: number): Promise<{ dir: string; manifest: Manifest }> {
  const dir = join(CACHE, `trust-${staff}-seed${seed}-${generatorHash()}`);
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) return { dir, manifest: JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest };
  process.stderr.write(`Generating a trust of ${staff.toLocaleString("en-GB")} staff rows (cached in ${dir}) ... `);
  const start = performance.now();
  const { generateTrust } = await import("../../src/demo/trust");
  const trust = generateTrust({ staff, seed });
  mkdirSync(dir, { recursive: true });
  for (const f of trust.files) writeFileSync(join(dir, f.name), f.bytes);
  const manifest: Manifest = {
    staff,
    seed,
    rows: trust.rows,
    files: trust.files.map((f) => f.name),
    bytes: trust.files.reduce((n, f) => n + f.bytes.length, 0),
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  process.stderr.write(`${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  return { dir, manifest };
}

/** Bundles this file's child side, our source inlined and packages left to load as they ship. */
async function bundleChild(): Promise<void> {
  const { build } = await import("esbuild");
  mkdirSync(CACHE, { recursive: true });
  await build({
    entryPoints: [join(REPO, "test", "bench", "run.ts")],
    outfile: CHILD_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
  });
}

function runChild(pipeline: Pipeline, dir: string): RunResult | { error: string } {
  const flags = ["--expose-gc", "--max-old-space-size=8192"];
  const entry = pipeline === "ours (tsx)" ? ["--import", "tsx", join(REPO, "test", "bench", "run.ts")] : [CHILD_BUNDLE];
  const name: ChildPipeline = pipeline === "ours (tsx)" ? "ours" : pipeline;
  const out = spawnSync(process.execPath, [...flags, ...entry, "--child", name, "--dir", dir], {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.stdout.split("\n").find((l) => l.startsWith("BENCH-RESULT "));
  if (out.status !== 0 || !line) {
    const last = (out.stderr || out.stdout).trim().split("\n").slice(-3).join(" | ");
    return { error: `exit ${out.status ?? out.signal}: ${last}` };
  }
  return JSON.parse(line.slice("BENCH-RESULT ".length)) as RunResult;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

interface Summary {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  overBaseMb: number;
  runs: number;
  check: string;
}

function summarise(results: RunResult[]): Summary {
  return {
    ms: median(results.map((r) => r.ms)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
    overBaseMb: Math.max(...results.map((r) => r.peakRssMb - r.baseRssMb)),
    runs: results.length,
    check: results[0]?.check ?? "",
  };
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmtMb = (mb: number) => `${Math.round(mb)} MB`;
const fmtRate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en-GB")}`;

function corpusHash(): string {
  const hash = createHash("sha256").update(generatorHash());
  hash.update(readFileSync(join(REPO, "test", "support", "writer-corpus.ts")));
  return hash.digest("hex").slice(0, 10);
}

async function ensureCorpusWorkbook(
  writer: Writer,
  width: number,
  staff: number,
  seed: number,
): Promise<{ dir: string; manifest: Manifest & { xmlBytes: number } }> {
  const dir = join(CACHE, `corpus-${writer}-w${width}-${staff}-seed${seed}-${corpusHash()}`);
  const manifestPath = join(dir, "manifest.json");
  if (!existsSync(manifestPath)) {
    process.stderr.write(
      `Writing the staff extract with ${writer}, ${width} columns, ${staff.toLocaleString("en-GB")} rows ... `,
    );
    const start = performance.now();
    const out = spawnSync(
      process.execPath,
      [
        "--max-old-space-size=8192",
        CHILD_BUNDLE,
        "--generate",
        writer,
        String(width),
        String(staff),
        String(seed),
        dir,
      ],
      { cwd: REPO, encoding: "utf8" },
    );
    if (out.status !== 0)
      throw new Error(`generating ${writer} x ${width} failed: ${out.stderr.trim().split("\n").slice(-3).join(" | ")}`);
    process.stderr.write(`${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  }
  return { dir, manifest: JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest & { xmlBytes: number } };
}

const CORPUS_PIPELINES = ["floor", "inflate", "ours", "sheetjs"] as const;
type CorpusPipeline = (typeof CORPUS_PIPELINES)[number];

/**
 * The writer x width table: the same staff extract (CORPUS_SIZE rows, title rows above the header) as each
 * writer writes it, at each width; floor, inflate, ours and SheetJS measured on each, runs interleaved across all of
 * them (a spell of load falls on every cell of the table alike).
 */
async function corpusTable(
  writers: Writer[],
  widths: number[],
  staff: number,
  seed: number,
  runs: number,
  baselineRuns: number,
): Promise<number> {
  const cells: {
    writer: Writer;
    width: number;
    dir: string;
    manifest: Manifest & { xmlBytes: number };
    done: Map<CorpusPipeline, RunResult[]>;
    failures: Map<CorpusPipeline, string>;
  }[] = [];
  for (const width of widths) {
    for (const writer of writers) {
      const { dir, manifest } = await ensureCorpusWorkbook(writer, width, staff, seed);
      cells.push({
        writer,
        width,
        dir,
        manifest,
        done: new Map(CORPUS_PIPELINES.map((p) => [p, []])),
        failures: new Map(),
      });
    }
  }
  const runsOf = (pipeline: CorpusPipeline) => (pipeline === "sheetjs" ? baselineRuns : runs);
  for (let i = 0; i < Math.max(runs, baselineRuns); i++) {
    for (const cell of cells) {
      for (const pipeline of CORPUS_PIPELINES) {
        if (i >= runsOf(pipeline) || cell.failures.has(pipeline)) continue;
        process.stderr.write(`  ${cell.writer} x ${cell.width} ${pipeline} run ${i + 1}/${runsOf(pipeline)} ... `);
        const r = runChild(pipeline, cell.dir);
        if ("error" in r) {
          cell.failures.set(pipeline, r.error);
          process.stderr.write(`failed: ${r.error}\n`);
        } else {
          cell.done.get(pipeline)!.push(r);
          process.stderr.write(`${fmtS(r.ms)}, peak ${fmtMb(r.peakRssMb)} (${r.check})\n`);
        }
      }
    }
  }
  console.log("");
  console.log(
    `Writer x width: the staff extract, ${staff.toLocaleString("en-GB")} rows below 3 title rows; medians of ${runs} interleaved run(s) (SheetJS ${baselineRuns})`,
  );
  console.log("");
  console.log(
    "| writer | columns | xlsx MB | XML MB | floor | inflate | ours | ours / floor (time) | ours / floor (CPU) | ours / inflate (time) | ours peak RSS | SheetJS | SheetJS / ours | SheetJS peak RSS |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  const ratios: number[] = [];
  const inflateRatios: number[] = [];
  const cpuRatios: number[] = [];
  const slower: number[] = [];
  const peaks: number[] = [];
  const checks = new Map<number, Set<string>>();
  let failed = false;
  for (const cell of cells) {
    const get = (p: CorpusPipeline): Summary | null => {
      const rs = cell.done.get(p)!;
      return cell.failures.has(p) || rs.length === 0 ? null : summarise(rs);
    };
    const floorR = get("floor");
    const inflateR = get("inflate");
    const oursR = get("ours");
    const sheetR = get("sheetjs");
    if (!floorR || !oursR) failed = true;
    const ratio = floorR && oursR ? oursR.ms / floorR.ms : null;
    const cpuRatio = floorR && oursR ? oursR.cpuMs / floorR.cpuMs : null;
    const inflateRatio = inflateR && oursR ? oursR.ms / inflateR.ms : null;
    if (inflateRatio !== null) inflateRatios.push(inflateRatio);
    const over = sheetR && oursR ? sheetR.ms / oursR.ms : null;
    if (ratio !== null) ratios.push(ratio);
    if (cpuRatio !== null) cpuRatios.push(cpuRatio);
    if (over !== null) slower.push(over);
    if (oursR) {
      peaks.push(oursR.peakRssMb);
      const seen = checks.get(cell.width) ?? new Set<string>();
      seen.add(oursR.check);
      checks.set(cell.width, seen);
    }
    const fail = (p: CorpusPipeline) => (cell.failures.get(p) ?? "").slice(0, 40);
    const sheetjsCell = sheetR ? fmtS(sheetR.ms) : runsOf("sheetjs") === 0 ? "not run" : `failed ${fail("sheetjs")}`;
    console.log(
      `| ${cell.writer} | ${cell.width} | ${(cell.manifest.bytes / 1e6).toFixed(1)} | ${(cell.manifest.xmlBytes / 1e6).toFixed(1)} | ${floorR ? fmtS(floorR.ms) : `failed ${fail("floor")}`} | ${inflateR ? fmtS(inflateR.ms) : `failed ${fail("inflate")}`} | ${oursR ? fmtS(oursR.ms) : `failed ${fail("ours")}`} | ${ratio?.toFixed(2) ?? ""}x | ${cpuRatio?.toFixed(2) ?? ""}x | ${inflateRatio?.toFixed(2) ?? ""}x | ${oursR ? fmtMb(oursR.peakRssMb) : ""} | ${sheetjsCell} | ${over === null ? "" : `${over.toFixed(1)}x`} | ${sheetR ? fmtMb(sheetR.peakRssMb) : ""} |`,
    );
  }
  if (ratios.length > 0) {
    const med = median(ratios);
    const worst = Math.max(...ratios);
    const least = slower.length ? Math.min(...slower) : NaN;
    const peak = Math.max(...peaks);
    console.log("");
    console.log(
      `Corpus: ours / floor median ${med.toFixed(2)}x (target < 2.5x: ${med < 2.5 ? "met" : "NOT met"}), worst ${worst.toFixed(2)}x (target < 3x: ${worst < 3 ? "met" : "NOT met"}) by time`,
    );
    // CPU time is the steadier figure on a shared machine (wall time waits for other people's work).
    const cpuMed = median(cpuRatios);
    const cpuWorst = Math.max(...cpuRatios);
    console.log(
      `By CPU: median ${cpuMed.toFixed(2)}x (target < 2.5x: ${cpuMed < 2.5 ? "met" : "NOT met"}), worst ${cpuWorst.toFixed(2)}x (target < 3x: ${cpuWorst < 3 ? "met" : "NOT met"})`,
    );
    if (inflateRatios.length > 0) {
      // Our own inflater is faster than fflate's one-call unzip, so against it the same reader shows higher ratios.
      console.log(
        `Against our own inflater (inflate): median ${median(inflateRatios).toFixed(2)}x, worst ${Math.max(...inflateRatios).toFixed(2)}x by time`,
      );
    }
    const sheetjsVerdict = slower.length
      ? `SheetJS / ours at least ${least.toFixed(1)}x (target >= 8x: ${least >= 8 ? "met" : "NOT met"})`
      : "SheetJS not run";
    console.log(
      `${sheetjsVerdict}; our peak RSS at most ${fmtMb(peak)} (target < 250 MB: ${peak < 250 ? "met" : "NOT met"})`,
    );
  }
  // Every writer's workbook of one width is the same extract: our answers must agree.
  for (const [width, seen] of checks) {
    if (seen.size > 1) {
      console.log(`Writers disagree at ${width} columns: ${[...seen].join(" / ")}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/**
 * The tab's run in Chromium's Web Worker against the command line's, both from bytes to results (the issue's
 * "within 2x"), on the 100,000-row trust.
 */
async function workerTable(seed: number, runs: number): Promise<void> {
  const { dir, manifest } = await ensureTrust(100_000, seed);
  console.log("\nThe tab's Web Worker vs the command line, 100,000 staff rows (bytes to results, cold, interleaved):");
  const { workerVsCli } = await import("./indicators-worker-vs-cli");
  const r = await workerVsCli(REPO, dir, manifest.files, runs, () => runChild("ours", dir));
  const worker = median(r.workerMs);
  const cli = median(r.cliMs);
  console.log("");
  console.log("| side | time (median) | runs |");
  console.log("|---|---:|---:|");
  console.log(`| Web Worker (Chromium, the tab's executeRun) | ${fmtS(worker)} | ${r.workerMs.length} |`);
  console.log(
    `| command line (bundled, Node ${process.version}) | ${fmtS(cli)} (CPU ${fmtS(median(r.cliCpuMs))}) | ${r.cliMs.length} |`,
  );
  console.log(
    `Worker / command line: ${(worker / cli).toFixed(2)}x (target within 2x: ${worker / cli <= 2 ? "met" : "NOT met"}); worker's check: ${r.check}`,
  );
}

/** The command line's start-up: `--help` through the launcher against an empty node, and what it loads. */
async function startupTable(): Promise<void> {
  const { measureStartup } = await import("./startup");
  const r = measureStartup(REPO, 7);
  const tsx = r.modules.filter((m) => /(^|\/)(tsx|esbuild)(\/|$)/.test(m));
  const help = median(r.helpCpuMs);
  const empty = median(r.emptyCpuMs);
  const helpWall = median(r.helpMs);
  const met = (ms: number) => (ms < 150 ? "met" : "NOT met");
  console.log("\nThe command line's start-up (node scripts/cli.cjs indicators --help, 7 runs, medians):");
  console.log(
    `--help ${Math.round(helpWall)} ms wall, ${Math.round(help)} ms CPU; an empty node ${Math.round(median(r.emptyMs))} ms wall, ${Math.round(empty)} ms CPU; ` +
      `target under 150 ms: ${met(helpWall)} by wall time, ${met(help)} by CPU`,
  );
  console.log(
    `Modules loaded: ${r.modules.filter((m) => !m.startsWith("node:")).join(", ")}; ${tsx.length === 0 ? "no tsx or esbuild" : `COMPILES AT RUN TIME: ${tsx.join(", ")}`}`,
  );
}

const USAGE = `Usage: npm run bench [-- options]
  --quick                 10,000 and 100,000 staff rows, one run each
  --runs N                runs per pipeline, medians reported (default 3)
  --sizes 10000,100000    trust sizes in staff rows (default 10000,100000,500000)
  --seed N                the generator's seed (default 1)
  --baseline-runs N       SheetJS runs (default: --runs; 1 at 500,000 rows; 0 skips SheetJS in the writer table)
  --writers ours,inline   the writer corpus's writers (default: ours,exceljs,sheetjs,inline,excel,libreoffice)
  --widths 10,22,40       the writer corpus's widths in columns (at least 10)
  --corpus-size N         staff rows in the writer corpus (default 100000)
  --no-corpus             skip the writer x width table
  --no-trust              skip the trust-size table
  --no-worker             skip the Web Worker against the command line
  --no-startup            skip the command line's start-up time
  --help                  this text`;

async function parent(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      runs: { type: "string" },
      sizes: { type: "string" },
      seed: { type: "string", default: "1" },
      "baseline-runs": { type: "string" },
      "no-worker": { type: "boolean", default: false },
      "no-trust": { type: "boolean", default: false },
      "no-corpus": { type: "boolean", default: false },
      "no-startup": { type: "boolean", default: false },
      "corpus-size": { type: "string", default: "100000" },
      writers: { type: "string" },
      widths: { type: "string" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const runs = Number(values.runs ?? (values.quick ? 1 : 3));
  const sizes = (values.sizes ?? (values.quick ? "10000,100000" : "10000,100000,500000")).split(",").map(Number);
  const seed = Number(values.seed);
  if (
    !Number.isInteger(runs) ||
    runs < 1 ||
    sizes.some((s) => !Number.isInteger(s) || s < 1) ||
    !Number.isInteger(seed)
  ) {
    console.error(USAGE);
    return 2;
  }
  // SheetJS at 500,000 rows takes over a minute a run; one run is enough to show the ratio.
  const baselineRuns = (size: number) => Number(values["baseline-runs"] ?? (size >= 500_000 ? 1 : runs));

  await bundleChild();
  console.log(
    `WRES bench: ${runs} run(s) per pipeline (median), Node ${process.version}, ${new Date().toISOString()}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  let status = 0;
  if (!values["no-startup"]) await startupTable();
  if (!values["no-corpus"]) {
    const writers = (values.writers?.split(",") ?? [...WRITERS]) as Writer[];
    const widths = values.widths?.split(",").map(Number) ?? [...WIDTHS];
    const corpusSize = Number(values["corpus-size"]);
    if (
      writers.some((w) => !WRITERS.includes(w)) ||
      widths.some((w) => !Number.isInteger(w) || w < 10) ||
      !Number.isInteger(corpusSize) ||
      corpusSize < 1
    ) {
      console.error(`Usage: --writers ${WRITERS.join(",")} --widths 10,22,40 (at least 10) --corpus-size N`);
      return 2;
    }
    status = await corpusTable(writers, widths, corpusSize, seed, runs, Number(values["baseline-runs"] ?? runs));
    console.log(
      `Load average after the corpus: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  }
  if (values["no-trust"]) {
    if (!values["no-worker"]) await workerTable(seed, runs);
    return status;
  }
  const table: { size: number; manifest: Manifest; results: Partial<Record<Pipeline, Summary | { error: string }>> }[] =
    [];
  for (const size of sizes) {
    const { dir, manifest } = await ensureTrust(size, seed);
    const results: Partial<Record<Pipeline, Summary | { error: string }>> = {};
    // Runs go round the pipelines in turn (floor, ours, ..., floor, ours, ...), so a spell of load on a shared
    // machine falls on all of them alike instead of on whichever pipeline happened to be running.
    const runsOf = (pipeline: Pipeline) => (pipeline === "sheetjs" ? baselineRuns(size) : runs);
    const done = new Map<Pipeline, RunResult[]>(PIPELINES.map((p) => [p, []]));
    const failures = new Map<Pipeline, string>();
    for (let i = 0; i < Math.max(...PIPELINES.map(runsOf)); i++) {
      for (const pipeline of PIPELINES) {
        const n = runsOf(pipeline);
        if (i >= n || failures.has(pipeline)) continue;
        process.stderr.write(`  ${size} ${pipeline} run ${i + 1}/${n} ... `);
        const r = runChild(pipeline, dir);
        if ("error" in r) {
          failures.set(pipeline, r.error);
          process.stderr.write(`failed: ${r.error}\n`);
        } else {
          done.get(pipeline)!.push(r);
          process.stderr.write(`${fmtS(r.ms)}, peak ${fmtMb(r.peakRssMb)} (${r.check})\n`);
        }
      }
    }
    for (const pipeline of PIPELINES) {
      const failure = failures.get(pipeline);
      results[pipeline] = failure !== undefined ? { error: failure } : summarise(done.get(pipeline)!);
    }
    table.push({ size, manifest, results });
  }

  console.log("");
  console.log(
    "| staff rows | all rows | xlsx MB | pipeline | time (median) | CPU (median) | rows/s | peak RSS | over baseline | vs floor (time) | vs floor (CPU) | SheetJS / ours |",
  );
  console.log("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const { size, manifest, results } of table) {
    const allRows = manifest.rows.staff + manifest.rows.applications + manifest.rows.cases + manifest.rows.training;
    const floorMs = results.floor && "ms" in results.floor ? results.floor.ms : null;
    const floorCpu = results.floor && "ms" in results.floor ? results.floor.cpuMs : null;
    const oursMs = results.ours && "ms" in results.ours ? results.ours.ms : null;
    const oursCpu = results.ours && "ms" in results.ours ? results.ours.cpuMs : null;
    for (const pipeline of PIPELINES) {
      const r = results[pipeline];
      const head = `| ${size.toLocaleString("en-GB")} | ${allRows.toLocaleString("en-GB")} | ${(manifest.bytes / 1e6).toFixed(1)} | ${pipeline}`;
      if (!r) continue;
      if ("error" in r) {
        console.log(`${head} | failed: ${r.error.slice(0, 80)} | | | | | | | |`);
        continue;
      }
      const vsFloor = floorMs ? `${(r.ms / floorMs).toFixed(2)}x` : "";
      const vsFloorCpu = floorCpu ? `${(r.cpuMs / floorCpu).toFixed(2)}x` : "";
      const vsOurs =
        pipeline === "sheetjs" && oursMs && oursCpu
          ? `${(r.ms / oursMs).toFixed(1)}x time, ${(r.cpuMs / oursCpu).toFixed(1)}x CPU`
          : "";
      const runsNote = r.runs !== runs ? ` (${r.runs} run)` : "";
      console.log(
        `${head} | ${fmtS(r.ms)}${runsNote} | ${fmtS(r.cpuMs)} | ${fmtRate(allRows, r.ms)} | ${fmtMb(r.peakRssMb)} | ${fmtMb(r.overBaseMb)} | ${vsFloor} | ${vsFloorCpu} | ${vsOurs} |`,
      );
    }
  }

  // Linear growth: time per staff row between consecutive sizes (1.0 = linear; below 1 means fixed
  // start-up costs are being spread; above 1.25 is worse than linear).
  const measured = table.filter((t) => t.results.ours && "ms" in t.results.ours);
  if (measured.length >= 2) {
    console.log("");
    const perRow = (t: (typeof measured)[number], key: "ms" | "cpuMs") => (t.results.ours as Summary)[key] / t.size;
    for (let i = 1; i < measured.length; i++) {
      const a = measured[i - 1]!;
      const b = measured[i]!;
      const parts = (["ms", "cpuMs"] as const).map((key) => {
        const ratio = perRow(b, key) / perRow(a, key);
        return (
          `${key === "ms" ? "time" : "CPU"} per row x${ratio.toFixed(2)} (${(perRow(a, key) * 1000).toFixed(1)} -> ` +
          `${(perRow(b, key) * 1000).toFixed(1)} us/row, ${ratio <= 1.25 ? "linear" : "worse than linear"})`
        );
      });
      console.log(
        `Growth ${a.size.toLocaleString("en-GB")} -> ${b.size.toLocaleString("en-GB")} staff rows: ${parts.join("; ")}`,
      );
    }
  }
  const hundred = table.find((t) => t.size === 100_000);
  if (hundred?.results.ours && "ms" in hundred.results.ours && hundred.results.floor && "ms" in hundred.results.floor) {
    const ratio = hundred.results.ours.ms / hundred.results.floor.ms;
    const cpuRatio = hundred.results.ours.cpuMs / hundred.results.floor.cpuMs;
    console.log(
      `Target: 100,000 rows end to end under 3x the floor: ${ratio.toFixed(2)}x by time, ${cpuRatio.toFixed(2)}x by CPU ${ratio < 3 ? "(met)" : "(NOT met)"}`,
    );
  }
  if (!values["no-worker"]) await workerTable(seed, runs);
  return status;
}

const args = process.argv.slice(2);
if (args[0] === "--generate") {
  const [, writer, width, staff, seed, dir] = args;
  await generateCorpusWorkbook(writer as Writer, Number(width), Number(staff), Number(seed), dir ?? "");
} else if (args[0] === "--child") {
  const pipeline = args[1] as ChildPipeline;
  const dirIndex = args.indexOf("--dir");
  await child(pipeline, args[dirIndex + 1] ?? "");
} else {
  process.exitCode = await parent(args);
}
