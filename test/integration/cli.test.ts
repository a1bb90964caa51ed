// Runs the indicators command as a user would (the prebuilt bundle through scripts/cli.cjs, real files in a temp folder).
import { spawnSync } from "node:child_process";
import {
  closeSync,
  cpSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { performance } from "node:perf_hooks";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { generateTrust } from "../../src/demo/trust";
import { writeXlsx } from "../../src/demo/xlsx-writer";
import { reportOnPage, SAMPLE, samplePage } from "../support/sample-report";
import { BOARD_MEMBERS, shownCounts, smallCountsShown } from "../support/small-counts";
import { declareEntrySize } from "../support/zip";

const REPO = resolve(import.meta.dirname, "..", "..");
// The loader by absolute URL: the command runs from a temp folder, as a user's would run from theirs.
// The shipped form, as `npm run indicators` runs it: the launcher and its prebuilt bundle (built in beforeAll).
const LAUNCHER = join(REPO, "scripts", "cli.cjs");
let dir: string;
let data: string;

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, [LAUNCHER, "indicators", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, WRES_DEBUG: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/please report/);
}

beforeAll(() => {
  // What `npm ci` does (the prepare script), so every test runs the bundle of the sources as they are.
  const built = spawnSync(process.execPath, [join(REPO, "scripts", "build-cli.mjs")], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`building the command line failed: ${built.stderr}`);
  dir = mkdtempSync(join(tmpdir(), "wres-cli-"));
  data = join(dir, "data");
  mkdirSync(data);
  for (const f of generateTrust({ staff: 3000, seed: 11 }).files) writeFileSync(join(data, f.name), f.bytes);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run indicators", () => {
  it("runs the prebuilt bundle: no TypeScript is compiled when the command runs", () => {
    const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.indicators).toBe("node scripts/cli.cjs indicators");
    expect(pkg.scripts["import-plan"]).toBe("node scripts/cli.cjs import-plan");
    expect(pkg.scripts.prepare).toBe("node scripts/build-cli.mjs");
    const bundle = join(REPO, "build", "cli", "indicators.cjs");
    const before = statSync(bundle).mtimeMs;
    const r = cli("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run -s indicators --/);
    // A bundle as new as its sources is run as it is, not built again.
    expect(statSync(bundle).mtimeMs).toBe(before);
  });

  it("builds the bundle on its first run when there is none (a checkout where npm's prepare step did not run)", () => {
    // A checkout of its own, so this repository's bundle, used by the other tests, is left alone.
    const checkout = join(dir, "checkout");
    mkdirSync(checkout);
    cpSync(join(REPO, "scripts"), join(checkout, "scripts"), { recursive: true });
    for (const file of ["package.json", "tsconfig.json"]) cpSync(join(REPO, file), join(checkout, file));
    for (const link of ["src", "node_modules"]) symlinkSync(join(REPO, link), join(checkout, link));
    const launcher = join(checkout, "scripts", "cli.cjs");
    const first = spawnSync(process.execPath, [launcher, "indicators", "--help"], { cwd: dir, encoding: "utf8" });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Usage: npm run -s indicators --/);
    const bundle = join(checkout, "build", "cli", "indicators.cjs");
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(join(checkout, "build", "cli", "import-plan.cjs"))).toBe(true);
  });

  it("starts from two files, the launcher and its bundle (pako and papaparse inside it); exceljs only for --xlsx", () => {
    const hook = join(dir, "list-modules.cjs");
    writeFileSync(
      hook,
      `process.on("exit", () => process.stderr.write("\\nLOADED " + JSON.stringify(Object.keys(require.cache))));`,
    );
    const loaded = (...args: string[]) => {
      const out = spawnSync(process.execPath, ["--require", hook, LAUNCHER, "indicators", ...args], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(out.status).toBe(0);
      const list = out.stderr.slice(out.stderr.lastIndexOf("\nLOADED ") + "\nLOADED ".length);
      return (JSON.parse(list) as string[]).filter((file) => file !== hook);
    };
    expect(loaded("--help")).toEqual([LAUNCHER, join(REPO, "build", "cli", "indicators.cjs")]);
    const withXlsx = loaded("data", "--xlsx", "modules.xlsx");
    expect(withXlsx.some((file) => file.includes(join("node_modules", "exceljs")))).toBe(true);
    // exceljs brings its own older pako (under jszip); ours is the one at the top of node_modules.
    const packages = ["pako", "papaparse"].map((name) => join(REPO, "node_modules", name) + sep);
    expect(withXlsx.filter((file) => packages.some((p) => file.includes(p)))).toEqual([]);
  });

  it("prints the results document with indicators 1 to 9 for a folder of demo workbooks", () => {
    const r = cli("data", "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.standard).toBe("nhs-england-wres");
    expect(doc.period).toBe("2024/25");
    expect(Object.keys(doc.indicators).sort()).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    const overall = doc.indicators["1"].overall;
    expect(overall.white + overall.bme + overall.unknown).toBe(overall.total);
    expect(overall.bmePct).toBeGreaterThan(15);
    expect(overall.bmePct).toBeLessThan(40);
    // The demo trust appoints BME applicants less often: RL2 above 1.
    expect(doc.indicators["2"].value).toBeGreaterThan(1);
    expect(doc.indicators["2"].white.of).toBeGreaterThan(0);
    expect(doc.indicators["3"].bme.of).toBeGreaterThan(0); // cases joined to staff in post by employee number
    expect(doc.indicators["3"].basis).toBe("two-year-pooled"); // the demo ER extract spans two years
    expect(doc.indicators["9"].voting.boardBmePct).not.toBeNull();
    expect(doc.suppression).toBeNull();
    // The exact document says, inside itself, who it is for.
    expect(doc.audience).toBe("exact");
    expect(doc.notice).toMatch(/for submission to NHS England and for the board\. Not for publication/);
  });

  it("uses one year of cases for indicator 3 with --single-year", () => {
    const r = cli("data", "--json", "--single-year");
    expect(r.status).toBe(0);
    const rl3 = JSON.parse(r.stdout).indicators["3"];
    expect(rl3.basis).toBe("single-year");
    expect(rl3.years).toEqual(["2024/25"]);
  });

  it("prints a Markdown report with suppression by default: a small count shows as the mark *, never its value", () => {
    const files = [join(data, "staff-in-post-2024-25.xlsx"), join(data, "recruitment-2024-25.xlsx")];
    const r = cli(...files);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# /m);
    expect(r.stdout).toMatch(/^## Indicator 2/m);
    // A non-clinical band whose BME headcount is below 10 (from the exact document of the same files).
    const exact = JSON.parse(cli(...files, "--json").stdout) as {
      indicators: { "1": { cohorts: { "non-clinical": Record<string, { bme: number; total: number }> } } };
    };
    const bands = Object.entries(exact.indicators["1"].cohorts["non-clinical"]).filter(
      ([, c]) => c.bme > 0 && c.bme < 10 && c.total >= 10,
    );
    expect(bands.length).toBeGreaterThan(0);
    const section = r.stdout.slice(r.stdout.indexOf("### Non-clinical staff"), r.stdout.indexOf("### Clinical staff"));
    for (const [band, counts] of bands) {
      const line = section.split("\n").find((l) => l.startsWith(`| ${band === "VSM" ? "VSM" : `Band ${band}`} |`));
      expect(line, `band ${band}`).toBeDefined();
      // Columns: band, White, BME, Unknown, Total.
      const cells = line!
        .split("|")
        .map((c) => c.trim())
        .slice(1, -1);
      expect(cells[2]).toMatch(/^\*/);
      expect(cells[2]).not.toContain(String(counts.bme));
      expect(cells[4]).toBe(counts.total.toLocaleString("en-GB"));
    }
  });

  it("prints the publishable JSON with --json --suppressed", () => {
    const r = cli("data", "--json", "--suppressed", "--threshold", "20");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.suppression.threshold).toBe(20);
    expect(doc.audience).toBe("protected");
    // The exact figures of the same files have counts from 1 to 19 (in indicators 1 to 3 and Model Employer):
    // the protected copy hides each (null, marked), says how many it hid, and shows no count that small.
    const exact = JSON.parse(cli("data", "--json").stdout);
    const small = smallCountsShown(exact.indicators, 20, [BOARD_MEMBERS]);
    expect(small.length).toBeGreaterThan(10);
    for (const { path } of small) {
      const parts = path.split("/").slice(1);
      const field = parts.pop()!;
      const owner = parts.reduce((o, k) => o[k], doc.indicators);
      expect(owner[field], path).toBeNull();
      expect(owner.suppressed?.[field], path).toBe("hidden");
    }
    expect(doc.suppression.hidden).toBeGreaterThanOrEqual(small.length);
    expect(smallCountsShown(doc.indicators, 20, [BOARD_MEMBERS])).toEqual([]);
    expect(smallCountsShown(doc.related, 20)).toEqual([]);
    // Not everything hidden: the counts of 20 or more still show.
    expect(shownCounts(doc.indicators["1"]).length).toBeGreaterThan(20);
  });

  it("prints the indicators broken down with --breakdown: protected tables, hidden cells marked, exact figures where shown", () => {
    const r = cli(data, "--breakdown", "gender");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Breakdown by gender/);
    expect(r.stdout).toMatch(/\| gender \| White \| BME \| Unknown \| Total \|/);
    // Each row of indicator 1 as the exact document counts it, where it is shown; a hidden figure is the mark.
    const exact = JSON.parse(cli(data, "--json", "--breakdown", "gender").stdout) as {
      indicators: Record<
        string,
        {
          breakdowns?: {
            dimension: string;
            rows: string[];
            cells: Record<string, Record<string, { count: number }>>;
          }[];
        }
      >;
    };
    const gender = exact.indicators["1"]!.breakdowns!.find((t) => t.dimension === "gender")!;
    const female = r.stdout.split("\n").find((l) => l.startsWith("| Female |"))!;
    const total = gender.cells.female!.total!.count;
    expect(female).toContain(`| ${total.toLocaleString("en-GB")} (100.0%) |`);
    expect(r.stdout).toContain("*");
    // The tables come from the protected copy, whose breakdowns show no small count.
    const published = JSON.parse(cli(data, "--json", "--suppressed", "--breakdown", "gender").stdout) as {
      indicators: Record<string, { breakdowns?: unknown[] }>;
    };
    expect(published.indicators["1"]!.breakdowns!.length).toBeGreaterThan(0);
    expect(smallCountsShown(published, 10, [BOARD_MEMBERS])).toEqual([]);
    expect(shownCounts(published).filter((c) => c.path.includes("/breakdowns/")).length).toBeGreaterThan(50);
    const bad = cli(data, "--breakdown", "postcode");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--breakdown is one of ethnic-group, .*, not "postcode"/);
  });

  it("carries every breakdown by default (report, workbook, --json, --json --suppressed), none with --no-breakdowns", async () => {
    type Doc = {
      audience: string;
      indicators: Record<string, { breakdowns?: { dimension: string }[]; teamsWithoutFocus?: unknown }>;
    };
    const dims = (doc: Doc, id: string) => doc.indicators[id]?.breakdowns?.map((t) => t.dimension) ?? [];
    const exact = JSON.parse(cli(data, "--json").stdout) as Doc;
    const published = JSON.parse(cli(data, "--json", "--suppressed").stdout) as Doc;
    for (const doc of [exact, published]) {
      expect(dims(doc, "1")).toEqual(
        expect.arrayContaining(["ethnic-group", "ethnic-category", "gender", "directorate"]),
      );
      for (const id of ["2", "3", "4"]) expect(dims(doc, id).length).toBeGreaterThan(0);
    }
    // The protected copy's breakdowns show no small count; the headline figures are those of a run without them.
    expect(smallCountsShown(published, 10, [BOARD_MEMBERS])).toEqual([]);
    const bare = JSON.parse(cli(data, "--json", "--suppressed", "--no-breakdowns").stdout) as Doc & {
      suppression: { hidden: number };
    };
    for (const id of ["1", "2", "3", "4"]) expect(bare.indicators[id]).not.toHaveProperty("breakdowns");
    expect(bare.indicators["1"]).not.toHaveProperty("teamsWithoutFocus");
    for (const [id, r] of Object.entries(published.indicators)) {
      const { breakdowns, teamsWithoutFocus, ...rest } = r;
      void breakdowns;
      void teamsWithoutFocus;
      expect(rest, `indicator ${id}`).toEqual(bare.indicators[id]);
    }
    // The Markdown report has a breakdowns section (one sub-heading per dimension); without: none.
    const report = cli(data);
    expect(report.status).toBe(0);
    expect(report.stdout).toMatch(/^## Breakdowns$/m);
    expect(report.stdout).toMatch(/^### By gender$/m);
    expect(report.stdout).toMatch(/^### By directorate$/m);
    expect(report.stdout.indexOf("## Breakdowns")).toBeLessThan(report.stdout.indexOf("## Data quality"));
    expect(cli(data, "--no-breakdowns").stdout).not.toMatch(/^## Breakdowns$/m);
    // The workbook gets a sheet per dimension.
    expect(cli(data, "--xlsx", "with.xlsx").status).toBe(0);
    expect(cli(data, "--xlsx", "without.xlsx", "--no-breakdowns").status).toBe(0);
    const sheets = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(dir, file)) as unknown as ArrayBuffer);
      return wb.worksheets.map((w) => w.name);
    };
    expect(await sheets("with.xlsx")).toEqual(
      expect.arrayContaining(["By gender", "By directorate", "By ethnic group"]),
    );
    expect((await sheets("without.xlsx")).filter((n) => n.startsWith("By "))).toEqual([]);
    // --breakdown still prints one dimension; it cannot go with --no-breakdowns.
    expect(cli(data, "--breakdown", "gender").stdout).toMatch(/^# Breakdown by gender/);
    const both = cli(data, "--breakdown", "gender", "--no-breakdowns");
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--breakdown .* --no-breakdowns/);
  });

  it("writes the results workbook with --xlsx", async () => {
    const r = cli("data", "--xlsx", "results.xlsx", "--organisation", "Demo Trust");
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("results.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "results.xlsx")) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe("Summary");
    expect(wb.getWorksheet("1 Workforce")).toBeDefined();
    expect(String(wb.worksheets[0]!.getCell("A1").value)).toContain("Demo Trust");
  });

  it("compares with a previous year's document", () => {
    const prevDir = join(dir, "prev");
    mkdirSync(prevDir, { recursive: true });
    for (const f of generateTrust({ staff: 3000, seed: 12, year: "2023/24" }).files)
      writeFileSync(join(prevDir, f.name), f.bytes);
    const prev = cli("prev", "--json");
    expect(prev.status).toBe(0);
    writeFileSync(join(dir, "prev.json"), prev.stdout);
    const r = cli("data", "--json", "--previous", "prev.json");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.comparison.previousPeriod).toBe("2023/24");
    // Each headline figure of this year against the same figure of last year's document: both as the
    // documents give them, the change between them, and which way is better for that indicator.
    const previous = JSON.parse(prev.stdout);
    const figure = (d: { indicators: Record<string, unknown> }, indicator: string, measure: string) =>
      measure
        .split(".")
        .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], d.indicators[indicator]) as
        number | null;
    const items = doc.comparison.items as {
      indicator: string;
      measure: string;
      current: number | null;
      previous: number | null;
      change: number | null;
      trend: string;
    }[];
    const expected = [
      ["1", "overall.bmePct"],
      ["1", "senior.8a-VSM.bmePct"],
      ["2", "value"],
      ["3", "value"],
      ["4", "value"],
      ["5", "bmePct"],
      ["5", "gap"],
      ["9", "voting.difference"],
    ];
    for (const [indicator, measure] of expected) {
      const item = items.find((i) => i.indicator === indicator && i.measure === measure);
      expect(item, `${indicator} ${measure}`).toBeDefined();
      const now = figure(doc, indicator!, measure!);
      const then = figure(previous, indicator!, measure!);
      expect(now, `${indicator} ${measure} this year`).not.toBeNull();
      expect(then, `${indicator} ${measure} last year`).not.toBeNull();
      expect(item!.current).toBe(now);
      expect(item!.previous).toBe(then);
      expect(item!.change).toBeCloseTo(now! - then!, 9);
    }
    // The direction of good, per indicator, judged here from the figures at their shown precision.
    const shown = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
    const judge = (item: (typeof items)[number], better: (now: number, then: number) => boolean, places: number) => {
      const now = shown(item.current!, places);
      const then = shown(item.previous!, places);
      return now === then ? "unchanged" : better(now, then) ? "improved" : "worsened";
    };
    const byMeasure = (indicator: string, measure: string) =>
      items.find((i) => i.indicator === indicator && i.measure === measure)!;
    // Indicator 1: a higher BME share is better.
    expect(byMeasure("1", "overall.bmePct").trend).toBe(judge(byMeasure("1", "overall.bmePct"), (n, t) => n > t, 1));
    // Indicators 2 to 4: nearer parity (1) is better, on the log scale.
    for (const k of ["2", "3", "4"])
      expect(byMeasure(k, "value").trend, k).toBe(
        judge(byMeasure(k, "value"), (n, t) => Math.abs(Math.log(n)) < Math.abs(Math.log(t)), 2),
      );
    // Indicator 5 (harassment from the public): lower is better; its gap, nearer zero.
    expect(byMeasure("5", "bmePct").trend).toBe(judge(byMeasure("5", "bmePct"), (n, t) => n < t, 1));
    expect(byMeasure("5", "gap").trend).toBe(judge(byMeasure("5", "gap"), (n, t) => Math.abs(n) < Math.abs(t), 1));
    // Indicator 9: a board difference nearer zero is better.
    expect(byMeasure("9", "voting.difference").trend).toBe(
      judge(byMeasure("9", "voting.difference"), (n, t) => Math.abs(n) < Math.abs(t), 1),
    );
    // The two demo years differ (another seed), so some figures moved each way or at least moved.
    expect(items.filter((i) => i.trend === "improved" || i.trend === "worsened").length).toBeGreaterThan(3);
  });

  it("prints, for the commands docs/sample-report.md gives, the report the page shows", () => {
    const page = samplePage();
    const { staff, organisation, thisYear, lastYear } = SAMPLE;
    const commands = [
      "npm run -s demo-data -- --out this-year",
      `npm run -s demo-data -- --out last-year --seed ${lastYear.seed} --year ${lastYear.year}`,
      "npm run -s indicators -- last-year --json > last-year.json",
      `npm run -s indicators -- this-year --previous last-year.json --organisation "${organisation}"`,
    ];
    for (const command of commands) expect(page).toContain(`\n${command}\n`);
    // What demo-data writes: its default trust (2,000 staff, seed 1, 2024/25), and the year before with seed 2.
    for (const [folder, year] of [
      ["this-year", thisYear],
      ["last-year", lastYear],
    ] as const) {
      mkdirSync(join(dir, folder));
      for (const f of generateTrust({ staff, ...year }).files) writeFileSync(join(dir, folder, f.name), f.bytes);
    }
    const last = cli("last-year", "--json");
    expect(last.status).toBe(0);
    writeFileSync(join(dir, "last-year.json"), last.stdout);
    const r = cli("this-year", "--previous", "last-year.json", "--organisation", organisation);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd()).toBe(reportOnPage()?.trimEnd());
  });

  it("names the file of a corrupt workbook in one line and exits 1", () => {
    writeFileSync(join(dir, "corrupt.xlsx"), Buffer.from("PK\u0003\u0004 this is not really a zip file at all"));
    const r = cli("corrupt.xlsx");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("corrupt.xlsx");
    expectNoStackTrace(r.stderr);
  });

  it("stops with exit 1 and one line, not partial results, when a sheet has more rows than can be read", () => {
    const rows: (string | number)[][] = [["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group"]];
    for (let i = 1; i <= 30; i++) rows.push([String(10000 + i), "A", "Band 5", "Administrative and Clerical"]);
    writeFileSync(join(dir, "long.xlsx"), writeXlsx([{ name: "Staff", rows }]));
    const r = cli("long.xlsx", "--json", "--max-rows", "10");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: long\.xlsx, sheet "Staff": the sheet has more than 10 rows.*the file was not used/,
    );
    expectNoStackTrace(r.stderr);
    // Within the limit the same file is read.
    expect(cli("long.xlsx", "--json", "--max-rows", "31").status).toBe(0);
  });

  it("reports a row-level problem on one line naming file, sheet, row and column, excludes the row and exits 0", () => {
    writeFileSync(
      join(dir, "applications.xlsx"),
      writeXlsx([
        {
          name: "Applications",
          rows: [
            ["Ethnic Group", "Shortlisted", "Appointed"],
            ...Array.from({ length: 30 }, (_, i) => ["A White - British", "Yes", i < 10 ? "Yes" : "No"]),
            ["N Black or Black British - African", "No", "Yes"], // row 32: appointed without being shortlisted
            ...Array.from({ length: 20 }, (_, i) => [
              "N Black or Black British - African",
              "Yes",
              i < 4 ? "Yes" : "No",
            ]),
          ],
        },
      ]),
    );
    const r = cli("applications.xlsx", "--json");
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(
        /^error: applications\.xlsx, sheet "Applications", row 32, column C \(Appointed\): .*appointed but not shortlisted.*excluded/,
      ),
    ]);
    expectNoStackTrace(r.stderr);
    const doc = JSON.parse(r.stdout);
    expect(doc.dataQuality.exclusions).toEqual({ "appointed-not-shortlisted": 1 });
    expect(doc.indicators["2"].bme).toMatchObject({ count: 4, of: 20 });
  });

  it("does not call rows kept without a date 'excluded' in the line that sums up the problems not listed", () => {
    writeFileSync(
      join(dir, "dates.xlsx"),
      writeXlsx([
        {
          name: "Applications",
          rows: [
            ["Ethnic Group", "Shortlisted", "Appointed", "Date Applied"],
            // 25 unreadable dates (rows kept without a date) and 3 appointed-not-shortlisted (rows excluded).
            ...Array.from({ length: 25 }, (_, i) => ["A White - British", "Yes", "No", `TBC ${i}`]),
            ...Array.from({ length: 3 }, () => ["N Black or Black British - African", "No", "Yes", "01/05/2024"]),
            ...Array.from({ length: 12 }, () => ["N Black or Black British - African", "Yes", "No", "01/05/2024"]),
          ],
        },
      ]),
    );
    const r = cli("dates.xlsx", "--json");
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split("\n");
    // The first 20 warnings are listed; 5 warnings (rows kept) and 3 errors (rows excluded) are not.
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe(
      "... and 3 row problems that excluded the row (counted and excluded; see dataQuality in --json), and 5 warnings about rows that were kept and counted, not listed",
    );
    const doc = JSON.parse(r.stdout);
    expect(doc.dataQuality.rowsExcluded).toBe(3);
  });

  it("refuses a run whose files add up to more than it reads, before reading any, in one line", () => {
    const big = join(dir, "big");
    mkdirSync(big, { recursive: true });
    // Sparse files: 2 x 600 MB on paper, no disk and no time to make.
    for (const name of ["a.csv", "b.csv"]) {
      const fd = openSync(join(big, name), "w");
      ftruncateSync(fd, 600_000_000);
      closeSync(fd);
    }
    const t0 = performance.now();
    const r = cli("big");
    const ms = performance.now() - t0;
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      "The 2 files given add up to 1,200 MB, more than the 1,000 MB one run reads; nothing was read. Run on fewer files at a time (a trust's full set of extracts at 500,000 staff is about 40 MB).",
    ]);
    // Refused from the sizes alone: reading 1.2 GB would take far longer than starting the command (about 1 s).
    expect(ms).toBeLessThan(10_000);
    expectNoStackTrace(r.stderr);
    rmSync(big, { recursive: true, force: true });
  });

  it("names a password-protected workbook in one line and exits 1", () => {
    // An encrypted OOXML package is a CFB (OLE) file with an EncryptionInfo stream.
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const stream = "EncryptionInfo";
    for (let k = 0; k < stream.length; k++) cfb[1024 + 2 * k] = stream.charCodeAt(k);
    writeFileSync(join(dir, "protected.xlsx"), cfb);
    const r = cli("protected.xlsx", "--json");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: protected\.xlsx is password-protected\. Remove the password/);
    expectNoStackTrace(r.stderr);
  });

  it("refuses a zip bomb in one line and exits 1", () => {
    // A small workbook whose sheet says it unpacks to 600 MB, over the 512 MB limit: refused before inflating.
    const files = unzipSync(writeXlsx([{ name: "Staff", rows: [["Employee Number", "Ethnic Origin", "Pay Band"]] }]));
    files["xl/worksheets/sheet1.xml"] = new Uint8Array(2_000_000).fill(32);
    const zip = zipSync(files, { level: 9 });
    writeFileSync(join(dir, "bomb.xlsx"), declareEntrySize(zip, "xl/worksheets/sheet1.xml", 600_000_000));
    const r = cli("bomb.xlsx");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: bomb\.xlsx would expand to more than \d+ MB when opened/);
    expectNoStackTrace(r.stderr);
  });

  it("names the sheet and the missing column when a staff extract lacks ethnicity", () => {
    const bytes = writeXlsx([
      {
        name: "Staff in Post",
        rows: [
          ["Staff in Post - Snapshot 31/03/2025"],
          ["Employee Number", "Pay Band", "Staff Group", "Assignment Category", "Primary Assignment"],
          ["10000001", "Band 5", "Nursing and Midwifery Registered", "Permanent", "Yes"],
          ["10000002", "Band 6", "Administrative and Clerical", "Permanent", "Yes"],
        ],
      },
    ]);
    writeFileSync(join(dir, "no-ethnicity.xlsx"), bytes);
    const r = cli("no-ethnicity.xlsx");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("no-ethnicity.xlsx");
    expect(r.stderr).toContain('sheet "Staff in Post"');
    expect(r.stderr.toLowerCase()).toContain("ethnic");
    expectNoStackTrace(r.stderr);
  });

  it("gives usage errors exit 2 and missing files exit 1", () => {
    expect(cli().status).toBe(2);
    const bad = cli("data", "--threshold", "ten");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--threshold");
    expect(cli("data", "--bogus").status).toBe(2);
    const missing = cli("nowhere.xlsx");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("nowhere.xlsx");
    expectNoStackTrace(missing.stderr);
    expect(existsSync(join(dir, "nowhere.xlsx"))).toBe(false);
  });
});
