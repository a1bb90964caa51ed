// A saved indicator's detail must fit SharePoint's multiple-lines-of-text column (63,999 characters): the
// breakdowns that do not fit are left out whole, named in the detail, and everything else is saved as it was.
import { describe, expect, it } from "vitest";
import type { BreakdownTable, ResultsDocument } from "../../../src/indicators";
import { publishedTrustResults } from "../../support/published-trust";
import { MAX_NOTE_LENGTH } from "../../../src/plan";
import {
  breakdownsLeftOut,
  parseSavedDetail,
  rowsToSave,
  savedResults,
} from "../../../src/ui/indicators/saved-results";
import {
  DetailTooLongError,
  keepRecordedBreaks,
  MAX_BREAK_REASON,
  recordedBreak,
  withRecordedBreak,
} from "../../../src/ui/indicators/series";

let publishedDoc: ResultsDocument | undefined;
/**
 * An 800-staff trust's published results, computed by the first test that needs them and kept for the others.
 * Computed as the file loads, the reader's and the indicators' code would run in no test as mutation testing
 * sees it, so each of their mutants would be run against every related test.
 */
function published(): ResultsDocument {
  publishedDoc ??= publishedTrustResults(800, 5);
  return publishedDoc;
}

/** A directorate table of `n` directorates, each with 20 White, 12 BME and 1 unknown member of staff. */
function directorates(n: number, dimension: "directorate" | "division" = "directorate"): BreakdownTable {
  const rows = Array.from({ length: n }, (_, i) => `${dimension} number ${i + 1} of the trust`);
  const cells = Object.fromEntries(
    rows.map((r) => [r, { white: { count: 20 }, bme: { count: 12 }, unknown: { count: 1 }, total: { count: 33 } }]),
  );
  return {
    dimension,
    rows,
    columns: ["white", "bme", "unknown", "total"],
    sides: { white: "reference", bme: "focus", unknown: "unknown" },
    cells,
  };
}

function withTables(extra: BreakdownTable[]): ResultsDocument {
  const doc = structuredClone(published());
  const i1 = doc.indicators["1"] as { breakdowns?: BreakdownTable[] };
  i1.breakdowns = [...(i1.breakdowns ?? []).filter((t) => !extra.some((e) => e.dimension === t.dimension)), ...extra];
  return doc;
}

const dimensionsOf = (x: unknown) =>
  ((x as { breakdowns?: BreakdownTable[] }).breakdowns ?? []).map((t) => t.dimension);

describe("saved details within SharePoint's note limit", () => {
  it("saves every breakdown when the detail fits, and says nothing was left out", () => {
    const rows = rowsToSave(published(), "2024/25");
    for (const row of rows) expect(row.detail.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
    const i1 = parseSavedDetail(rows.find((r) => r.indicator === 1)!.detail)!;
    expect(dimensionsOf(i1.result)).toEqual(dimensionsOf(published().indicators["1"]));
    expect(i1.publication).not.toHaveProperty("breakdownsLeftOut");
    expect(breakdownsLeftOut(rows)).toEqual({});
  });

  it("leaves out whole breakdowns, the largest kinds first, until the detail fits, and names them", () => {
    // 600 directorates and 600 divisions: about 90,000 characters each, far over the limit together.
    const doc = withTables([directorates(600), directorates(600, "division")]);
    expect(JSON.stringify(doc.indicators["1"]).length).toBeGreaterThan(MAX_NOTE_LENGTH * 2);
    const rows = rowsToSave(doc, "2024/25");
    const row = rows.find((r) => r.indicator === 1)!;
    expect(row.detail.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
    const back = parseSavedDetail(row.detail)!;
    expect(back.publication?.breakdownsLeftOut).toEqual(["division", "directorate"]);
    // What was kept is kept whole: the ethnic groups with their figures as published.
    const kept = dimensionsOf(back.result);
    expect(kept).toContain("ethnic-group");
    expect(kept).not.toContain("directorate");
    const group = (x: unknown) =>
      (x as { breakdowns: BreakdownTable[] }).breakdowns.find((t) => t.dimension === "ethnic-group");
    expect(group(back.result)).toEqual(group(doc.indicators["1"]));
    expect(back.result.kind).toBe("representation");
    expect(breakdownsLeftOut(rows)).toEqual({ 1: ["division", "directorate"] });
    // The other indicators are untouched.
    expect(breakdownsLeftOut(rows.filter((r) => r.indicator !== 1))).toEqual({});
    // Read back as the tab reads a saved year: the left-out breakdowns are named for the screen.
    const saved = savedResults(rows.map((r, i) => ({ ...r, id: i + 1, etag: "1", modified: "2025-06-01T10:00:00Z" })))!;
    expect(saved.leftOut).toEqual({ 1: ["division", "directorate"] });
    expect(saved.unreadable).toEqual([]);
  });

  it("leaves out one breakdown only when that is enough", () => {
    const rows = rowsToSave(withTables([directorates(500, "division")]), "2024/25");
    const back = parseSavedDetail(rows.find((r) => r.indicator === 1)!.detail)!;
    expect(back.publication?.breakdownsLeftOut).toEqual(["division"]);
    expect(dimensionsOf(back.result)).toEqual(dimensionsOf(published().indicators["1"]));
  });

  it("refuses to save, with a message naming the indicator, a detail too long even without breakdowns", () => {
    const doc = structuredClone(published());
    const rl = doc.indicators["3"] as { cautions: string[] };
    rl.cautions = Array.from({ length: 8000 }, () => "small-numbers");
    expect(() => rowsToSave(doc, "2024/25")).toThrow(
      /Indicator 3's results are \d+ characters long; SharePoint holds at most 63999/,
    );
  });
});

describe("a break recorded on a saved detail near the limit", () => {
  /** The largest n in [1, high] for which `fits(n)` holds (it holds for 1 and not for high). */
  function largest(high: number, fits: (n: number) => boolean): number {
    let low = 1;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (fits(mid)) low = mid;
      else high = mid;
    }
    return low;
  }

  const indicator1 = (doc: ResultsDocument) => rowsToSave(doc, "2024/25").find((r) => r.indicator === 1)!;
  const leftOutOf = (detail: string) => parseSavedDetail(detail)!.publication?.breakdownsLeftOut;

  /** Indicator 1's saved detail with a division table as large as fits `short` characters under the limit. */
  function nearLimit(short: number): string {
    const detailOf = (n: number) => indicator1(withTables([directorates(n, "division")])).detail;
    const n = largest(1000, (k) => {
      const detail = detailOf(k);
      return leftOutOf(detail) === undefined && detail.length <= MAX_NOTE_LENGTH - short;
    });
    const detail = detailOf(n);
    expect(detail.length).toBeGreaterThan(MAX_NOTE_LENGTH - short - 200);
    return detail;
  }
  // A reason near the longest kept (255): longer than the room a division row leaves under the limit.
  const reason =
    "NHS England changed how the indicator is calculated from this year onwards: the denominator is now the " +
    "headcount at 31 March, not the average over the year, and bank staff are counted apart, so this year " +
    "cannot be compared with the years before it.";

  it("gives up the division table when the break would not otherwise fit, keeps the rest and the break, and names it", () => {
    expect(reason.length).toBeLessThanOrEqual(MAX_BREAK_REASON);
    const detail = nearLimit(20);
    const recorded = withRecordedBreak(detail, { reason, by: "EDI Lead" });
    expect(recorded.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
    expect(recordedBreak(recorded)).toEqual({ reason, by: "EDI Lead" });
    const back = parseSavedDetail(recorded)!;
    expect(back.publication?.breakdownsLeftOut).toEqual(["division"]);
    expect(dimensionsOf(back.result)).toEqual(dimensionsOf(published().indicators["1"]));
    expect(back.publication?.threshold).toBe(10);
    // The year computed and saved again keeps the break, within the limit.
    const fresh = indicator1(withTables([directorates(1, "division")]));
    const [again] = keepRecordedBreaks(
      [{ ...fresh, detail }],
      [{ ...fresh, detail: recorded, id: 1, etag: "1", modified: "2025-06-01T10:00:00Z" }],
    );
    expect(again!.detail.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
    expect(recordedBreak(again!.detail)?.reason).toBe(reason);
  });

  it("leaves a detail with room for the break as it was, beside the break", () => {
    const detail = nearLimit(1000);
    const recorded = withRecordedBreak(detail, { reason, by: null });
    expect(leftOutOf(recorded)).toBeUndefined();
    expect(withRecordedBreak(recorded, null)).toBe(detail);
  });

  it("refuses a break that cannot fit even without breakdowns", () => {
    const doc = structuredClone(published());
    const rl = doc.indicators["3"] as { cautions: string[] };
    const detailOf = (n: number) => {
      rl.cautions = Array.from({ length: n }, () => "small-numbers");
      try {
        return rowsToSave(doc, "2024/25").find((r) => r.indicator === 3)!.detail;
      } catch {
        return null;
      }
    };
    const detail = detailOf(largest(8000, (n) => detailOf(n) !== null))!;
    expect(detail.length).toBeGreaterThan(MAX_NOTE_LENGTH - 20);
    expect(() => withRecordedBreak(detail, { reason, by: null })).toThrow(DetailTooLongError);
  });
});
