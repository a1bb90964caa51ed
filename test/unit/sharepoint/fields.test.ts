import { describe, expect, it } from "vitest";
import type { Objective } from "../../../src/plan/types";
import { OBJECTIVE_COLUMNS } from "../../../src/sharepoint/fields/objectives";
import { objectiveFields, OBJECTIVE_SELECT, toObjective } from "../../../src/sharepoint/mapping";
import { DISPLAY_NAMES, SCHEMA } from "../../../src/sharepoint/schema";

const TABLES = [{ list: "objectives", columns: OBJECTIVE_COLUMNS }] as const;

const objective: Omit<Objective, "id" | "etag" | "modified" | "modifiedBy"> = {
  title: "Fair recruitment",
  planYear: "2025/26",
  number: "3",
  description: "Shortlists reflect the applicants",
  owner: { id: 7, title: "Amara Okafor", email: "amara.okafor@wres.test" },
  sponsor: { id: 9, title: "Dev Patel", email: null },
  indicators: [2, 5],
  highImpactActions: ["HIA 1", "HIA 3"],
  ragOverride: "Amber",
  ragOverrideReason: "Waiting for the panel data",
  readOnly: true,
};

/** What SharePoint sends back for the fields a write set: people expanded under their own names. */
function echoed(written: Record<string, unknown>): Record<string, unknown> {
  const item: Record<string, unknown> = { ...written };
  for (const [name, person] of [
    ["ObjectiveOwner", objective.owner],
    ["ExecutiveSponsor", objective.sponsor],
  ] as const) {
    delete item[`${name}Id`];
    item[name] = person ? { Id: person.id, Title: person.title, EMail: person.email } : null;
  }
  return item;
}

describe("field tables", () => {
  it("give set-up exactly their fields, in their order (SharePoint's own Title left out)", () => {
    for (const { list, columns } of TABLES) {
      const spec = SCHEMA.find((l) => l.key === list)!;
      expect(spec.fields.map((f) => f.name)).toEqual(columns.filter((c) => !c.builtIn).map((c) => c.field.name));
    }
  });

  it("give each column the title SharePoint shows, the same wherever an internal name recurs", () => {
    for (const { columns } of TABLES) for (const c of columns) if (!c.builtIn) expect(DISPLAY_NAMES[c.field.name], c.field.name).toBe(c.display);
  });

  it("read back every property an objective writes", () => {
    const read = toObjective({ Id: 4, "odata.etag": '"2"', Modified: "2025-06-01T10:00:00Z", ...echoed(objectiveFields(objective)) });
    expect(read).toEqual({ ...objective, id: 4, etag: '"2"', modified: "2025-06-01T10:00:00Z", modifiedBy: null });
  });

  it("read every objective column the $select asks for", () => {
    for (const c of OBJECTIVE_COLUMNS) {
      const selected = c.field.type === "person" ? `${c.field.name}/Id` : c.field.name;
      expect(OBJECTIVE_SELECT, c.key).toContain(selected);
    }
  });

  it("clear optional text and an empty list of labels, and write a person as its id", () => {
    expect(objectiveFields({ description: "", highImpactActions: [], owner: null, sponsor: objective.sponsor, readOnly: false })).toEqual({
      ObjectiveDescription: null,
      HighImpactActions: null,
      ObjectiveOwnerId: null,
      ExecutiveSponsorId: 9,
      ReadOnly: false,
    });
  });
});
