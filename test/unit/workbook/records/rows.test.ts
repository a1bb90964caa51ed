// Which rows of a sheet are data: total lines and headers repeated at page breaks are skipped, the rest read.
import { describe, expect, it } from "vitest";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell, STAFF_HEADER } from "../fixtures";

const staffRow = (id: number): FixtureCell[] => [
  id,
  id,
  "A White - British",
  "Administrative and Clerical",
  "Band 5",
  "Permanent",
  "Yes",
];

function readStaff(rows: FixtureCell[][], header: FixtureCell[] = STAFF_HEADER) {
  const ds = readWorkbooks([
    { name: "staff.xlsx", bytes: buildXlsx([{ name: "Staff in Post", rows: [header, ...rows] }]) },
  ]);
  return { ds, sheet: ds.sheets[0]! };
}

describe("total lines", () => {
  it.each(["Total", "Grand total", "Grand  total", "GRAND TOTALS"])(
    "skips a line starting %j whose other cells are numbers",
    (label) => {
      const { ds, sheet } = readStaff([staffRow(1), staffRow(2), [label, 2, null, null, null, null, 2]]);
      expect(ds.staff.map((s) => s.personId)).toEqual(["1", "2"]);
      expect(sheet).toMatchObject({ rowsRead: 2, rowsExcluded: 0 });
    },
  );

  it("reads a row that only mentions a total after its first word", () => {
    const ds = readWorkbooks([
      {
        name: "training.xlsx",
        bytes: buildXlsx([
          {
            name: "Training",
            rows: [
              ["Course Title", "Employee Number", "Ethnicity"],
              ["Theatre totals audit", 1],
              ["Total", 1, null],
            ],
          },
        ]),
      },
    ]);
    expect(ds.training.map((t) => t.row)).toEqual([2]);
  });
});

describe("headers repeated at a page break", () => {
  it("skips a repeated header written with spaces round its words", () => {
    const { ds, sheet } = readStaff([staffRow(1), [" Employee Number ", ...STAFF_HEADER.slice(1)], staffRow(2)]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["1", "2"]);
    expect(sheet).toMatchObject({ rowsRead: 2, rowsExcluded: 0 });
  });

  it("skips a repeated header when the sheet's first column has no header", () => {
    const header = ["", ...STAFF_HEADER];
    const { ds, sheet } = readStaff([[1, ...staffRow(1)], header, [2, ...staffRow(2)]], header);
    expect(ds.staff.map((s) => s.personId)).toEqual(["1", "2"]);
    expect(sheet).toMatchObject({ rowsRead: 2, rowsExcluded: 0 });
  });

  it("reads employee numbers written as numbers under the first header", () => {
    const { ds } = readStaff([staffRow(101), staffRow(102)]);
    expect(ds.staff.map((s) => s.personId)).toEqual(["101", "102"]);
  });
});
