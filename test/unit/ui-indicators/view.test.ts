import { describe, expect, it } from "vitest";
import {
  computeResults,
  suppressResults,
  WRES_STANDARD,
  type Dataset,
  type ResultsDocument,
} from "../../../src/indicators";
import { generateTrust } from "../../../src/demo/trust";
import type { IndicatorNumber, IndicatorResultRow } from "../../../src/plan/types";
import { readWorkbooks } from "../../../src/workbook";
import { BOARD_MEMBERS, shownCounts, smallCountsShown } from "../../support/small-counts";
import { enteredFigure, parseSavedDetail, rowsToSave, savedResults } from "../../../src/ui/indicators/saved-results";
import { exclusionLines, formatBytes } from "../../../src/ui/indicators/view";
import { formatHeadline, HEADLINE_DIRECTION, STANDARD_ID } from "../../../src/ui/indicators/headline";
import { initialThreshold, parseThreshold, THRESHOLD_KEY } from "../../../src/ui/indicators/settings";
import { trendTable } from "../../../src/ui/indicators/trend";

function saved(
  year: string,
  indicator: IndicatorNumber,
  value: number | null,
  origin: "computed" | "entered" = "computed",
): IndicatorResultRow {
  return { id: 0, etag: "1", modified: "", year, standard: "nhs-england-wres", indicator, value, detail: "{}", origin };
}

let trust: { dataset: Dataset; exact: ResultsDocument } | undefined;
/**
 * A 600-staff trust, read and computed by the first test that needs it and kept for the others. Computed as the
 * file loads, the reader's and the indicators' code would run in no test as mutation testing sees it, so each
 * of their mutants would be run against every related test.
 */
function computed() {
  if (!trust) {
    const read = readWorkbooks(generateTrust({ staff: 600, seed: 3, year: "2024/25" }).files);
    trust = { dataset: read, exact: computeResults(read) };
  }
  return trust;
}
const dataset = () => computed().dataset;
const exact = () => computed().exact;

describe("saving results", () => {
  it("refuses an unsuppressed document: only the publishable copy is saved", () => {
    expect(() => rowsToSave(exact(), "2024/25")).toThrow(/suppressed/);
  });

  it("saves one row per indicator with the headline figure and the suppressed detail", () => {
    const publishable = suppressResults(exact());
    const rows = rowsToSave(publishable, "2024/25");
    const main = rows.filter((r) => r.standard === "nhs-england-wres");
    expect(main.map((r) => r.indicator)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The bank workers' figures are rows of their own standard, never among the substantive ones.
    const bank = rows.filter((r) => r.standard === "nhs-england-wres-bank");
    expect(bank.map((r) => r.indicator)).toEqual([1, 3, 4]);
    expect(main.length + bank.length).toBe(rows.length);
    const two = main.find((r) => r.indicator === 2)!;
    expect(two.value).toBe((publishable.indicators["2"] as { value: number }).value);
    expect(parseSavedDetail(two.detail)?.result).toEqual(publishable.indicators["2"]);
    expect(
      main.every((r) => r.origin === "computed" && r.year === "2024/25" && r.standard === "nhs-england-wres"),
    ).toBe(true);
    // A count below 10 never reaches the list, in any indicator or in the Model Employer bands saved with
    // indicator 1. The exact run of a 600-staff trust has such counts in indicators 1, 2 and 3 and in
    // Model Employer (and, with breakdowns on by default, in indicator 4's): each must be hidden (null and
    // marked), not merely marked.
    const exactSmall = Object.values(exact().indicators).flatMap((r) => smallCountsShown(r, 10, [BOARD_MEMBERS]));
    expect(exactSmall.length).toBeGreaterThan(0);
    expect(
      new Set(
        Object.entries(exact().indicators)
          .filter(([, r]) => smallCountsShown(r, 10, [BOARD_MEMBERS]).length > 0)
          .map(([k]) => k),
      ),
    ).toEqual(new Set(["1", "2", "3", "4"])); // 4: in its breakdowns
    expect(smallCountsShown(exact().related.modelEmployer, 10).length).toBeGreaterThan(0);
    for (const row of rows) {
      const detail = JSON.parse(row.detail) as unknown;
      const name = `${row.standard} indicator ${row.indicator}`;
      expect(shownCounts(detail).length, `${name} shows its counts`).toBeGreaterThan(0);
      expect(smallCountsShown(detail, 10, [BOARD_MEMBERS]), name).toEqual([]);
    }
  });
});

describe("saved results read back", () => {
  const listed = (rows: ReturnType<typeof rowsToSave>, modified = "2025-06-01T09:00:00Z"): IndicatorResultRow[] =>
    rows.map((r, i) => ({ ...r, id: i + 1, etag: "1", modified }));

  it("rebuilds the newest computed year as it was saved: same suppressed figures, threshold, who and when", () => {
    const at15 = suppressResults(exact(), 15);
    const rows = [
      ...listed(rowsToSave(suppressResults(exact()), "2023/24")),
      ...listed(rowsToSave(at15, "2024/25", "EDI Lead"), "2025-06-02T10:00:00Z"),
      saved("2025/26", 2, 1.2, "entered"),
    ];
    const back = savedResults(rows)!;
    expect(back.year).toBe("2024/25");
    expect(back.threshold).toBe(15);
    expect(back.doc.suppression?.threshold).toBe(15);
    expect(back.savedBy).toBe("EDI Lead");
    expect(back.savedAt).toBe("2025-06-02T10:00:00Z");
    expect(back.unreadable).toEqual([]);
    for (const k of Object.keys(at15.indicators)) expect(back.doc.indicators[k]).toEqual(at15.indicators[k]);
    expect(back.doc.related.modelEmployer).toEqual(at15.related.modelEmployer);
  });

  it("never shows an exact small count, even from a list item that was saved unsuppressed", () => {
    const raw = Object.entries(exact().indicators).map(([k, r], i): IndicatorResultRow => ({
      ...saved("2024/25", Number(k) as IndicatorNumber, null),
      id: i,
      detail: JSON.stringify(r),
    }));
    const back = savedResults(raw)!;
    // Saved before the threshold was recorded: the default, 10.
    expect(back.threshold).toBe(10);
    expect(back.doc.indicators["1"]).toEqual(suppressResults(exact()).indicators["1"]);
    // Every indicator, not only the first: each small count of the exact run is hidden (null and marked), and
    // no count from 1 to 9 is shown anywhere.
    expect(Object.keys(back.doc.indicators)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    const small = Object.entries(exact().indicators).flatMap(([k, r]) =>
      smallCountsShown(r, 10, [BOARD_MEMBERS]).map((c) => `${k}${c.path}`),
    );
    expect(small.some((p) => p.startsWith("2/")) && small.some((p) => p.startsWith("3/"))).toBe(true);
    for (const p of small) {
      const [k, ...rest] = p.split("/");
      const field = rest.pop()!;
      const owner = rest.reduce<unknown>(
        (o, key) => (o as Record<string, unknown>)[key],
        back.doc.indicators[k!],
      ) as Record<string, unknown> & { suppressed?: Record<string, string> };
      expect(owner[field], p).toBeNull();
      expect(owner.suppressed?.[field], p).toBe("hidden");
    }
    expect(smallCountsShown(back.doc.indicators, 10, [BOARD_MEMBERS])).toEqual([]);
  });

  it("leaves out a damaged detail and says which, and has nothing to show without a computed year", () => {
    const rows = listed(rowsToSave(suppressResults(exact()), "2024/25"));
    rows[1] = { ...rows[1]!, detail: "{not json" };
    rows[2] = { ...rows[2]!, detail: JSON.stringify({ kind: "relative-likelihood", value: 2 }) };
    const back = savedResults(rows)!;
    expect(back.unreadable).toEqual([2, 3]);
    expect(Object.keys(back.doc.indicators)).toEqual(["1", "4", "5", "6", "7", "8", "9"]);
    expect(savedResults([saved("2024/25", 2, 1.3, "entered")])).toBeNull();
    expect(parseSavedDetail(JSON.stringify({ kind: "entered", value: 1.3 }))).toBeNull();
  });
});

describe("the small-number threshold setting", () => {
  it("takes a whole number from 5 to 50", () => {
    expect(parseThreshold(" 15 ")).toBe(15);
    expect(parseThreshold("5")).toBe(5);
    expect(parseThreshold("4")).toBeNull();
    expect(parseThreshold("51")).toBeNull();
    expect(parseThreshold("7.5")).toBeNull();
    expect(parseThreshold("")).toBeNull();
  });

  it("starts from this browser's choice, else the newest saved results' threshold, else 10", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const back = savedResults(
      rowsToSave(suppressResults(exact(), 20), "2024/25").map((r, i) => ({ ...r, id: i, etag: "1", modified: "" })),
    );
    expect(initialThreshold(storage, null)).toBe(10);
    expect(initialThreshold(storage, back)).toBe(20);
    store.set(THRESHOLD_KEY, "12");
    expect(initialThreshold(storage, back)).toBe(12);
    store.set(THRESHOLD_KEY, "2");
    expect(initialThreshold(storage, null)).toBe(10);
  });
});

describe("the year-on-year trend", () => {
  it("puts years in order and judges each move by the indicator's direction of good", () => {
    const table = trendTable([
      saved("2024/25", 2, 1.3),
      saved("2023/24", 2, 1.6, "entered"),
      saved("2023/24", 1, 20.1),
      saved("2024/25", 1, 19.5),
      saved("2023/24", 5, 30),
      saved("2024/25", 5, 27.5),
      saved("2023/24", 9, -12),
      saved("2024/25", 9, -15),
      saved("2024/25", 3, 0.7),
      saved("2023/24", 3, 1.3),
    ]);
    expect(table.years).toEqual(["2023/24", "2024/25"]);
    const trend = (i: number) => table.rows.find((r) => r.indicator === i)!.cells[1]!.trend;
    expect(trend(1)).toBe("worsened"); // BME share fell: higher is better
    expect(trend(2)).toBe("improved"); // 1.6 -> 1.3, closer to parity
    expect(trend(3)).toBe("worsened"); // 1.3 -> 0.7: further from 1 on the log scale (|ln 0.7| > |ln 1.3|)
    expect(trend(5)).toBe("improved"); // lower is better
    expect(trend(9)).toBe("worsened"); // further from zero
    expect(table.rows.find((r) => r.indicator === 2)!.cells[0]).toMatchObject({
      trend: "not-comparable",
      origin: "entered",
    });
  });

  it("treats a change invisible at display precision as unchanged and a gap year as not comparable", () => {
    const table = trendTable([
      saved("2022/23", 2, 1.501),
      saved("2023/24", 2, 1.499),
      saved("2022/23", 4, 1.2),
      saved("2024/25", 4, 1.1),
    ]);
    const two = table.rows.find((r) => r.indicator === 2)!;
    expect(two.cells[1]!.trend).toBe("unchanged");
    const four = table.rows.find((r) => r.indicator === 4)!;
    expect(four.cells[1]).toBeNull();
    expect(four.cells[2]!.trend).toBe("not-comparable");
  });

  it("ignores other standards", () => {
    expect(trendTable([{ ...saved("2024/25", 1, 5), standard: "nhs-england-wdes" }]).years).toEqual([]);
  });
});

describe("display helpers", () => {
  it("formats headlines as relative likelihoods, percentages and points", () => {
    expect(formatHeadline(2, 1.4681)).toBe("1.47");
    expect(formatHeadline(1, 27.46)).toBe("27.5%");
    expect(formatHeadline(9, -19.85)).toBe("-19.9 pp");
    expect(formatHeadline(9, 0.01)).toBe("0.0 pp");
    expect(formatHeadline(3, null)).toBe("–");
  });

  it("reads each headline's good direction from the standard, so the trend's arrows and the documents' agree with it", () => {
    expect(STANDARD_ID).toBe("nhs-england-wres");
    expect(HEADLINE_DIRECTION).toEqual({
      1: "higher",
      2: "towards-one",
      3: "towards-one",
      4: "towards-one",
      5: "lower",
      6: "lower",
      7: "higher",
      8: "lower",
      9: "towards-zero",
    });
    for (const def of WRES_STANDARD.indicators)
      expect(HEADLINE_DIRECTION[Number(def.id) as IndicatorNumber]).toBe(def.direction);
  });

  it("lists exclusions by file, sheet and reason", () => {
    const lines = exclusionLines(dataset().sheets);
    expect(lines.find((l) => l.reason === "bank-only")).toMatchObject({ sheet: "Staff in Post" });
    expect(lines.every((l) => l.rows > 0)).toBe(true);
  });

  it("formats sizes", () => {
    expect(formatBytes(512, "en-GB")).toBe("512 B");
    expect(formatBytes(172306, "en-GB")).toBe("168.3 KB");
    expect(formatBytes(12.9 * 1024 * 1024, "en-GB")).toBe("12.9 MB");
  });
});

describe("figures entered by hand from published reports", () => {
  it("accepts a financial year, an indicator and the published figure", () => {
    expect(enteredFigure({ year: "2022/23", indicator: "2", value: "1.54" })).toEqual({
      row: {
        year: "2022/23",
        standard: "nhs-england-wres",
        indicator: 2,
        value: 1.54,
        detail: JSON.stringify({ kind: "entered", value: 1.54 }),
        origin: "entered",
      },
    });
    expect(enteredFigure({ year: " 2021/22 ", indicator: "1", value: "13.3%" })).toMatchObject({
      row: { value: 13.3, indicator: 1 },
    });
    expect(enteredFigure({ year: "2021/22", indicator: "9", value: "-4,5 pp" })).toMatchObject({
      row: { value: -4.5 },
    });
  });

  it("says which part is wrong", () => {
    expect(enteredFigure({ year: "2022", indicator: "2", value: "1" })).toEqual({ error: "year" });
    expect(enteredFigure({ year: "2022/24", indicator: "2", value: "1" })).toEqual({ error: "year" });
    expect(enteredFigure({ year: "2022/23", indicator: "10", value: "1" })).toEqual({ error: "indicator" });
    expect(enteredFigure({ year: "2022/23", indicator: "2", value: "0" })).toEqual({ error: "value" });
    expect(enteredFigure({ year: "2022/23", indicator: "5", value: "130" })).toEqual({ error: "value" });
    expect(enteredFigure({ year: "2022/23", indicator: "5", value: "" })).toEqual({ error: "value" });
  });
});
