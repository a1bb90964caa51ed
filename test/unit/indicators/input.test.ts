// The indicators' input vocabulary: which broad group and WRES group each national ethnic category code is
// in, the bands and subgroups in the order reports list them, and an empty dataset to fill.
import { describe, expect, it } from "vitest";
import { AFC_BANDS, MEDICAL_SUBGROUPS, broadOfCode, emptyDataset, groupOfBroad } from "../../../src/indicators";

describe("ethnic category codes", () => {
  it("put each national code in its broad group (NHS Data Dictionary)", () => {
    const broad = Object.fromEntries([..."ABCDEFGHJKLMNPRSZ"].map((c) => [c, broadOfCode(c)]));
    expect(broad).toEqual({
      A: "white",
      B: "white",
      C: "white",
      D: "mixed",
      E: "mixed",
      F: "mixed",
      G: "mixed",
      H: "asian",
      J: "asian",
      K: "asian",
      L: "asian",
      M: "black",
      N: "black",
      P: "black",
      R: "other",
      S: "other",
      Z: "unknown",
    });
  });

  it("know no other letter", () => {
    for (const c of ["I", "O", "Q", "T", "X", "Y", "99", "", "AB", "HJ"]) expect(broadOfCode(c)).toBe("unknown");
  });

  it("put White in White, unknown in unknown, and every other broad group in BME", () => {
    expect(groupOfBroad("white")).toBe("white");
    expect(groupOfBroad("unknown")).toBe("unknown");
    for (const b of ["mixed", "asian", "black", "other"] as const) expect(groupOfBroad(b)).toBe("bme");
  });
});

describe("bands, subgroups and datasets", () => {
  it("list the Agenda for Change bands and medical subgroups in the order reports show them", () => {
    expect(AFC_BANDS).toEqual(["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9", "VSM"]);
    expect(MEDICAL_SUBGROUPS).toEqual(["consultant", "non-consultant-career-grade", "trainee", "other"]);
  });

  it("start a dataset with no records, sources, issues, period or snapshot, each one its own", () => {
    const a = emptyDataset();
    expect(a).toEqual({
      staff: [],
      applications: [],
      cases: [],
      training: [],
      board: [],
      survey: [],
      aggregates: [],
      sheets: [],
      issues: [],
      period: null,
      snapshotDate: null,
    });
    a.staff.push({} as never);
    expect(emptyDataset().staff).toEqual([]);
  });
});
