import { describe, expect, it } from "vitest";
import { compareVersions, mergeFields, patchFrom, unresolvedFields } from "../../../src/plan/conflict";
import { action } from "../../support/plan-fixtures";

const amara = { id: 7, title: "Amara Okafor", email: "amara.okafor@wres.test" };
const tom = { id: 8, title: "Tom Hughes", email: "tom.hughes@wres.test" };

describe("compareVersions", () => {
  const base = action({ id: 5, rag: "Green", progress: "Started", leads: [amara] });

  it("lists only the differing fields, ignoring id, etag and modified", () => {
    const mine = { ...base, rag: "Amber" as const, etag: '"1"' };
    const theirs = { ...base, progress: "Panel booked", etag: '"2"', modified: "2025-05-01T00:00:00Z" };
    const diffs = compareVersions(mine, theirs, base);
    expect(diffs.map((d) => [d.field, d.mineChanged, d.theirsChanged, d.conflicting])).toEqual([
      ["progress", false, true, false],
      ["rag", true, false, false],
    ]);
  });

  it("compares people by id and lists element by element", () => {
    const a = { ...base, leads: [{ ...amara, title: "A. Okafor" }], indicators: [1, 2] as (1 | 2)[] };
    const b = { ...base, leads: [amara], indicators: [1, 2] as (1 | 2)[] };
    expect(compareVersions(a, b)).toEqual([]);
    expect(compareVersions({ ...a, leads: [amara, tom] }, b).map((d) => d.field)).toEqual(["leads"]);
  });

  it("without a base every difference is a conflict", () => {
    expect(compareVersions({ ...base, rag: "Red" as const }, base)[0]!.conflicting).toBe(true);
  });
});

describe("mergeFields", () => {
  const base = action({ id: 5, rag: "Green", progress: "Started", milestones: "Q1", etag: '"1"' });
  const mine = { ...base, rag: "Amber" as const, progress: "Mine" };
  const theirs = { ...base, progress: "Theirs", milestones: "Q2", etag: '"2"' };

  it("keeps each side's one-sided changes and the current ETag", () => {
    const merged = mergeFields(base, mine, theirs, { progress: "theirs" });
    expect(merged).toMatchObject({ rag: "Amber", progress: "Theirs", milestones: "Q2", etag: '"2"' });
  });

  it("takes the user's value for an unresolved conflict and reports it", () => {
    expect(unresolvedFields(base, mine, theirs)).toEqual(["progress"]);
    expect(unresolvedFields(base, mine, theirs, { progress: "mine" })).toEqual([]);
    expect(mergeFields(base, mine, theirs).progress).toBe("Mine");
  });

  it("keep mine / take theirs as whole choices", () => {
    const all = { rag: "mine", progress: "mine", milestones: "mine" } as const;
    expect(mergeFields(base, mine, theirs, all)).toMatchObject({ rag: "Amber", progress: "Mine", milestones: "Q1" });
    const none = { rag: "theirs", progress: "theirs", milestones: "theirs" } as const;
    expect(mergeFields(base, mine, theirs, none)).toEqual(theirs);
  });

  it("gives the patch to save over theirs", () => {
    expect(patchFrom(theirs, mergeFields(base, mine, theirs))).toEqual({ rag: "Amber", progress: "Mine" });
  });
});
