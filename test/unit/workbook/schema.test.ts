// How a header row is read (src/workbook/schema.ts): the kind of sheet it is where its columns fit more than one
// kind, which column each field is, and the signature a mapping made by hand is remembered under.
import { describe, expect, it } from "vitest";
import { readWorkbooks } from "../../../src/workbook";
import { headerScore, headerSignature, normaliseHeader, recogniseKind } from "../../../src/workbook/schema";
import { buildXlsx } from "./fixtures";

const recognise = (headers: readonly string[]) => {
  const found = recogniseKind(headers.map(normaliseHeader));
  return found && { kind: found.kind, columns: Object.fromEntries(found.columns) };
};

/** For it.each over [what the sheet is, its header row, the kind it must be read as]. */
const readAs = (_: string, headers: readonly string[], kind: string) => {
  expect(recognise(headers)?.kind).toBe(kind);
};

describe("the kind of sheet a header row is read as, where its columns fit more than one", () => {
  // Extracts of cases, courses and applications often carry the person's band, staff group and directorate, the
  // columns of staff in post; the columns only one kind has decide.
  it.each([
    [
      "a case list with the person's band, staff group and directorate",
      ["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group", "Directorate", "Case Type", "Date Opened"],
      "cases",
    ],
    ["a case list with the person's band", ["Employee Number", "Ethnic Origin", "Pay Band", "Case Type"], "cases"],
    [
      "a case list with an outcome, a column applications have too",
      ["Employee Number", "Ethnic Origin", "Case Type", "Stage", "Outcome"],
      "cases",
    ],
    [
      "course completions with the person's band, staff group and directorate",
      ["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group", "Directorate", "Course Title", "Completion Date"],
      "training",
    ],
    [
      "course completions with the person's band",
      ["Employee Number", "Ethnic Origin", "Pay Band", "Course Title"],
      "training",
    ],
    [
      "course completions under a title the course pattern lets in, with the person's staff columns",
      ["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group", "Directorate", "Training Course Name", "Date"],
      "training",
    ],
    [
      "internal applicants with their band and staff group",
      ["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group", "Shortlisted", "Appointed"],
      "recruitment",
    ],
    [
      'staff in post with a column headed just "Category", a name case lists use too',
      ["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group", "Category"],
      "staff",
    ],
    [
      'staff in post with a column headed just "Type"',
      ["Employee Number", "Ethnic Origin", "Pay Band", "Staff Group", "Type"],
      "staff",
    ],
    [
      "staff in post with board flags",
      ["Employee Number", "Ethnic Origin", "Pay Band", "Voting Member", "Executive Director"],
      "staff",
    ],
    [
      "staff in post with board flags and an AfC band",
      ["Employee Number", "Ethnic Origin", "AfC Band", "Voting Member", "Executive Director"],
      "staff",
    ],
    [
      "a board list exported from the staff record, without pay bands",
      [
        "Employee Number",
        "Name",
        "Role",
        "Staff Group",
        "Directorate",
        "Ethnic Origin",
        "Voting Member",
        "Executive Director",
      ],
      "board",
    ],
    [
      "aggregate counts with their percentages beside them",
      ["Measure", "White", "BME", "Unknown", "White %", "BME %"],
      "aggregate",
    ],
    [
      "survey results with the number of respondents, named as aggregate counts name theirs",
      ["Indicator", "Question", "Year", "White %", "BME %", "Number White", "Number BME"],
      "survey",
    ],
  ])("%s", readAs);

  it("reads a case list with the person's staff columns as cases, not as a second staff in post", () => {
    const header = [
      "Employee Number",
      "Ethnic Origin",
      "Pay Band",
      "Staff Group",
      "Directorate",
      "Case Type",
      "Date Opened",
    ];
    const ds = readWorkbooks([
      {
        name: "cases.xlsx",
        bytes: buildXlsx([
          {
            name: "ER cases",
            rows: [header, ["1001", "A", "Band 5", "Nursing", "Surgery", "Disciplinary", "2024-06-01"]],
          },
        ]),
      },
    ]);
    expect(ds.sheets[0]).toMatchObject({ kind: "cases", rowsUsed: 1 });
    expect(ds.staff).toEqual([]);
    expect(ds.cases.map((c) => c.personId)).toEqual(["1001"]);
  });
});

describe("the columns each kind needs, any one of a group", () => {
  it.each([
    ["staff in post with a staff group and no band", ["Employee Number", "Ethnic Origin", "Staff Group"], "staff"],
    [
      "staff in post with an assignment category",
      ["Assignment Number", "Ethnic Origin", "Assignment Category"],
      "staff",
    ],
    [
      "staff in post with a primary assignment flag",
      ["Employee Number", "Ethnic Origin", "Primary Assignment"],
      "staff",
    ],
    ["an anonymised case list: ethnicity, no employee number", ["Case Type", "Ethnic Origin", "Date Opened"], "cases"],
    ["course completions by assignment number", ["Assignment Number", "Course Title", "Completion Date"], "training"],
    ["anonymised course completions", ["Ethnic Origin", "Course Title", "Completion Date"], "training"],
    ["survey results by indicator, with no question text", ["Indicator", "Year", "White %", "BME %"], "survey"],
  ])("%s", readAs);
});

describe("the column each field is read from", () => {
  it('reads "&" as "and" and "%" as "pct", as the names are listed', () => {
    expect(normaliseHeader("Black & Minority Ethnic %")).toBe(normaliseHeader("Black and Minority Ethnic Pct"));
    expect(recognise(["Question", "White %", "Black & Minority Ethnic %"])).toEqual({
      kind: "survey",
      columns: { question: 0, whitePct: 1, bmePct: 2 },
    });
  });

  it("takes each column once: a course category is not also read as the course", () => {
    expect(recognise(["Employee Number", "Ethnic Origin", "Course Category", "Completion Date"])).toEqual({
      kind: "training",
      columns: { personId: 0, ethnicity: 1, category: 2, date: 3 },
    });
  });

  it("counts a blank header cell as no name", () => {
    expect(normaliseHeader(null)).toBe("");
    expect(normaliseHeader(undefined)).toBe("");
    expect(headerScore([null, "Employee Number", "", 3, true])).toBe(1);
  });
});

describe("the signature a mapping made by hand is remembered under", () => {
  // Kept in the browser from one year's file to the next: the same header row must give the same signature in
  // every later version, so these are the values this version gives.
  it.each([
    [["employeenumber", "ethnicorigin", "payband", "directorate"], "h55ca6527c91f547b"],
    [["employeenumber", "ethnicity"], "h092222d0e5478557"],
    [["staffgroup"], "hbc1661e80ff46269"],
    [[], "h811c9dc501000193"],
  ])("%j is %s", (headers, signature) => {
    expect(headerSignature(headers)).toBe(signature);
  });

  it("is 16 hexadecimal digits after an h, whatever the header", () => {
    for (const headers of [["ref", "", "ethnicgroup"], ["a"], ["a", "b"], ["ab"], ["é"], ["\u4e00"], []])
      expect(headerSignature(headers)).toMatch(/^h[0-9a-f]{16}$/);
  });

  it("ignores blank columns, and tells apart the order and the splitting of the names", () => {
    expect(headerSignature(["", "ethnicity", "", "band"])).toBe(headerSignature(["ethnicity", "band"]));
    expect(headerSignature(["band", "ethnicity"])).not.toBe(headerSignature(["ethnicity", "band"]));
    expect(headerSignature(["ethnicityband"])).not.toBe(headerSignature(["ethnicity", "band"]));
    expect(headerSignature(["ethnicity"])).not.toBe(headerSignature(["ethnicitz"]));
  });
});
