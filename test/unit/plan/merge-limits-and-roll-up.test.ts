// Edges of the plan's rules a person meets: which values count as the same in a conflict, a merge with no base
// version, the longest note SharePoint holds, what an objective's RAG rests on, and the overview's counts.
import { describe, expect, it } from "vitest";
import { compareVersions, mergeFields, sameValue } from "../../../src/plan/conflict";
import { MAX_NOTE_LENGTH, validateProgress } from "../../../src/plan/validation";
import { rollUp } from "../../../src/plan/rag";
import { progressCounts, summarisePlan } from "../../../src/plan/summary";
import { action, objective } from "../../support/plan-fixtures";

describe("values the same for a conflict", () => {
  it("treat empty, null and missing alike, and nothing else as empty", () => {
    expect(sameValue(null, "")).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue("", undefined)).toBe(true);
    expect(sameValue(null, "x")).toBe(false);
    expect(sameValue("x", undefined)).toBe(false);
    expect(sameValue(0, null)).toBe(false);
  });

  it("compare lists by length and element", () => {
    expect(sameValue([1, 2], [1, 2])).toBe(true);
    expect(sameValue([1], [1, 2])).toBe(false);
    expect(sameValue([1, 2], [1, 3])).toBe(false);
    expect(sameValue([2, 1], [1, 2])).toBe(false);
  });

  it("compare people by id only, and other objects field by field", () => {
    expect(sameValue({ id: 7, title: "Amara" }, { id: 7, title: "Amara Okafor" })).toBe(true);
    expect(sameValue({ id: 7, title: "Amara" }, { id: 8, title: "Amara" })).toBe(false);
    expect(sameValue({ id: "7", title: "a" }, { id: "7", title: "b" })).toBe(false);
    expect(sameValue({ start: "2025-01", end: "2025-03" }, { start: "2025-01", end: "2025-03" })).toBe(true);
    expect(sameValue({ start: "2025-01" }, { start: "2025-02" })).toBe(false);
    expect(sameValue({ start: "2025-01" }, { start: "2025-01", end: "2025-03" })).toBe(false);
    expect(sameValue({ start: "2025-01" }, { start: "2025-01", end: null })).toBe(true);
    expect(sameValue({ a: 1 }, [1])).toBe(false);
  });

  it("never count id, ETag or Modified as a difference", () => {
    expect(
      compareVersions(
        { id: 1, etag: '"1"', modified: "a", title: "T" },
        { id: 2, etag: '"2"', modified: "b", title: "T" },
      ),
    ).toEqual([]);
  });

  it("without the version the user started from, the user's value wins every difference", () => {
    expect(
      mergeFields(
        undefined,
        { id: 1, etag: '"1"', rag: "Red", progress: "Mine" },
        { id: 1, etag: '"2"', rag: "Green", progress: "Mine" },
      ),
    ).toEqual({
      id: 1,
      etag: '"2"',
      rag: "Red",
      progress: "Mine",
    });
  });
});

describe("the longest note", () => {
  it("is the most SharePoint's note field holds: 63,999 characters pass, one more is refused, for note and progress alike", () => {
    expect(validateProgress({ note: "x".repeat(MAX_NOTE_LENGTH), progress: "y".repeat(MAX_NOTE_LENGTH) })).toEqual([]);
    expect(validateProgress({ rag: "Green", note: "x".repeat(MAX_NOTE_LENGTH + 1) })).toEqual([
      { code: "tooLong", field: "note" },
    ]);
    expect(
      validateProgress({ note: "x".repeat(MAX_NOTE_LENGTH + 1), progress: "y".repeat(MAX_NOTE_LENGTH + 1) }),
    ).toEqual([
      { code: "tooLong", field: "note" },
      { code: "tooLong", field: "progress" },
    ]);
  });
});

describe("what an objective's RAG rests on", () => {
  it("says it comes from the actions when it does", () => {
    expect(rollUp(objective({ id: 1 }), [action({ objectiveId: 1, rag: "Amber" })])).toEqual({
      rag: "Amber",
      source: "actions",
      computed: "Amber",
      reason: null,
    });
  });
});

describe("the overview's counts", () => {
  it("put each action under its own progress word", () => {
    expect(
      progressCounts([{ rag: "Green" }, { rag: "Green" }, { rag: "Amber" }, { rag: "Red" }, { rag: "Blue" }]),
    ).toEqual({ complete: 1, onTrack: 2, atRisk: 1, offTrack: 1, total: 5 });
  });

  it("keep the plan's own last-modified date when it is given, even if an item says later", () => {
    const plan = {
      objectives: [objective({ id: 1, modified: "2025-05-01T00:00:00Z" })],
      actions: [],
      lastModified: "2025-04-01T00:00:00Z",
    };
    expect(summarisePlan(plan, "2025-06-01").lastModified).toBe("2025-04-01T00:00:00Z");
    expect(summarisePlan({ ...plan, lastModified: null }, "2025-06-01").lastModified).toBe("2025-05-01T00:00:00Z");
  });
});
