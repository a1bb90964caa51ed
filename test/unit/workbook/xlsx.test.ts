// The workbook's package (src/workbook/xlsx.ts): which parts are read and where they are found, what an
// encrypted or binary workbook is told, hidden sheets, the size budget, and the second read of a sheet whose
// merged cells cross the columns its reader skipped.
import { describe, expect, it } from "vitest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readGrid } from "../../../src/workbook";
import { readCells } from "../../../src/workbook/grid";
import type { CellStore } from "../../../src/workbook/cells";
import { TOP_ROWS, UNREAD_TEXT } from "../../../src/workbook/sheet";
import { buildXlsx, errorOf, fileOf, type FixtureCell } from "./fixtures";

const grid = (bytes: Uint8Array, name = "t.xlsx", opts = {}) => readGrid(fileOf(name, bytes), opts);

/** The workbook's parts, edited: each entry of `edits` replaces (a Uint8Array), renames (a string) or drops (null). */
function repack(bytes: Uint8Array, edits: Record<string, Uint8Array | string | null>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [path, edit] of Object.entries(edits)) {
    if (typeof edit === "string") files[edit] = files[path]!;
    if (edit === null || typeof edit === "string") delete files[path];
    else files[path] = edit as Uint8Array<ArrayBuffer>;
  }
  return zipSync(files, { level: 1 });
}

/** What the package's XML and relationship parts say they inflate to: the size the budget is checked against. */
function declaredXml(bytes: Uint8Array): number {
  let total = 0;
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(name)) total += data.length;
  return total;
}

const STAFF = {
  name: "Staff",
  rows: [
    ["Name", "Band"],
    ["Ann", "Band 5"],
    ["Bo", 6],
  ],
};

describe("where the workbook's parts are found", () => {
  it("follows the package's relationships to a workbook part that is not xl/workbook.xml", () => {
    const parts = unzipSync(buildXlsx([STAFF]));
    const rootRels = strFromU8(parts["_rels/.rels"]!).replace('Target="xl/workbook.xml"', 'Target="workbook.xml"');
    const bytes = repack(buildXlsx([STAFF]), {
      "_rels/.rels": strToU8(rootRels),
      "xl/workbook.xml": "workbook.xml",
      "xl/_rels/workbook.xml.rels": "_rels/workbook.xml.rels",
      "xl/worksheets/sheet1.xml": "worksheets/sheet1.xml",
      "xl/sharedStrings.xml": "sharedStrings.xml",
    });
    expect(grid(bytes).sheets).toEqual([{ name: "Staff", rows: STAFF.rows, merges: [] }]);
  });

  it("reads xl/workbook.xml from a package without its root relationships", () => {
    const bytes = repack(buildXlsx([STAFF]), { "_rels/.rels": null });
    expect(grid(bytes).sheets[0]!.rows).toEqual(STAFF.rows);
  });

  it("finds parts whose names differ in case from what the relationships say", () => {
    const bytes = repack(buildXlsx([STAFF]), {
      "xl/worksheets/sheet1.xml": "xl/worksheets/Sheet1.xml",
      "xl/sharedStrings.xml": "XL/SharedStrings.xml",
    });
    expect(grid(bytes).sheets[0]!.rows).toEqual(STAFF.rows);
  });

  it("reads xl/sharedStrings.xml when the workbook's relationships leave it out", () => {
    const parts = unzipSync(buildXlsx([STAFF]));
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!).replace(/<Relationship Id="rIdS"[^>]*\/>/, "");
    const bytes = repack(buildXlsx([STAFF]), { "xl/_rels/workbook.xml.rels": strToU8(rels) });
    expect(grid(bytes).sheets[0]!.rows).toEqual(STAFF.rows);
  });

  it("reads a shared-string cell as empty when the workbook has no shared strings at all", () => {
    const bytes = repack(buildXlsx([{ name: "S", rows: [["Band 5", 7]] }]), { "xl/sharedStrings.xml": null });
    expect(grid(bytes).sheets[0]!.rows).toEqual([[null, 7]]);
  });

  it("keeps apart two sheets whose part names differ only in letters that capitalise alike", () => {
    const parts = unzipSync(buildXlsx([STAFF, { name: "Other", rows: [["Post", "Band"]] }]));
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!)
      .replace("worksheets/sheet1.xml", "worksheets/Straße.xml")
      .replace("worksheets/sheet2.xml", "worksheets/Strasse.xml");
    const bytes = repack(zipSync(parts), {
      "xl/_rels/workbook.xml.rels": strToU8(rels),
      "xl/worksheets/sheet1.xml": "xl/worksheets/Straße.xml",
      "xl/worksheets/sheet2.xml": "xl/worksheets/Strasse.xml",
    });
    expect(grid(bytes).sheets.map((s) => s.rows[0])).toEqual([
      ["Name", "Band"],
      ["Post", "Band"],
    ]);
  });
});

describe("workbooks that cannot be read", () => {
  it.each(["EncryptionInfo", "EncryptedPackage"])("calls a zip holding %s password-protected", (stream) => {
    const err = errorOf(() => grid(zipSync({ [stream]: new Uint8Array(64) }), "locked.xlsx"));
    expect(err.issue.code).toBe("file-encrypted");
    expect(err.message).toBe("locked.xlsx is password-protected. Remove the password in Excel and try again.");
  });

  it("tells a binary workbook and a zip that is not a workbook what to do", () => {
    const xlsb = errorOf(() => grid(zipSync({ "xl/workbook.bin": new Uint8Array(10) }), "book.xlsb"));
    expect(xlsb.message).toBe(
      "book.xlsb is an Excel binary workbook (.xlsb). Open it in Excel and save it as .xlsx, then try again.",
    );
    const notes = errorOf(() => grid(zipSync({ "notes.txt": strToU8("hello") }), "notes.xlsx"));
    expect(notes.message).toBe("notes.xlsx is a zip file but not an Excel workbook (no workbook part found).");
  });

  it("names a sheet whose part is missing from the package", () => {
    const bytes = repack(buildXlsx([STAFF, { name: "Bank", rows: [["Name"]] }]), { "xl/worksheets/sheet2.xml": null });
    const err = errorOf(() => grid(bytes, "staff.xlsx"));
    expect(err.issue).toMatchObject({ code: "file-corrupt", params: { sheet: "Bank" } });
    expect(err.message).toBe('staff.xlsx is damaged: sheet "Bank" is missing from the workbook.');
  });

  it("names the sheets and the part when two sheets share one part", () => {
    const parts = unzipSync(buildXlsx([STAFF, { name: "Copy", rows: [["Name"]] }]));
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!).replace("sheet2.xml", "sheet1.xml");
    const bytes = repack(zipSync(parts), { "xl/_rels/workbook.xml.rels": strToU8(rels) });
    const err = errorOf(() => grid(bytes, "twice.xlsx"));
    expect(err.issue.params).toEqual({ sheet: "Copy", part: "xl/worksheets/sheet1.xml" });
  });
});

describe("hidden sheets", () => {
  const bytes = buildXlsx([STAFF, { name: "Lookups", rows: [["Band 5"]], hidden: true }]);

  it("are read unless the caller leaves them out", () => {
    expect(grid(bytes).sheets.map((s) => s.name)).toEqual(["Staff", "Lookups"]);
    expect(grid(bytes, "t.xlsx", { includeHidden: false }).sheets.map((s) => s.name)).toEqual(["Staff"]);
  });
});

describe("the size budget", () => {
  it("reads a workbook whose parts come to exactly the limit, and names the limit when they pass it", () => {
    const bytes = buildXlsx([STAFF]);
    const limit = declaredXml(bytes);
    expect(grid(bytes, "t.xlsx", { maxUncompressedBytes: limit }).sheets[0]!.rows).toEqual(STAFF.rows);
    const err = errorOf(() => grid(bytes, "t.xlsx", { maxUncompressedBytes: limit - 1 }));
    expect(err.issue).toMatchObject({ code: "file-too-large", params: { limitBytes: limit - 1 } });
  });

  it("counts only the XML and relationship parts, not pictures or other files carried in the package", () => {
    const big = new Uint8Array(2_000_000);
    const bytes = repack(buildXlsx([STAFF]), {
      "xl/media/image1.png": big,
      "customXml/export.xml.gz": big,
      "xl/embeddings/links.rels.bak": big,
    });
    expect(grid(bytes, "t.xlsx", { maxUncompressedBytes: 1_000_000 }).sheets[0]!.rows).toEqual(STAFF.rows);
  });
});

// A sheet whose reader wants the columns headed "Id", "Group" and "Band", found in the first row with "Id" in A, as
// the indicator reader chooses its columns from the top rows; null (read every column) when there is no such row
// or a wanted heading is there twice.
const KNOWN = new Set(["Id", "Group", "Band"]);
function chooseColumns(_sheet: string, top: CellStore): Uint8Array | null {
  for (let r = 0; r < top.rowCount; r++) {
    if (top.get(r, 0) !== "Id") continue;
    const wanted = top.row(r).map((v) => typeof v === "string" && KNOWN.has(v));
    const names = top.row(r).filter((v, c) => wanted[c]);
    if (new Set(names).size < names.length) return null;
    return Uint8Array.from(wanted, (w) => (w ? 1 : 0));
  }
  return null;
}

/** A title row, a header row and 60 people: Id and Group read, Note not; column D headed by nothing. */
function teamSheet(top: FixtureCell[][], merges: string[]) {
  const rows: FixtureCell[][] = [...top];
  for (let i = 0; i < 60; i++) rows.push([`${100 + i}`, `note ${i}`, `group ${i % 3}`, `band ${i % 4}`]);
  const inline = (v: FixtureCell): FixtureCell => (typeof v === "string" ? { inline: v } : v);
  return buildXlsx([{ name: "Team", rows: rows.map((r) => r.map(inline)), merges }]);
}
const TOP = [["Team list"], ["Id", "Note", "Group", null]];

function readTeam(bytes: Uint8Array, maxUncompressedBytes?: number) {
  const { sheets } = readCells(fileOf("team.xlsx", bytes), {
    columnsToRead: chooseColumns,
    ...(maxUncompressedBytes ? { maxUncompressedBytes } : {}),
  });
  return sheets[0]!.cells;
}

describe("reading a sheet again when its merged cells cross columns its reader skipped", () => {
  const row = TOP_ROWS + 5; // a person below the top rows the columns are chosen from

  it("reads a sheet without merges once, its unused columns left undecoded", () => {
    const cells = readTeam(teamSheet(TOP, []));
    expect([cells.get(row, 0), cells.get(row, 1), cells.get(row, 2)]).toEqual(["143", UNREAD_TEXT, "group 1"]);
  });

  it("keeps the columns chosen when no merge can change them: a title, a merge in the header, a read column", () => {
    const cells = readTeam(teamSheet(TOP, ["A1:D1", "B2:B3", `C${row + 1}:C${row + 2}`]));
    expect([cells.get(row, 1), cells.get(row, 2)]).toEqual([UNREAD_TEXT, "group 1"]);
  });

  it("reads again in full when a merge from the first row below the top copies a skipped cell", () => {
    const cells = readTeam(teamSheet(TOP, [`B${TOP_ROWS + 1}:C${TOP_ROWS + 1}`]));
    expect(cells.get(TOP_ROWS, 1)).toBe(`note ${TOP_ROWS - 2}`);
  });

  it("reads again in full when a heading merged down over the header row names one more column it wants", () => {
    const cells = readTeam(teamSheet([["Team list", null, null, "Band"], TOP[1]!], ["D1:D2"]));
    expect(cells.get(row, 3)).toBe("band 3");
  });

  it("reads again in full when a heading merged across makes the header ambiguous", () => {
    const cells = readTeam(teamSheet(TOP, ["C2:D2"]));
    expect([cells.get(row, 1), cells.get(row, 3)]).toEqual(["note 43", "band 3"]);
  });

  it("counts the sheet once against the size budget when it is read twice", () => {
    const bytes = teamSheet(TOP, ["C2:D2"]);
    expect(readTeam(bytes, declaredXml(bytes)).get(row, 1)).toBe("note 43");
  });
});
