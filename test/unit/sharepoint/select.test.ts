// The $select and $expand lists are derived from the schema (src/sharepoint/mapping.ts): they must
// name exactly the fields the plan reads, as they did when they were written out by hand.
import { describe, expect, it } from "vitest";
import {
  ACTION_EXPAND,
  ACTION_SELECT,
  OBJECTIVE_EXPAND,
  OBJECTIVE_SELECT,
  RESULT_SELECT,
} from "../../../src/sharepoint/mapping";

const person = (field: string) => ["Id", "Title", "EMail", "Name"].map((p) => `${field}/${p}`);

describe("the $select lists, derived from the schema", () => {
  it("reads an objective's every field, its owner and sponsor expanded, and who saved it last", () => {
    expect([...OBJECTIVE_SELECT].sort()).toEqual(
      [
        "Id",
        "Title",
        "PlanYear",
        "ObjectiveNumber",
        "ObjectiveDescription",
        ...person("ObjectiveOwner"),
        ...person("ExecutiveSponsor"),
        "WresIndicators",
        "HighImpactActions",
        "RagOverride",
        "RagOverrideReason",
        "ReadOnly",
        "Modified",
        ...person("Editor"),
      ].sort(),
    );
    expect([...OBJECTIVE_EXPAND].sort()).toEqual(["Editor", "ExecutiveSponsor", "ObjectiveOwner"]);
  });

  it("reads an action's every field, its objective as an id, its leads expanded, and its version label", () => {
    expect([...ACTION_SELECT].sort()).toEqual(
      [
        "Id",
        "Title",
        "ObjectiveId",
        "PlanYear",
        "ActionNumber",
        ...person("Leads"),
        "LeadText",
        "DueDate",
        "Milestones",
        "Progress",
        "Kpis",
        "Outcomes",
        "WresIndicators",
        "Rag",
        "CarriedFrom",
        "Modified",
        ...person("Editor"),
        "OData__UIVersionString",
      ].sort(),
    );
    expect([...ACTION_EXPAND].sort()).toEqual(["Editor", "Leads"]);
  });

  it("reads a saved indicator result's every field", () => {
    expect([...RESULT_SELECT].sort()).toEqual(
      ["Id", "ResultYear", "Standard", "Indicator", "Value", "Detail", "Origin", "Modified"].sort(),
    );
  });
});
