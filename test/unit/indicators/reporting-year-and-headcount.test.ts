// Which year a dataset reports on, which aggregated rows make the headcount, and how a record that carries only
// an employee number finds its group: each seen through what the results document shows (the period, the
// workforce BME % that indicator 9 compares the board with, data completeness).
import { describe, expect, it } from "vitest";
import { computeResults, type BoardResult } from "../../../src/indicators";
import type { Cohort } from "../../../src/indicators";
import { aggregate, dataset, disciplinary, staffMany, training } from "./fixtures";

const VOTING = aggregate("board-voting", 9, 1, 0);

/** The workforce BME % indicator 9 uses, from the staff aggregates given. */
function workforceBmePct(rows: ReturnType<typeof aggregate>[], period?: string): number | null {
  const doc = computeResults(dataset({ aggregates: [...rows, VOTING] }), period ? { period } : {});
  return (doc.indicators["9"] as BoardResult).voting.workforceBmePct;
}

describe("the headcount from staff aggregates", () => {
  const band = (b: string, white: number, bme: number) => aggregate("staff", white, bme, 0, { band: b });
  const cohort = (c: Cohort, white: number, bme: number) => aggregate("staff", white, bme, 0, { cohort: c });

  it("takes the overall row when there is one, not the band rows under it", () => {
    expect(workforceBmePct([band("5", 10, 10), aggregate("staff", 70, 30, 0), band("6", 5, 15)])).toBe(30);
  });

  it("adds up the band rows when there is no overall row, leaving out rows of a cohort only", () => {
    expect(workforceBmePct([band("5", 40, 10), cohort("medical", 5, 5), band("6", 40, 10)])).toBe(20);
  });

  it("adds up cohort rows when there are neither", () => {
    expect(workforceBmePct([cohort("medical", 8, 2), cohort("non-clinical", 12, 8)])).toBeCloseTo((10 / 30) * 100, 12);
  });
});

describe("the year of aggregated rows", () => {
  const staffIn = (year: string | null, white: number, bme: number) => aggregate("staff", white, bme, 0, { year });

  it("uses the reporting year's rows, and rows without a year as the reporting year's", () => {
    const rows = [staffIn("2023/24", 90, 10), staffIn("2024/25", 80, 20)];
    expect(workforceBmePct(rows, "2024/25")).toBe(20);
    expect(workforceBmePct(rows, "2023/24")).toBe(10);
    expect(workforceBmePct([staffIn("2023/24", 90, 10), staffIn(null, 75, 25)], "2024/25")).toBe(25);
    expect(workforceBmePct([staffIn("2023/24", 90, 10), staffIn(null, 70, 30)], "2023/24")).toBeCloseTo(
      (40 / 200) * 100,
      12,
    );
  });

  it("uses the latest year present when nothing says which year is reported, whatever the order of the rows", () => {
    expect(workforceBmePct([staffIn("2023/24", 80, 20), staffIn("2022/23", 90, 10)])).toBe(20);
    expect(
      workforceBmePct([staffIn("2022/23", 90, 10), staffIn(null, 50, 50), staffIn("2023/24", 80, 20)]),
    ).toBeCloseTo((70 / 200) * 100, 12);
  });

  it("has no headcount when no row is of the year reported", () => {
    const doc = computeResults(dataset({ aggregates: [staffIn("2022/23", 90, 10), VOTING] }), { period: "2024/25" });
    expect((doc.indicators["9"] as BoardResult).voting).toMatchObject({
      workforceBmePct: null,
      reason: "missing-input",
    });
  });
});

describe("the reporting year, when the data do not name it", () => {
  it("is the latest financial year a case starts in, whatever the order of the cases", () => {
    const staff = staffMany(4, "white");
    const dated = (startDate: string | null) => disciplinary("white", { startDate });
    expect(
      computeResults(dataset({ staff, cases: [dated("2024-05-01"), dated(null), dated("2023-06-01")] })).period,
    ).toBe("2024/25");
    expect(
      computeResults(dataset({ staff, cases: [dated("2023-06-01"), dated("2025-03-31"), dated(null)] })).period,
    ).toBe("2024/25");
    expect(computeResults(dataset({ staff, cases: [dated(null)] })).period).toBeNull();
  });

  it("takes the snapshot date before the cases", () => {
    const cases = [disciplinary("white", { startDate: "2022-06-01" })];
    expect(computeResults(dataset({ staff: staffMany(2, "white"), cases, snapshotDate: "2024-03-31" })).period).toBe(
      "2023/24",
    );
  });
});

describe("a record that carries only an employee number", () => {
  const staff = [...staffMany(3, "bme"), ...staffMany(1, "white")];
  const anon = (personId: string | null, extra = {}) => training("unknown", { personId, ...extra });

  it("takes the group of that person in staff in post, and stays unknown when they are not there or not named", () => {
    const q = computeResults(
      dataset({
        staff,
        training: [anon(staff[0]!.personId), anon(staff[3]!.personId), anon("NOT-IN-POST"), anon(null)],
      }),
    ).dataQuality;
    expect(q.inputs.training).toMatchObject({ records: 4, unknown: 2 });
  });

  it("uses the reader's join when there is one: a person joined to no one is unknown, whatever their number", () => {
    const q = computeResults(
      dataset({
        staff,
        training: [
          anon(staff[0]!.personId, { staff: null }),
          anon("X1", { staff: staff[1] }),
          anon("X2", { staff: staff[3] }),
        ],
      }),
    ).dataQuality;
    expect(q.inputs.training).toMatchObject({ records: 3, unknown: 1 });
  });

  it("keeps a record's own group before the person's", () => {
    const q = computeResults(dataset({ staff, training: [training("white", { personId: staff[0]!.personId })] }));
    expect(q.dataQuality.inputs.training).toMatchObject({ unknown: 0 });
    expect(q.indicators["4"]).toMatchObject({ white: { count: 1 }, bme: { count: 0 } });
  });
});
