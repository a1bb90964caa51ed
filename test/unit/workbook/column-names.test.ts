// docs/column-names.md tells analysts which header names the reader recognises for each column of each kind of
// sheet. These tests hold the page and the reader to each other: every name on the page is read as its column and
// counts towards finding the header row, and the reader knows no name the page leaves out.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { SheetKind } from "../../../src/indicators/input";
import { headerScore, KINDS, KIND_BY_NAME, matchColumns, normaliseHeader } from "../../../src/workbook/schema";

interface DocumentedColumn {
  kind: SheetKind;
  field: string;
  names: string[];
  examples: string[];
  notMatched: string[];
}

function documentedColumns(): DocumentedColumn[] {
  const page = readFileSync(resolve(import.meta.dirname, "../../../docs/column-names.md"), "utf8");
  const columns: DocumentedColumn[] = [];
  let kind: SheetKind | undefined;
  for (const line of page.split("\n")) {
    const heading = /^## (\w+)$/.exec(line);
    if (heading) kind = heading[1] as SheetKind;
    const row = /^\| `(\w+)` \|([^|]*)\|([^|]*)\|([^|]*)\|$/.exec(line);
    if (!row || !kind) continue;
    const list = (cell: string) =>
      cell
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    columns.push({
      kind,
      field: row[1]!,
      names: list(row[2]!),
      examples: list(row[3]!),
      notMatched: list(row[4]!),
    });
  }
  return columns;
}

const documented = documentedColumns();
/** The column a lone header is read as, in a sheet of the given kind. */
const readAs = (kind: SheetKind, header: string) =>
  [...matchColumns(KIND_BY_NAME.get(kind)!, [normaliseHeader(header)]).columns].find(([, c]) => c === 0)?.[0];

describe("docs/column-names.md", () => {
  it("lists every kind of sheet, each with its columns", () => {
    expect(documented.length).toBeGreaterThan(50);
    expect(new Set(documented.map((c) => c.kind))).toEqual(
      new Set(["staff", "recruitment", "cases", "training", "board", "survey", "aggregate"]),
    );
    expect(documented.filter((c) => c.kind === "staff").map((c) => c.field)).toEqual(
      expect.arrayContaining(["personId", "assignmentId", "ethnicity", "band", "staffGroup", "primary"]),
    );
  });

  it.each(documented.map((c) => [`${c.kind} ${c.field}`, c] as const))(
    "each %s name on the page is read as that column",
    (_, { kind, field, names }) => {
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect({ name, column: readAs(kind, name) }).toEqual({ name, column: field });
    },
  );

  it("each name on the page counts towards finding the header row", () => {
    for (const { names } of documented)
      for (const name of names) expect({ name, score: headerScore([name]) }).toEqual({ name, score: 1 });
  });

  it("the headers a looser rule lets in are read as their column, though not listed by name", () => {
    const withExamples = documented.filter((c) => c.examples.length > 0);
    expect(withExamples.map((c) => `${c.kind} ${c.field}`)).toEqual(
      expect.arrayContaining(["staff personId", "staff band", "recruitment shortlisted", "board executive"]),
    );
    for (const { kind, field, names, examples } of withExamples)
      for (const example of examples) {
        expect(names.map(normaliseHeader)).not.toContain(normaliseHeader(example));
        expect({ example, column: readAs(kind, example) }).toEqual({ example, column: field });
        // Not a known name, so a title row that happens to hold it is not taken for the header.
        expect({ example, score: headerScore([example]) }).toEqual({ example, score: 0 });
      }
  });

  it("the headers a looser rule keeps out are not read as that column", () => {
    const withCounterExamples = documented.filter((c) => c.notMatched.length > 0);
    expect(withCounterExamples.map((c) => `${c.kind} ${c.field}`)).toEqual(
      expect.arrayContaining(["staff personId", "recruitment shortlisted", "board voting", "board executive"]),
    );
    for (const { kind, field, notMatched } of withCounterExamples)
      for (const header of notMatched)
        expect({ header, column: readAs(kind, header) }).not.toEqual({ header, column: field });
  });

  it("leaves out no name, column or kind the reader knows", () => {
    const onPage = new Map(documented.map((c) => [`${c.kind} ${c.field}`, new Set(c.names.map(normaliseHeader))]));
    const inReader = KINDS.flatMap((k) =>
      Object.entries(k.fields).flatMap(([field, spec]) => spec.names.map((name) => `${k.kind} ${field} ${name}`)),
    );
    const missing = inReader.filter((entry) => {
      const [kind, field, name] = entry.split(" ") as [string, string, string];
      return !onPage.get(`${kind} ${field}`)?.has(name);
    });
    expect(missing).toEqual([]);
    expect(onPage.size).toBe(KINDS.reduce((n, k) => n + Object.keys(k.fields).length, 0));
  });

  it("names no header that other writings of the same name already cover", () => {
    for (const { kind, field, names } of documented)
      expect({ column: `${kind} ${field}`, names: new Set(names.map(normaliseHeader)).size }).toEqual({
        column: `${kind} ${field}`,
        names: names.length,
      });
  });
});
