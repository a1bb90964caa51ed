// Cell fill colours, for a plan that shows RAG only as the status cell's colour: which styles are a solid RGB
// fill, as Excel, LibreOffice and prefixed writers spell them, and which cells of which sheet have one.
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readCellFills } from "../../../src/workbook";
import { solidFillsByStyle } from "../../../src/workbook/fills";

const styles = (fills: string, xfs: string, prefix = "") =>
  `<?xml version="1.0"?><${prefix}styleSheet><${prefix}fills count="9">${fills}</${prefix}fills><${prefix}cellXfs count="9">${xfs}</${prefix}cellXfs></${prefix}styleSheet>`;
const solid = (rgb: string) =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
const xf = (fillId: number) => `<xf numFmtId="0" fontId="0" fillId="${fillId}" borderId="0" applyFill="1"/>`;

describe("solid fills by style", () => {
  it("maps each cell format to its fill's RGB colour, as six upper-case hex digits", () => {
    const xml = styles(
      `<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${solid("FFFF0000")}${solid("00b050")}`,
      `${xf(0)}${xf(2)}${xf(1)}${xf(3)}${xf(2)}`,
    );
    expect([...solidFillsByStyle(xml)]).toEqual([
      [1, "FF0000"],
      [3, "00B050"],
      [4, "FF0000"],
    ]);
  });

  it("leaves out white, theme and indexed colours, patterns that are not solid, and formats with no fill", () => {
    const xml = styles(
      [
        solid("FFFFFFFF"),
        `<fill><patternFill patternType="solid"><fgColor theme="5" tint="0.4"/></patternFill></fill>`,
        `<fill><patternFill patternType="solid"><fgColor indexed="10"/></patternFill></fill>`,
        `<fill><patternFill patternType="darkGrid"><fgColor rgb="FFFFC000"/></patternFill></fill>`,
        `<fill/>`,
        solid("FFFFC000"),
      ].join(""),
      `${xf(0)}${xf(1)}${xf(2)}${xf(3)}${xf(4)}<xf numFmtId="0" fontId="0" borderId="0"/>${xf(5)}`,
    );
    expect([...solidFillsByStyle(xml)]).toEqual([[6, "FFC000"]]);
  });

  it.each(["x:", "main:"])("reads styles written with the namespace prefix %j", (p) => {
    const xml = styles(
      `<${p}fill/><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF0070C0"/></${p}patternFill></${p}fill>`,
      `<${p}xf fillId="0"/><${p}xf fillId="1"/>`,
      p,
    );
    expect([...solidFillsByStyle(xml)]).toEqual([[1, "0070C0"]]);
  });

  it("counts a fill tag written with spaces or attributes, and finds rgb after another attribute", () => {
    // Fills are numbered by their order, so a fill not counted gives every later format the wrong colour.
    const xml = styles(
      [
        `<fill />`,
        `<fill xr:uid="{1}"><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill>`,
        `<fill ><patternFill patternType="solid"><fgColor auto="0" rgb="FF00B050"/></patternFill></fill>`,
      ].join(""),
      `${xf(0)}${xf(1)}${xf(2)}`,
    );
    expect([...solidFillsByStyle(xml)]).toEqual([
      [1, "FF0000"],
      [2, "00B050"],
    ]);
  });

  it("finds the fill of a format past the tenth fill", () => {
    const fills = Array.from({ length: 11 }, () => `<fill/>`).join("") + solid("FFFFC000");
    expect([...solidFillsByStyle(styles(fills, `${xf(0)}${xf(11)}`))]).toEqual([[1, "FFC000"]]);
  });

  it("finds nothing in styles without fills or cell formats", () => {
    expect(solidFillsByStyle("<styleSheet/>").size).toBe(0);
    expect(solidFillsByStyle(styles(solid("FFFF0000"), "")).size).toBe(0);
  });
});

/** A workbook of the given sheets' XML, with styles.xml when given. */
function workbook(sheets: Record<string, string>, stylesXml: string | null): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    "xl/workbook.xml": strToU8(
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}${stylesXml === null ? "" : `<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`}</Relationships>`,
    ),
  };
  names.forEach((n, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheets[n]!)));
  if (stylesXml !== null) files["xl/styles.xml"] = strToU8(stylesXml);
  return zipSync(files);
}

describe("cell fills of a workbook", () => {
  const STYLES = styles(`<fill/><fill/>${solid("FFFF0000")}${solid("FF00B050")}`, `${xf(0)}${xf(2)}${xf(3)}`);

  it("gives each sheet's coloured cells by reference", () => {
    const bytes = workbook(
      {
        Plan: `<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="D2" s="1" t="s"><v>1</v></c></row><row r="3"><c r="D3" s="2"/><c r="E3" s="0"/></row></sheetData></worksheet>`,
        Notes: `<worksheet><sheetData><row r="1"><c r="A1"/></row></sheetData></worksheet>`,
      },
      STYLES,
    );
    expect(readCellFills("plan.xlsx", bytes, 1 << 20)).toEqual(
      new Map([
        ["Plan", { D2: "FF0000", D3: "00B050" }],
        ["Notes", {}],
      ]),
    );
  });

  it.each(["x:", "main:"])(
    "reads cells written with the namespace prefix %j, and skips a styled cell that gives no reference",
    (p) => {
      const bytes = workbook(
        {
          Plan: `<${p}worksheet><${p}sheetData><${p}row><${p}c r="B7" s="2"/><${p}c s="1"/></${p}row></${p}sheetData></${p}worksheet>`,
        },
        STYLES,
      );
      expect(readCellFills("plan.xlsx", bytes, 1 << 20).get("Plan")).toEqual({ B7: "00B050" });
    },
  );

  it("reads cells past column Z and row 9, styled past the tenth format", () => {
    const many = styles(`<fill/><fill/>${solid("FFFF0000")}`, `${xf(0).repeat(12)}${xf(2)}`);
    const bytes = workbook(
      {
        Plan: `<worksheet><sheetData><row r="12"><c r="D12" s="12"/><c r="AB12" s="12"><v>1</v></c></row></sheetData></worksheet>`,
      },
      many,
    );
    expect(readCellFills("plan.xlsx", bytes, 1 << 20).get("Plan")).toEqual({ D12: "FF0000", AB12: "FF0000" });
  });

  it("finds nothing in a workbook without styles, without coloured styles, or that is not a workbook", () => {
    const sheet = { Plan: `<worksheet><sheetData><row><c r="A1" s="1"/></row></sheetData></worksheet>` };
    expect(readCellFills("a.xlsx", workbook(sheet, null), 1 << 20).size).toBe(0);
    expect(readCellFills("b.xlsx", workbook(sheet, styles(`<fill/>`, xf(0))), 1 << 20).size).toBe(0);
    expect(readCellFills("c.zip", zipSync({ "notes.txt": strToU8("hello") }), 1 << 20).size).toBe(0);
  });

  it("skips a sheet the workbook names but does not hold", () => {
    const whole = unzipSync(
      workbook(
        { Plan: `<worksheet><sheetData><row><c r="C3" s="1"/></row></sheetData></worksheet>`, Gone: "" },
        STYLES,
      ),
    );
    delete whole["xl/worksheets/sheet2.xml"];
    expect(readCellFills("plan.xlsx", zipSync(whole), 1 << 20)).toEqual(new Map([["Plan", { C3: "FF0000" }]]));
  });
});
