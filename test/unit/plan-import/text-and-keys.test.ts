// The small text rules under the plan import: tidying cells, comparing titles, import keys,
// indicator and High Impact Action references, squeezing a sparse sheet, and cutting text at a word.
import { describe, expect, it } from "vitest";
import { compactSheet, MAX_PLAN_COLUMNS } from "../../../src/plan/import/compact";
import { actionKey, normaliseNumber, objectiveKey, titleFingerprint } from "../../../src/plan/import/keys";
import { shortenAtWord } from "../../../src/plan/import/limits";
import {
  highImpactActionsInText,
  indicatorsInCell,
  indicatorsInText,
  unionIndicators,
} from "../../../src/plan/import/references";
import { cellText, comparable, fingerprint, oneLine, orNull, tidyLines } from "../../../src/plan/import/text";
import type { GridCell } from "../../../src/plan/import";

describe("cell text", () => {
  it("reads empty cells as no text and numbers in their shortest form", () => {
    expect([cellText(null), cellText(undefined), cellText("x"), cellText(1.1), cellText(3)]).toEqual([
      "",
      "",
      "x",
      "1.1",
      "3",
    ]);
  });

  it("tidies multi-line cells: any line ending, no-break spaces, runs of spaces and tabs, blank lines", () => {
    expect(tidyLines("  Pairs  matched \r\n\r\n\t First\t\treview \rdone\u00a0well\n \n")).toBe(
      "Pairs matched\nFirst review\ndone well",
    );
    expect(oneLine("Head of EDI\n  Chief People Officer ")).toBe("Head of EDI Chief People Officer");
    expect(oneLine("Head of EDI\nChief People Officer", "; ")).toBe("Head of EDI; Chief People Officer");
  });

  it("takes Unicode's line and paragraph separators, as pasted text may hold them, for line breaks", () => {
    expect(tidyLines("Pairs matched\u2028First review \u2029\u2029done")).toBe("Pairs matched\nFirst review\ndone");
    expect(oneLine("Head of EDI\u2028Chief People Officer")).toBe("Head of EDI Chief People Officer");
  });

  it("keeps 'nothing written' apart from a value", () => {
    expect(orNull("")).toBeNull();
    expect(orNull("x")).toBe("x");
  });

  it("compares titles whatever their case, accents, punctuation and spacing", () => {
    expect(comparable("  Fair   Recruitment! ")).toBe("fair recruitment");
    expect(comparable("Ymgysylltu â'r staff")).toBe("ymgysylltu a r staff");
    expect(comparable("Café")).toBe(comparable("cafe"));
    expect(comparable("-- ")).toBe("");
  });

  it("fingerprints text with 32-bit FNV-1a as eight hex digits", () => {
    expect(fingerprint("")).toBe("811c9dc5");
    expect(fingerprint("a")).toBe("e40c292c");
    expect(fingerprint("t0")).toBe("0944ee69");
    expect(titleFingerprint("Fair  Recruitment!")).toBe(fingerprint("fair recruitment"));
  });
});

describe("import keys", () => {
  it("reduces a plan number to its digits and dots, whatever word or punctuation goes with it", () => {
    expect(
      [" 2.3 ", "1.", "1...", "Objective 1", "objective. 2", "Objective3", "PRIORITY 3", "Aim 4", "Goal 5"].map(
        normaliseNumber,
      ),
    ).toEqual(["2.3", "1", "1", "1", "2", "3", "3", "4", "5"]);
    expect(
      ["Theme 6", "Workstream 7", "Amcan 8", "Action 1.2", "Ref 9", "No. 3", "1 )", "2 . 1"].map(normaliseNumber),
    ).toEqual(["6", "7", "8", "1.2", "9", "3", "1", "2.1"]);
    expect(normaliseNumber("Step 1")).toBe("step1");
  });

  it("gives the same key to the same number and title however they are written, and tells objectives from actions", () => {
    expect(objectiveKey({ number: "Objective 1.", title: "Fair  recruitment" })).toBe(
      objectiveKey({ number: "1", title: "FAIR recruitment!" }),
    );
    expect(objectiveKey({ number: "1", title: "Fair recruitment" })).toBe(
      `objective:1:${fingerprint("fair recruitment")}`,
    );
    expect(actionKey({ number: "1.1", title: "Panels" })).toBe(`action:1.1:${fingerprint("panels")}`);
  });
});

describe("indicator and High Impact Action references", () => {
  it("reads lists and ranges of indicators in a plan's words", () => {
    expect(indicatorsInText("Indicators 1-4")).toEqual([1, 2, 3, 4]);
    expect(indicatorsInText("WRES metrics 2 to 4")).toEqual([2, 3, 4]);
    expect(indicatorsInText("Metrics 5, 6, 7 and 8")).toEqual([5, 6, 7, 8]);
    expect(indicatorsInText("Metric 1 and Metric 9")).toEqual([1, 9]);
    expect(indicatorsInText("Ind. 3 & ind 2")).toEqual([2, 3]);
    expect(indicatorsInText("indicator no. 4; WRES 6 / 7")).toEqual([4, 6, 7]);
  });

  it("does not read years, percentages, decimals or other frameworks' goals as indicators", () => {
    expect(indicatorsInText("WRES 2020")).toEqual([]);
    expect(indicatorsInText("indicator 5% rise")).toEqual([]);
    expect(indicatorsInText("metric 2.5")).toEqual([]);
    expect(indicatorsInText("EDS goal 3")).toEqual([]);
  });

  it("reads an indicator column's bare numbers, and nothing from other words", () => {
    expect(indicatorsInCell("1, 3")).toEqual([1, 3]);
    expect(indicatorsInCell("2 and 4-5")).toEqual([2, 4, 5]);
    expect(indicatorsInCell("Indicator 6")).toEqual([6]);
    expect(indicatorsInCell("see row 3")).toEqual([]);
    expect(indicatorsInCell("5, reviewed 2023")).toEqual([]);
  });

  it("names High Impact Actions once each, in order", () => {
    expect(highImpactActionsInText("HIA 3 and High Impact Action 2, hia 3; High impact actions 6")).toEqual([
      "HIA 2",
      "HIA 3",
      "HIA 6",
    ]);
    expect(highImpactActionsInText("HIA 10, HIA")).toEqual([]);
    expect(highImpactActionsInText("HIA3; High Impact Action4")).toEqual(["HIA 3", "HIA 4"]);
  });

  it("joins indicator lists in order without repeats", () => {
    expect(unionIndicators([3, 1], [1, 9], [])).toEqual([1, 3, 9]);
  });
});

describe("a sparse sheet squeezed to its used columns", () => {
  it("keeps the used columns in order, with the way back to the sheet's own columns", () => {
    const sparse: GridCell[] = [];
    sparse[2] = "a";
    sparse[7] = "b";
    const squeezed = compactSheet([sparse, ["x"], [], [null, ""]], [{ top: 0, left: 4, bottom: 0, right: 9 }]);
    expect(squeezed.columnOf).toEqual([0, 2, 4, 7]);
    expect(squeezed.rows).toEqual([[null, "a", null, "b"], ["x"], [], []]);
    expect(squeezed.merges).toEqual([{ top: 0, bottom: 0, left: 2, right: 3 }]);
  });

  it(`keeps at most ${MAX_PLAN_COLUMNS} columns, and drops merges that start past them`, () => {
    const wide: GridCell[] = Array.from({ length: MAX_PLAN_COLUMNS + 10 }, (_, c) => `c${c}`);
    const squeezed = compactSheet(
      [wide],
      [
        { top: 0, left: 0, bottom: 0, right: 3 },
        { top: 0, left: MAX_PLAN_COLUMNS + 2, bottom: 0, right: MAX_PLAN_COLUMNS + 5 },
      ],
    );
    expect(squeezed.columnOf).toHaveLength(MAX_PLAN_COLUMNS);
    expect(squeezed.rows[0]).toHaveLength(MAX_PLAN_COLUMNS);
    expect(squeezed.rows[0]?.at(-1)).toBe(`c${MAX_PLAN_COLUMNS - 1}`);
    expect(squeezed.merges).toEqual([{ top: 0, bottom: 0, left: 0, right: 3 }]);
  });
});

describe("text cut to a list field's length", () => {
  it("leaves text that fits, and cuts longer text at a word with an ellipsis", () => {
    expect(shortenAtWord("abc def", 7)).toBe("abc def");
    expect(shortenAtWord("Introduce reverse mentoring for the Board", 20)).toBe("Introduce reverse…");
    expect(shortenAtWord("Introduce reverse mentoring for the Board", 20).length).toBeLessThanOrEqual(20);
  });

  it("cuts inside a word when the last space is in the first half", () => {
    expect(shortenAtWord("Introduceeverything reverse", 12)).toBe("Introduceev…");
    expect(shortenAtWord("ab cdefghijkl", 8)).toBe("ab cdef…");
  });
});

describe("text rules: edges", () => {
  it("strips a number's word only at its start, after trimming", () => {
    expect(normaliseNumber(" Objective 1")).toBe("1");
    expect(normaliseNumber("3 Ref")).toBe("3ref");
  });

  it("folds accents in text with no ASCII letter at all", () => {
    expect(comparable("ÉÂ")).toBe("ea");
  });

  it("cuts before a double space without leaving a space, and hard at exactly half", () => {
    expect(shortenAtWord("Introduce reverse  mentoring", 20)).toBe("Introduce reverse…");
    expect(shortenAtWord("abcd efghijk", 8)).toBe("abcd ef…");
  });
});
