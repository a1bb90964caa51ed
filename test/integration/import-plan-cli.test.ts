// Runs `npm run -s import-plan` as an admin would (the prebuilt bundle through scripts/cli.cjs, real files in a temp folder): every
// plan of the corpus prints what the tab's preview would write; bad files get one line and exit 1.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planJson } from "../../src/plan/import";
import { previewPlanFile } from "../../src/ui/year/import-protocol";
import { CORPUS } from "../unit/plan-import/corpus";

const REPO = resolve(import.meta.dirname, "..", "..");
// The shipped form, as `npm run import-plan` runs it: the launcher and its prebuilt bundle (built in beforeAll).
const LAUNCHER = join(REPO, "scripts", "cli.cjs");
let dir: string;

function cli(...args: string[]) {
  const out = spawnSync(process.execPath, [LAUNCHER, "import-plan", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, WRES_DEBUG: "" },
  });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

beforeAll(() => {
  // What `npm ci` does (the prepare script), so every test runs the bundle of the sources as they are.
  const built = spawnSync(process.execPath, [join(REPO, "scripts", "build-cli.mjs")], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`building the command line failed: ${built.stderr}`);
  dir = mkdtempSync(join(tmpdir(), "wres-import-plan-"));
  for (const plan of CORPUS) writeFileSync(join(dir, plan.file), plan.bytes());
  writeFileSync(join(dir, "damaged.xlsx"), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  writeFileSync(join(dir, "empty.docx"), new Uint8Array(0));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run -s import-plan", () => {
  it.each(CORPUS.map((p) => [p.file, p] as const))(
    "%s: --json agrees with the tab's preview and the structure written by hand",
    { timeout: 30_000 },
    (_file, plan) => {
      const { status, stdout, stderr } = cli(plan.file, "--json");
      expect(stderr).toBe("");
      expect(status).toBe(0);
      const printed = JSON.parse(stdout) as ReturnType<typeof planJson>;
      const reply = previewPlanFile({
        type: "parse",
        name: plan.file,
        bytes: plan.bytes().slice().buffer as ArrayBuffer,
        planYear: null,
        corrections: {},
      });
      if (reply.type !== "parsed") throw new Error(reply.message);
      expect(printed).toEqual(planJson(reply.result));
      expect(printed.year).toBe(plan.expected.year);
      expect(printed.objectives.map((o) => [o.number, o.title, o.actions.length])).toEqual(
        plan.expected.objectives.map((o) => [o.number, o.title, o.actions.length]),
      );
      expect(Object.keys(printed)).toEqual(["year", "objectives", "rows", "warnings"]);
    },
  );

  it("prints a readable outline without --json", () => {
    const { status, stdout } = cli("Plan 2024-25.xlsx");
    expect(status).toBe(0);
    expect(stdout).toContain("Plan 2024-25.xlsx: plan year 2024/25 (from the title)");
    expect(stdout).toContain("5 objectives, 11 actions");
    expect(stdout).toContain("1. Leadership and accountability");
    expect(stdout).toContain(
      "  2.1 Diverse interview panels for band 8a and above [Head of Resourcing; 2024-12-31; Amber]",
    );
  });

  it.each([
    ["damaged.xlsx", /damaged\.xlsx is not a readable workbook/],
    ["empty.docx", /^empty\.docx is empty\.$/],
    ["missing.xlsx", /^missing\.xlsx: no such file\.$/],
  ])("%s: one line, exit 1", (file, message) => {
    const { status, stdout, stderr } = cli(file);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });

  it("a usage mistake exits 2", () => {
    expect(cli().status).toBe(2);
    expect(cli("a.xlsx", "--frobnicate").status).toBe(2);
  });
});
