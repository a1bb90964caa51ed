import { describe, expect, it } from "vitest";
import { auditTrail, type ActionVersion, type VersionFields } from "../../../src/plan/versions";
import type { Person } from "../../../src/plan/types";

const editor: Person = { id: 2, title: "Jordan Ellis", email: "edi.lead@wres.test" };
const amara: Person = { id: 11, title: "Amara Okafor", email: "amara.okafor@wres.test" };
const tom: Person = { id: 12, title: "Tom Hughes", email: "tom.hughes@wres.test" };

const first: VersionFields = {
  title: "Reverse mentoring for the board",
  objectiveId: 1,
  number: "1.2",
  leads: [tom],
  leadText: null,
  dueDate: "2025-06-30",
  milestones: null,
  progress: null,
  kpis: null,
  outcomes: null,
  indicators: [1],
  rag: "Green",
};

function version(label: string, saved: string, fields: Partial<VersionFields>): ActionVersion {
  return { label, saved, editor, fields: { ...first, ...fields } };
}

describe("the action's audit trail from its versions", () => {
  it("lists each version newest first with what it changed from the one before", () => {
    const trail = auditTrail([
      version("1.0", "2025-01-01T09:00:00Z", {}),
      version("3.0", "2025-03-01T12:00:00Z", {
        title: "Reverse mentoring for the board and executives",
        indicators: [1, 4],
        leads: [amara],
        dueDate: "2099-12-31",
      }),
      version("2.0", "2025-02-01T10:00:00Z", {
        title: "Reverse mentoring for the board and executives",
        indicators: [1, 4],
      }),
    ]);
    expect(trail.map((e) => e.label)).toEqual(["3.0", "2.0", "1.0"]);
    expect(trail[0]?.changes).toEqual([
      { field: "leads", before: ["Tom Hughes"], after: ["Amara Okafor"] },
      { field: "dueDate", before: "2025-06-30", after: "2099-12-31" },
    ]);
    expect(trail[1]?.changes.map((c) => c.field)).toEqual(["title", "indicators"]);
    expect(trail[2]).toMatchObject({ created: true, changes: [], editor });
  });

  it("keeps a version that changed none of the fields it follows, with no changes listed", () => {
    const trail = auditTrail([version("1.0", "2025-01-01T09:00:00Z", {}), version("2.0", "2025-01-02T09:00:00Z", {})]);
    expect(trail[0]).toMatchObject({ label: "2.0", created: false, changes: [] });
  });

  it("names a lead with no display name by their site id, and sees a lead swapped for another in the same place", () => {
    const sam: Person = { id: 13, title: "", email: "sam@wres.test" };
    const trail = auditTrail([
      version("1.0", "2025-01-01T09:00:00Z", { leads: [tom, amara] }),
      version("2.0", "2025-01-02T09:00:00Z", { leads: [tom, sam] }),
    ]);
    expect(trail[0]?.changes).toEqual([
      { field: "leads", before: ["Tom Hughes", "Amara Okafor"], after: ["Tom Hughes", "#13"] },
    ]);
  });

  it("orders versions whose labels it cannot read by when they were saved", () => {
    const trail = auditTrail([
      version("draft", "2025-01-03T09:00:00Z", { dueDate: "2025-09-30" }),
      version("draft", "2025-01-01T09:00:00Z", {}),
    ]);
    expect(trail.map((e) => e.saved)).toEqual(["2025-01-03T09:00:00Z", "2025-01-01T09:00:00Z"]);
    expect(trail[0]?.changes).toEqual([{ field: "dueDate", before: "2025-06-30", after: "2025-09-30" }]);
  });
});
