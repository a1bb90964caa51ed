// Runs the indicators command as a user would (node + tsx, real files in a temp folder).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { generateTrust } from "../../src/demo/trust";
import { writeXlsx } from "../../src/demo/xlsx-writer";

const REPO = resolve(import.meta.dirname, "..", "..");
// The loader by absolute URL: the command runs from a temp folder, as a user's would run from theirs.
const TSX = pathToFileURL(join(REPO, "node_modules", "tsx", "dist", "loader.mjs")).href;
let dir: string;
let data: string;

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, ["--import", TSX, join(REPO, "src", "cli", "indicators.ts"), ...args], {
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
  dir = mkdtempSync(join(tmpdir(), "wres-cli-"));
  data = join(dir, "data");
  mkdirSync(data);
  for (const f of generateTrust({ staff: 3000, seed: 11 }).files) writeFileSync(join(data, f.name), f.bytes);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run indicators", () => {
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
  });

  it("uses one year of cases for indicator 3 with --single-year", () => {
    const r = cli("data", "--json", "--single-year");
    expect(r.status).toBe(0);
    const rl3 = JSON.parse(r.stdout).indicators["3"];
    expect(rl3.basis).toBe("single-year");
    expect(rl3.years).toEqual(["2024/25"]);
  });

  it("prints a Markdown report with suppression by default", () => {
    const r = cli(join(data, "staff-in-post-2024-25.xlsx"), join(data, "recruitment-2024-25.xlsx"));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# /m);
    expect(r.stdout).toMatch(/^## /m);
    expect(r.stdout).toMatch(/Indicator 2/);
  });

  it("prints the publishable JSON with --json --suppressed", () => {
    const r = cli("data", "--json", "--suppressed", "--threshold", "20");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).suppression.threshold).toBe(20);
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
    for (const f of generateTrust({ staff: 3000, seed: 12, year: "2023/24" }).files) writeFileSync(join(prevDir, f.name), f.bytes);
    const prev = cli("prev", "--json");
    expect(prev.status).toBe(0);
    writeFileSync(join(dir, "prev.json"), prev.stdout);
    const r = cli("data", "--json", "--previous", "prev.json");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.comparison.previousPeriod).toBe("2023/24");
    expect(doc.comparison.items.length).toBeGreaterThan(0);
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
    expect(lines[0]).toMatch(/^error: long\.xlsx, sheet "Staff": the sheet has more than 10 rows.*the file was not used/);
    expectNoStackTrace(r.stderr);
    // Within the limit the same file is read.
    expect(cli("long.xlsx", "--json", "--max-rows", "31").status).toBe(0);
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
