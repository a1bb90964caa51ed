// The action as its leads last left it: which progress record is the newest that counts, the version a save
// must match (item and record together), and what a forged update reads as.
import { describe, expect, it } from "vitest";
import { classifyUpdate, itemEtag, RECORD_TAG, withLatestUpdate } from "../../../src/plan/authority";
import type { Person, ProgressUpdate } from "../../../src/plan/types";
import { action, update } from "../../support/plan-fixtures";

const amara: Person = { id: 11, title: "Amara Okafor", email: null };
const tom: Person = { id: 12, title: "Tom Hughes", email: null };
const authority = { editorIds: new Set<number>() };
const led = action({
  id: 7,
  leads: [amara],
  rag: "Green",
  progress: "Scoping",
  etag: '"4"',
  modified: "2025-01-01T09:00:00Z",
});

function record(id: number, date: string, extra: Partial<ProgressUpdate> = {}): ProgressUpdate {
  return update(7, date, "Green", "Amber", { id, author: amara, progress: "Slipped", ...extra });
}

describe("the newest counting record", () => {
  it("is the latest by date, and by id between records of the same moment, whatever order they come in", () => {
    const same = "2025-02-01T10:00:00Z";
    const records = [
      record(30, same, { rag: "Red" }),
      record(31, same, { rag: "Blue", progress: "Done" }),
      record(29, same, { rag: "Amber" }),
    ];
    expect(withLatestUpdate(led, records, authority)).toMatchObject({
      rag: "Blue",
      progress: "Done",
      etag: `"4"${RECORD_TAG}31`,
    });
    expect(withLatestUpdate(led, [...records].reverse(), authority)).toMatchObject({ rag: "Blue", etag: `"4"~u31` });
    expect(
      withLatestUpdate(
        led,
        [record(5, "2025-03-01T00:00:00Z", { rag: "Red" }), record(90, "2025-02-01T00:00:00Z")],
        authority,
      ).rag,
    ).toBe("Red");
    expect(
      withLatestUpdate(
        led,
        [record(90, "2025-02-01T00:00:00Z"), record(5, "2025-03-01T00:00:00Z", { rag: "Red" })],
        authority,
      ).rag,
    ).toBe("Red");
  });

  it("ignores rows of other actions, comments, imports and rows by people who may not update it", () => {
    const ignored = [
      record(50, "2025-05-01T00:00:00Z", { actionId: 8, rag: "Red" }),
      record(51, "2025-05-01T00:00:00Z", { kind: "comment", rag: "Red" }),
      record(52, "2025-05-01T00:00:00Z", { kind: "import", rag: "Red" }),
      record(53, "2025-05-01T00:00:00Z", { author: tom, rag: "Red" }),
    ];
    expect(withLatestUpdate(led, ignored, authority)).toBe(led);
    expect(withLatestUpdate(led, [...ignored, record(10, "2025-02-01T00:00:00Z")], authority)).toMatchObject({
      rag: "Amber",
      etag: '"4"~u10',
    });
  });

  it("keeps the item's RAG or progress where the record has none, and the later of the two modified dates", () => {
    const noRag = withLatestUpdate(led, [record(10, "2025-02-01T00:00:00Z", { rag: null, progress: null })], authority);
    expect(noRag).toMatchObject({ rag: "Green", progress: "Scoping", modified: "2025-02-01T00:00:00Z" });
    const older = withLatestUpdate(
      { ...led, modified: "2025-06-01T00:00:00Z" },
      [record(10, "2025-02-01T00:00:00Z")],
      authority,
    );
    expect(older.modified).toBe("2025-06-01T00:00:00Z");
  });

  it("names who changed the action last: the record's author, unless the item was changed after it", () => {
    const jordan: Person = { id: 2, title: "Jordan Ellis", email: null };
    const item = { ...led, modified: "2025-02-01T10:00:00Z", modifiedBy: jordan };
    const by = (date: string) => withLatestUpdate(item, [record(10, date)], authority).modifiedBy;
    expect(by("2025-02-02T08:00:00Z")).toBe(amara);
    expect(by("2025-01-20T08:00:00Z")).toBe(jordan);
    // Saved in the same second: the record was written after the item, in the same save.
    expect(by("2025-02-01T10:00:00Z")).toBe(amara);
  });
});

describe("an action's version", () => {
  it("gives back the item's own ETag, with or without a record's id joined to it", () => {
    expect(itemEtag(`"4"${RECORD_TAG}31`)).toBe('"4"');
    expect(itemEtag('"4"')).toBe('"4"');
    expect(itemEtag(`${RECORD_TAG}31`)).toBe("");
    expect(RECORD_TAG).toBe("~u");
  });
});

describe("an update by someone who may not make it", () => {
  it("reads as a comment saying what they wrote: RAG and progress, either, or nothing", () => {
    const forged = (extra: Partial<ProgressUpdate>) =>
      classifyUpdate(record(1, "2025-02-01T00:00:00Z", { author: tom, ...extra }), led, authority);
    expect(forged({ rag: "Red", progress: "Late" }).note).toBe("RAG Red: Late");
    expect(forged({ rag: "Red", progress: null }).note).toBe("RAG Red");
    expect(forged({ rag: null, progress: "Late" }).note).toBe("Late");
    expect(forged({ rag: null, progress: "" }).note).toBeNull();
    expect(forged({ rag: "Red", progress: "", note: "My own words" }).note).toBe("My own words");
    expect(forged({}).kind).toBe("comment");
  });

  it("is a comment when the action is not known", () => {
    expect(classifyUpdate(record(1, "2025-02-01T00:00:00Z"), undefined, authority)).toMatchObject({
      kind: "comment",
      rag: null,
    });
  });
});
