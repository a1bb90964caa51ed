// Every plan of the corpus imports to exactly the structure written down by hand, with no
// correction and nothing doubtful.
import { describe, expect, it } from "vitest";
import { parsePlanGrid } from "../../../src/plan/import";
import { planJson } from "../../../src/plan/import/json";
import { readPlanFile } from "../../../src/plan/import/source";
import { CORPUS } from "./corpus";

describe.each(CORPUS)("$file ($layout)", (plan) => {
  // Read inside each test, not once for the describe: code run outside a test makes every mutant it reaches
  // "static" for Stryker, re-run against all tests (docs/mutation-testing.md).
  const read = () => {
    const source = readPlanFile({ name: plan.file, bytes: plan.bytes() });
    const result = parsePlanGrid(source.sheets, { fileName: plan.file, documentText: source.documentText });
    return { result, json: planJson(result) };
  };

  it("finds the plan year", () => {
    const { json } = read();
    expect(json.year).toBe(plan.expected.year);
  });

  it("reads exactly the objectives and actions written down by hand", () => {
    const { json } = read();
    const got = json.objectives.map((o) => ({
      number: o.number,
      title: o.title,
      actions: o.actions.map((a) => [a.number, a.title, a.lead, a.due, a.rag]),
    }));
    expect(got).toEqual(plan.expected.objectives.map(({ number, title, actions }) => ({ number, title, actions })));
  });

  it("is not doubtful and has no errors", () => {
    const { result } = read();
    expect(result.doubtful).toBe(false);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("gives each row the role it plays", () => {
    const { json } = read();
    for (const [sheet, row, role] of plan.expected.roles ?? []) {
      expect(json.rows.find((r) => r.sheet === sheet && r.row === row)?.role, `${sheet} row ${row}`).toBe(role);
    }
    expect(json.rows.filter((r) => r.role === "action").length).toBeGreaterThan(0);
  });
});
