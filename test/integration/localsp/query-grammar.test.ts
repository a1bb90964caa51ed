// The $filter grammar @pnp/sp sends (docs/sharepoint.md §2.7), evaluated by the local server.
import { describe, expect, it } from "vitest";
import { evaluateFilter } from "../../../src/localsp/odata-evaluate";
import { leadingClause, parseFilter } from "../../../src/localsp/odata-filter";
import { SpError } from "../../../src/localsp/errors";

const record: Record<string, unknown> = {
  Title: "O'Brien review",
  Status: "New",
  Score: 7,
  Due: "2026-03-01T00:00:00Z",
  Done: false,
  OwnerId: 12,
  LeadsId: [3, 9],
  Empty: null,
};
const valueOf = (path: string[]) => record[path.join("/")];
const matches = (text: string) => evaluateFilter(parseFilter(text), valueOf);

describe("$filter grammar", () => {
  it("compares text case-insensitively, numbers, dates with and without datetime'', and booleans as 0/1", () => {
    expect(matches("Status eq 'new'")).toBe(true);
    expect(matches("Title eq 'O''Brien review'")).toBe(true);
    expect(matches("Score gt 6 and Score le 7")).toBe(true);
    expect(matches("Score lt 7 or Status ne 'New'")).toBe(false);
    expect(matches("Due ge datetime'2026-01-01T00:00:00Z'")).toBe(true);
    expect(matches("Due lt '2026-03-01T00:00:00Z'")).toBe(false);
    expect(matches("Done eq 0")).toBe(true);
    expect(matches("Done eq true")).toBe(false);
    expect(matches("OwnerId eq 12")).toBe(true);
  });

  it("handles null, multi-values, functions, not and parentheses", () => {
    expect(matches("Empty eq null")).toBe(true);
    expect(matches("Status ne null")).toBe(true);
    expect(matches("LeadsId eq 9")).toBe(true);
    expect(matches("LeadsId eq 4")).toBe(false);
    expect(matches("startswith(Title,'o''b')")).toBe(true);
    expect(matches("substringof('REVIEW',Title)")).toBe(true);
    expect(matches("not (Score eq 7)")).toBe(false);
    expect(matches("(Score eq 1 or Score eq 7) and Status eq 'New'")).toBe(true);
  });

  it("finds the clause SharePoint evaluates against the index first", () => {
    expect(leadingClause(parseFilter("Year eq '2024/25' and Colour eq 'Red'"))).toMatchObject({
      kind: "compare",
      path: ["Year"],
    });
    expect(leadingClause(parseFilter("A eq 1 or B eq 2"))).toMatchObject({ kind: "or" });
  });

  it("refuses what it does not implement, by name", () => {
    expect(() => parseFilter("endswith(Title,'x')")).toThrow("localsp: $filter function 'endswith' is not supported");
    expect(() => parseFilter("Score add 1 eq 2")).toThrow(/operator 'add' is not supported/);
    expect(() => parseFilter("Title eq")).toThrow(SpError);
    expect(() => parseFilter("Title eq 'unterminated")).toThrow(/Unterminated/);
  });
});
