// Standards are data: a minimal Workforce Disability Equality Standard written with the same
// primitives, and computed without any change to them.
import { beforeEach, describe, expect, it } from "vitest";
import {
  computeResults,
  renderMarkdown,
  suppressResults,
  WRES_STANDARD,
  type BoardResult,
  type RelativeLikelihoodResult,
  type RepresentationResult,
  type Side,
  type Standard,
} from "../../../src/indicators";
import type { ResultsDocument, StaffRecord } from "../../../src/indicators";
import { dataset, disciplinary, staffMany } from "./fixtures";

const disabilitySide = (s: StaffRecord): Side => {
  const v = s.disability?.trim().toLowerCase();
  return v === "yes" ? "focus" : v === "no" ? "reference" : "unknown";
};

const WDES: Standard<"nonDisabled", "disabled"> = {
  id: "nhs-england-wdes",
  labelKey: "nhs-england-wdes",
  groups: { reference: "nonDisabled", focus: "disabled" },
  groupLabelKeys: { reference: "group.nonDisabled", focus: "group.disabled", unknown: "group.unknown" },
  // Only staff in post carries disability; cases join to it on the person identifier.
  classify: { staff: disabilitySide },
  indicators: [
    { id: "1", kind: "representation", labelKey: "wdes.1", direction: "higher" },
    {
      id: "4",
      kind: "relative-likelihood",
      labelKey: "wdes.4",
      measure: { source: "cases", caseType: "capability", rollingTwoYears: true, aggregate: "disciplinary" },
      numerator: "focus",
      direction: "towards-one",
    },
    { id: "9", kind: "board-difference", labelKey: "wdes.9", direction: "towards-zero" },
  ],
  adverseBand: WRES_STANDARD.adverseBand,
  completeness: { caution: 5, unreliable: 20 },
  related: { modelEmployer: null, raceDisparity: false },
};

describe("a second standard as data (WDES)", () => {
  const disabled = staffMany(40, "white", { band: "5" }, { disability: "Yes" });
  const nonDisabled = staffMany(150, "bme", { band: "5" }, { disability: "No" });
  const notSaid = staffMany(10, "white", { band: "8a" }, { disability: null });
  const board = staffMany(4, "white", { band: "VSM" }, { disability: "No", board: { voting: true, executive: true } });
  const boardDisabled = staffMany(
    1,
    "white",
    { band: "VSM" },
    { disability: "Yes", board: { voting: true, executive: false } },
  );
  const staff = [...disabled, ...nonDisabled, ...notSaid, ...board, ...boardDisabled];
  const capability = [
    ...disabled
      .slice(0, 4)
      .map((s) => ({ ...disciplinary("unknown", { personId: s.personId }), caseType: "capability" as const })),
    ...nonDisabled
      .slice(0, 6)
      .map((s) => ({ ...disciplinary("unknown", { personId: s.personId }), caseType: "capability" as const })),
  ];
  let doc: ResultsDocument<"nonDisabled", "disabled">;
  beforeEach(() => {
    doc = computeResults(dataset({ staff, cases: capability }), { standard: WDES });
  });

  it("counts representation by disability with the same tables", () => {
    expect(doc.standard).toBe("nhs-england-wdes");
    expect(doc.groups).toEqual({ reference: "nonDisabled", focus: "disabled" });
    const r = doc.indicators["1"] as RepresentationResult<"nonDisabled", "disabled">;
    expect(r.overall).toMatchObject({ nonDisabled: 154, disabled: 41, unknown: 10, total: 205 });
    expect(r.overall.disabledPct).toBeCloseTo((41 / 205) * 100, 12);
    expect(r.cohorts["non-clinical"]["5"]).toMatchObject({ disabled: 40, nonDisabled: 150 });
  });

  it("computes a relative likelihood of entering the capability process, joining cases to staff", () => {
    const rl = doc.indicators["4"] as RelativeLikelihoodResult<"nonDisabled", "disabled">;
    expect(rl.disabled).toMatchObject({ count: 4, of: 41 });
    expect(rl.nonDisabled).toMatchObject({ count: 6, of: 154 });
    expect(rl.value).toBeCloseTo(4 / 41 / (6 / 154), 12);
    expect(rl.method).toContain("(Disabled rate) / (Non-disabled rate)");
  });

  it("compares the board with the workforce under the standard's own key names", () => {
    const b = doc.indicators["9"] as BoardResult<"nonDisabled", "disabled">;
    expect(b.voting.boardDisabledPct).toBeCloseTo(20, 12);
    expect(b.voting.workforceDisabledPct).toBeCloseTo((41 / 205) * 100, 12);
  });

  it("leaves out what the standard does not define, and suppresses and renders the same way", () => {
    expect(doc.indicators["2"]).toBeUndefined();
    expect(doc.related).toEqual({});
    const published = suppressResults(doc);
    const rl = published.indicators["4"] as RelativeLikelihoodResult<"nonDisabled", "disabled">;
    expect(rl.disabled.count).toBeNull();
    const md = renderMarkdown(doc);
    expect(md).toContain("| Group | Non-disabled | Disabled | Unknown | Total |");
    expect(md).toContain("## Indicator 4");
  });
});
