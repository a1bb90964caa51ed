import { describe, expect, it } from "vitest";
import {
  describeList,
  DISPLAY_NAMES,
  LIST_TITLES,
  SCHEMA,
  SCHEMA_VERSION,
  schemaVersionOf,
} from "../../../src/sharepoint/schema";

describe("schema", () => {
  it("creates every list the data model names", () => {
    expect(SCHEMA.map((l) => l.title).sort()).toEqual(Object.values(LIST_TITLES).sort());
  });

  it("creates lookups after the lists they point to", () => {
    SCHEMA.forEach((list, index) => {
      for (const field of list.fields) {
        if (field.type !== "lookup") continue;
        const target = SCHEMA.findIndex((l) => l.key === field.list);
        expect(target).toBeLessThan(index);
      }
    });
  });

  it("has unique field names without spaces in each list", () => {
    for (const list of SCHEMA) {
      const names = list.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    }
  });

  it("gives every field a column title for people browsing the lists", () => {
    for (const list of SCHEMA)
      for (const field of list.fields) expect(DISPLAY_NAMES[field.name], field.name).toBeTruthy();
  });

  it("indexes the columns the app filters on", () => {
    const indexed = (title: string) =>
      SCHEMA.find((l) => l.title === title)!
        .fields.filter((f) => "indexed" in f && f.indexed)
        .map((f) => f.name);
    expect(indexed(LIST_TITLES.objectives)).toContain("PlanYear");
    expect(indexed(LIST_TITLES.actions)).toEqual(expect.arrayContaining(["Objective", "PlanYear"]));
    expect(indexed(LIST_TITLES.progressUpdates)).toEqual(expect.arrayContaining(["Action", "PlanYear", "UpdateDate"]));
  });

  it("records the schema version in the list description", () => {
    const spec = SCHEMA[0]!;
    expect(schemaVersionOf(describeList(spec))).toBe(SCHEMA_VERSION);
    expect(schemaVersionOf("A list made by hand")).toBe(0);
    expect(schemaVersionOf(null)).toBe(0);
  });
});

describe("text limits, defined once", () => {
  it("gives the importer and the forms the lists' own MaxLength", async () => {
    const { textLimitOf, F } = await import("../../../src/sharepoint/schema");
    const { MAX_TITLE_LENGTH, MAX_LEAD_LENGTH, MAX_NUMBER_LENGTH } = await import("../../../src/plan/import/parse");
    expect(textLimitOf("actions", "Title")).toBe(MAX_TITLE_LENGTH);
    expect(textLimitOf("actions", F.leadText)).toBe(MAX_LEAD_LENGTH);
    expect(textLimitOf("actions", F.actionNumber)).toBe(MAX_NUMBER_LENGTH);
    expect(textLimitOf("objectives", F.objectiveNumber)).toBe(MAX_NUMBER_LENGTH);
    expect(textLimitOf("objectives", F.objectiveDescription)).toBeUndefined();
  });

  it("names each over-long single-line field, and only those", async () => {
    const { textLengthIssues } = await import("../../../src/sharepoint/text-limits");
    expect(
      textLengthIssues("actions", {
        Title: "t".repeat(255),
        ActionNumber: "1".repeat(21),
        LeadText: "l".repeat(256),
        Milestones: "m".repeat(5000),
      }),
    ).toEqual([
      { code: "tooLong", field: "number" },
      { code: "tooLong", field: "leadText" },
    ]);
  });
});
