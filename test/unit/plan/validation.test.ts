import { describe, expect, it } from "vitest";
import { MAX_NOTE_LENGTH, validateOverride, validateProgress } from "../../../src/plan/validation";

describe("validateProgress", () => {
  it("needs a completion note for Blue", () => {
    expect(validateProgress({ rag: "Blue", note: "  " })).toEqual([{ code: "completionNoteRequired", field: "note" }]);
    expect(validateProgress({ rag: "Blue", note: "Delivered in March" })).toEqual([]);
  });
  it("needs a note on what is being done for Red", () => {
    expect(validateProgress({ rag: "Red" })).toEqual([{ code: "redNoteRequired", field: "note" }]);
    expect(validateProgress({ rag: "Red", note: "Escalated to the board" })).toEqual([]);
  });
  it("accepts Green and Amber without a note, and a progress-only update", () => {
    expect(validateProgress({ rag: "Green" })).toEqual([]);
    expect(validateProgress({ rag: "Amber", progress: "Half the panels trained" })).toEqual([]);
    expect(validateProgress({ progress: "x" })).toEqual([]);
  });
  it("refuses text SharePoint cannot hold", () => {
    expect(validateProgress({ progress: "x".repeat(MAX_NOTE_LENGTH + 1) })).toEqual([
      { code: "tooLong", field: "progress" },
    ]);
  });
});

describe("validateOverride", () => {
  it("needs a reason for an override, none to clear it", () => {
    expect(validateOverride("Amber", "")).toEqual([{ code: "overrideReasonRequired", field: "ragOverrideReason" }]);
    expect(validateOverride("Amber", "Awaiting funding")).toEqual([]);
    expect(validateOverride(null, null)).toEqual([]);
  });
});
