import { describe, expect, it } from "vitest";
import {
  afterRun,
  mergeReports,
  mutatedBy,
  withoutStaticSurvivors,
  withoutTimeouts,
  type StrykerReport,
} from "../../mutation/results";

// Two runs number their tests differently; a mutant must still point at the test that killed it.
function run(files: StrykerReport["files"], tests: Record<string, string[]>): StrykerReport {
  let id = 0;
  const testFiles: NonNullable<StrykerReport["testFiles"]> = {};
  for (const [file, names] of Object.entries(tests))
    testFiles[file] = { source: `// ${file}`, tests: names.map((name) => ({ id: String(id++), name })) };
  return { schemaVersion: "1.0", thresholds: { high: 90, low: 85 }, files, testFiles };
}

const mutant = (status: string, killedBy: string[] = []) => ({
  id: "0",
  status,
  mutatorName: "EqualityOperator",
  replacement: "<=",
  location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
  coveredBy: killedBy,
  killedBy,
});

const testName = (report: StrykerReport, id: string) =>
  Object.entries(report.testFiles ?? {}).flatMap(([file, f]) =>
    f.tests.filter((t) => t.id === id).map((t) => `${file}: ${t.name}`),
  )[0];

describe("joining mutation results of several runs", () => {
  it("keeps each run's files and renames every test a mutant points at to the same test in the joined report", () => {
    const first = run(
      { "src/a.ts": { source: "a", mutants: [mutant("Killed", ["1"])] } },
      {
        "test/a.test.ts": ["a one", "a two"],
      },
    );
    const second = run(
      { "src/b.ts": { source: "b", mutants: [mutant("Killed", ["0"])] } },
      {
        "test/b.test.ts": ["b one"],
        "test/a.test.ts": ["a two"],
      },
    );
    const joined = mergeReports([first, second], (path) => ({ "src/a.ts": "a", "src/b.ts": "b" })[path]);

    expect(Object.keys(joined.files)).toEqual(["src/a.ts", "src/b.ts"]);
    const [a] = joined.files["src/a.ts"]!.mutants;
    const [b] = joined.files["src/b.ts"]!.mutants;
    expect(testName(joined, a!.killedBy![0]!)).toBe("test/a.test.ts: a two");
    expect(testName(joined, b!.killedBy![0]!)).toBe("test/b.test.ts: b one");
    expect(a!.id).not.toBe(b!.id);
    expect(joined.testFiles!["test/a.test.ts"]!.tests.map((t) => t.name)).toEqual(["a one", "a two"]);
  });

  it("takes a file from the run that measured the code now on disk, else from the later run", () => {
    const old = run({ "src/a.ts": { source: "old", mutants: [mutant("Survived")] } }, {});
    const now = run({ "src/a.ts": { source: "now", mutants: [mutant("Killed")] } }, {});
    const onDisk = (source: string) => (path: string) => (path === "src/a.ts" ? source : undefined);

    expect(mergeReports([now, old], onDisk("now")).files["src/a.ts"]!.mutants[0]!.status).toBe("Killed");
    expect(mergeReports([old, now], onDisk("old")).files["src/a.ts"]!.mutants[0]!.status).toBe("Survived");
    expect(mergeReports([now, old], onDisk("neither")).files["src/a.ts"]!.mutants[0]!.status).toBe("Survived");
  });

  it("drops the results of a file deleted from the source since it was measured", () => {
    const before = run(
      {
        "src/a.ts": { source: "a", mutants: [mutant("Killed")] },
        "src/gone.ts": { source: "gone", mutants: [mutant("Survived")] },
      },
      {},
    );
    const joined = mergeReports([before], (path) => (path === "src/a.ts" ? "a" : undefined));
    expect(Object.keys(joined.files)).toEqual(["src/a.ts"]);
  });

  it("keeps no machine's paths or run options", () => {
    const report = { ...run({}, {}), projectRoot: "/home/someone/repo", config: { concurrency: 2 } };
    const joined = mergeReports([report]);
    expect(joined).not.toHaveProperty("projectRoot");
    expect(joined).not.toHaveProperty("config");
  });
});

describe("the incremental file a run starts from", () => {
  it("leaves out static survivors, so that tests added since get their chance to kill them", () => {
    const statik = (status: string) => ({ ...mutant(status), static: true });
    const report = run(
      {
        "src/a.ts": {
          source: "a",
          mutants: [statik("Survived"), statik("NoCoverage"), statik("Killed"), mutant("Survived", ["1"])],
        },
      },
      {},
    );
    const kept = withoutStaticSurvivors(report).files["src/a.ts"]!.mutants;
    expect(kept.map((m) => [m.status, m.static ?? false])).toEqual([
      ["Killed", true],
      ["Survived", false],
    ]);
  });

  it("leaves out, when asked, the timeouts of the files the run mutates, and keeps every other file's", () => {
    const report = run(
      {
        "src/a.ts": { source: "a", mutants: [mutant("Timeout"), mutant("Killed", ["1"]), mutant("Survived", ["1"])] },
        "src/b.ts": { source: "b", mutants: [mutant("Timeout")] },
      },
      {},
    );
    const again = withoutTimeouts(report, (path) => path === "src/a.ts");
    expect(again.files["src/a.ts"]!.mutants.map((m) => m.status)).toEqual(["Killed", "Survived"]);
    expect(again.files["src/b.ts"]!.mutants.map((m) => m.status)).toEqual(["Timeout"]);
  });

  it("leaves out a survivor no test covers that an older run recorded without the static mark", () => {
    const report = run(
      { "src/a.ts": { source: "a", mutants: [mutant("Survived"), mutant("NoCoverage"), mutant("Survived", ["1"])] } },
      {},
    );
    const kept = withoutStaticSurvivors(report).files["src/a.ts"]!.mutants;
    expect(kept.map((m) => [m.status, m.coveredBy])).toEqual([
      ["NoCoverage", []],
      ["Survived", ["1"]],
    ]);
  });
});

describe("which files a run mutates", () => {
  it("reads Stryker's --mutate list: paths with line ranges, globs, and patterns that leave files out", () => {
    const mutated = mutatedBy([
      "--mutate",
      "src/workbook/csv.ts:40-52,src/workbook/records/*.ts,!src/workbook/records/staff.ts",
      "--force",
    ]);
    expect(mutated("src/workbook/csv.ts")).toBe(true);
    expect(mutated("src/workbook/records/bank.ts")).toBe(true);
    expect(mutated("src/workbook/records/staff.ts")).toBe(false);
    expect(mutated("src/workbook/xml.ts")).toBe(false);
    expect(mutatedBy(["-m=src/a.ts:1:3-1:5"])("src/a.ts")).toBe(true);
  });

  it("is every file when no --mutate is given", () => {
    expect(mutatedBy(["--force"])("src/workbook/xml.ts")).toBe(true);
  });
});

describe("the results after a run", () => {
  it("keep the entry from before for a file the run did not mutate, although Stryker reports it on today's code", () => {
    const before = run(
      {
        "src/a.ts": { source: "a, measured", mutants: [mutant("Survived")] },
        "src/b.ts": { source: "b, measured", mutants: [mutant("Survived"), mutant("Survived")] },
      },
      {},
    );
    // Stryker tested a.ts, and moved b.ts' old statuses onto b.ts as changed since (one mutant's code removed).
    const stryker = run(
      {
        "src/a.ts": { source: "a, measured", mutants: [mutant("Killed")] },
        "src/b.ts": { source: "b, changed", mutants: [mutant("Survived")] },
      },
      {},
    );
    const onDisk = (path: string) => ({ "src/a.ts": "a, measured", "src/b.ts": "b, changed" })[path];
    const after = afterRun(before, stryker, (path) => path === "src/a.ts", onDisk);

    expect(after.files["src/a.ts"]!.mutants.map((m) => m.status)).toEqual(["Killed"]);
    expect(after.files["src/b.ts"]!.source).toBe("b, measured");
    expect(after.files["src/b.ts"]!.mutants).toHaveLength(2);
  });

  it("are the run's own when there were none before", () => {
    const stryker = run({ "src/a.ts": { source: "a", mutants: [mutant("Killed")] } }, {});
    expect(
      Object.keys(
        afterRun(
          null,
          stryker,
          () => true,
          () => "a",
        ).files,
      ),
    ).toEqual(["src/a.ts"]);
  });
});
