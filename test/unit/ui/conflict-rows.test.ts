// Issue 19: in the conflict view, only a field the user changed is "Your version".
import { describe, expect, it } from "vitest";
import { conflictRows, type ConflictField } from "../../../src/ui/state/conflict";

interface Item {
  id: number;
  etag: string;
  title: string;
  progress: string;
  milestones: string;
}

const fields: ConflictField<Item>[] = [
  { key: "title", label: "field.title", show: String },
  { key: "progress", label: "field.progress", show: String },
  { key: "milestones", label: "field.milestones", show: String },
];

describe("conflict rows", () => {
  const base: Item = { id: 1, etag: '"1"', title: "Mentoring", progress: "Started", milestones: "Q1" };
  const mine: Item = { ...base, progress: "Half the cohort matched" };
  const theirs: Item = { ...base, etag: '"2"', title: "Reverse mentoring", milestones: "Q2" };

  it("marks as the user's change only what differs from the version they opened", () => {
    const rows = Object.fromEntries(conflictRows(fields, mine, theirs, base).map((r) => [r.key, r]));
    expect(rows.progress).toMatchObject({ differs: true, mineChanged: true, suggested: "mine" });
    // The other person changed the title; the user did not: it is not "their version".
    expect(rows.title).toMatchObject({ differs: true, mineChanged: false, suggested: "theirs" });
    expect(rows.milestones).toMatchObject({ differs: true, mineChanged: false, suggested: "theirs" });
  });

  it("without the version opened, treats every difference as the user's (nothing is assumed unchanged)", () => {
    const rows = conflictRows(fields, mine, theirs);
    expect(rows.filter((r) => r.differs).every((r) => r.mineChanged)).toBe(true);
  });
});
