// The small parts of a workbook as Excel, LibreOffice, Google Sheets, openpyxl and other writers spell them:
// shared strings, the number formats that display dates, relationships, the workbook part and serial dates.
import { describe, expect, it } from "vitest";
import {
  isDateFormatCode,
  parseDateStyles,
  parseRelationships,
  parseSharedStrings,
  parseWorkbook,
  resolveTarget,
  serialToIso,
} from "../../../src/workbook/parts";

const SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

describe("shared strings", () => {
  it("reads plain items, rich-text runs and phonetic guides in index order", () => {
    const xml =
      `${SST}<si><t>Band 5</t></si>` +
      `<si><r><rPr><b/></rPr><t>White </t></r><r><t xml:space="preserve">British</t></r></si>` +
      `<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si><si></si></sst>`;
    expect(parseSharedStrings(xml)).toEqual(["Band 5", "White British", "東京", ""]);
  });

  it("reads items under any namespace prefix, as the Open XML SDK and others write them", () => {
    const xml =
      `<ss:sst xmlns:ss="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2">` +
      `<ss:si><ss:t>Nurse</ss:t></ss:si><ss:si><ss:r><ss:t>Band </ss:t></ss:r><ss:r><ss:t>6</ss:t></ss:r></ss:si></ss:sst>`;
    expect(parseSharedStrings(xml)).toEqual(["Nurse", "Band 6"]);
  });

  it("reads items with attributes and empty self-closed items, keeping every index in place", () => {
    const xml = `${SST}<si xml:space="preserve"><t> Bank </t></si><si/><si xml:space="preserve"><t>Band 7</t></si></sst>`;
    expect(parseSharedStrings(xml)).toEqual([" Bank ", "", "Band 7"]);
    // Every item with attributes, with and without a prefix.
    expect(parseSharedStrings(`${SST}<si xml:space="preserve"><t> Bank </t></si></sst>`)).toEqual([" Bank "]);
    expect(
      parseSharedStrings(`<x:sst xmlns:x="urn:x"><x:si xml:space="preserve"><x:t>Band 7</x:t></x:si></x:sst>`),
    ).toEqual(["Band 7"]);
  });

  it("reads items written with no root element or declaration", () => {
    expect(parseSharedStrings("<si><t>Band 5</t></si><si><t>Band 6</t></si>")).toEqual(["Band 5", "Band 6"]);
  });

  it("gives no string for an item the part was cut off inside", () => {
    expect(parseSharedStrings("<si><t>Band 5")).toEqual([]);
  });

  it("does not count a stray closing tag as an item, so later cells keep their own text", () => {
    expect(parseSharedStrings(`${SST}<extLst/></si><si><t>Band 5</t></si></sst>`)).toEqual(["Band 5"]);
    expect(parseSharedStrings(`${SST}<si><t>Band 5</t></si><extLst/></si><si><t>Band 6</t></si></sst>`)).toEqual([
      "Band 5",
      "Band 6",
    ]);
  });
});

describe("number formats that display dates", () => {
  it.each([
    "dd/mm/yyyy",
    "[$-809]dd/mm/yyyy;@",
    "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy",
    "h:mm AM/PM",
    "[h]:mm",
    "[hh]",
    "[mm]",
    "[ss].00",
    "yyyy",
    '"Start: "dd/mm/yyyy',
  ])("%s displays a date or time", (code) => {
    expect(isDateFormatCode(code)).toBe(true);
  });

  it.each([
    "0.00",
    "#,##0",
    "0.00E+00",
    "0%",
    "# ?/?",
    '"Date:"0',
    "\\£#,##0.00",
    "[Red]0.00;[Red]-0.00",
    "[$USD-409]#,##0.00",
    "General",
    "@",
    "0;dd/mm/yyyy",
  ])("%s displays no date", (code) => {
    expect(isDateFormatCode(code)).toBe(false);
  });

  it("tells date styles by their built-in or custom format, and a custom format without a code is no date", () => {
    const styles =
      `<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>` +
      `<numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166"/></numFmts>` +
      `<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>` +
      `<xf numFmtId="166"/><xf/></cellXfs></styleSheet>`;
    expect(parseDateStyles(styles)).toEqual([false, true, true, false, false, false]);
  });
});

describe("relationship targets", () => {
  it.each([
    ["xl", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl", "./worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl", "worksheets//sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets", "../sharedStrings.xml", "xl/sharedStrings.xml"],
    ["xl", "../../../xl/styles.xml", "xl/styles.xml"],
    ["xl", "/xl/worksheets/sheet2.xml", "xl/worksheets/sheet2.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
  ])("from %j, %s is %s", (baseDir, target, path) => {
    expect(resolveTarget(baseDir, target)).toBe(path);
  });

  it("leaves out links to files outside the workbook", () => {
    const xml =
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/externalLinkPath" Target="file:///C:/Trust/staff.xlsx" TargetMode="External"/>` +
      `</Relationships>`;
    expect(parseRelationships(xml, "xl")).toEqual([
      { id: "rId1", type: `${REL}/worksheet`, target: "xl/worksheets/sheet1.xml" },
    ]);
  });

  it("reads a relationship missing its attributes as empty, inventing nothing", () => {
    expect(parseRelationships("<Relationship/>", "xl")).toEqual([{ id: "", type: "", target: "xl" }]);
  });
});

describe("the workbook part", () => {
  const rels = parseRelationships(
    `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
      `<Relationship Id="rId4" Type="${REL}/worksheet/v2" Target="worksheets/sheet4.xml"/>` +
      `<Relationship Id="rId5" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId6" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl",
  );

  it("lists the sheets in order with their parts and visibility", () => {
    const xml =
      `<workbook xmlns:r="${REL}"><workbookPr/><sheets>` +
      `<sheet name="Staff" sheetId="1" r:id="rId1"/><sheet name="Old" sheetId="2" state="hidden" r:id="rId2"/>` +
      `<sheet name="Chart" sheetId="3" state="veryHidden" r:id="rId3"/><sheet name="Next" sheetId="4" r:id="rId4"/>` +
      `<sheet sheetId="5" r:id="rId9"/></sheets></workbook>`;
    expect(parseWorkbook(xml, rels)).toEqual({
      sheets: [
        { name: "Staff", path: "xl/worksheets/sheet1.xml", state: "visible" },
        { name: "Old", path: "xl/worksheets/sheet2.xml", state: "hidden" },
        { name: "Chart", path: null, state: "veryHidden" },
        { name: "Next", path: null, state: "visible" },
        { name: "", path: null, state: "visible" },
      ],
      date1904: false,
      sharedStringsPath: "xl/sharedStrings.xml",
      stylesPath: "xl/styles.xml",
    });
  });

  it("finds a sheet's part whatever prefix the relationship id attribute has", () => {
    const xml = `<workbook xmlns:rel="${REL}"><sheets><sheet name="Staff" sheetId="1" rel:id="rId1"/></sheets></workbook>`;
    expect(parseWorkbook(xml, rels).sheets).toEqual([
      { name: "Staff", path: "xl/worksheets/sheet1.xml", state: "visible" },
    ]);
    // An unprefixed id of another vocabulary does not hide the relationship id.
    const both = `<workbook xmlns:r="${REL}"><sheets><sheet name="Staff" id="rId2" r:id="rId1"/></sheets></workbook>`;
    expect(parseWorkbook(both, rels).sheets[0]?.path).toBe("xl/worksheets/sheet1.xml");
  });

  it("finds the part of a sheet whose writer left out the relationship ids on both sides", () => {
    const noIds = parseRelationships(`<Relationship Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`, "xl");
    const xml = `<workbook><sheets><sheet name="Staff" sheetId="1"/></sheets></workbook>`;
    expect(parseWorkbook(xml, noIds).sheets).toEqual([
      { name: "Staff", path: "xl/worksheets/sheet1.xml", state: "visible" },
    ]);
  });

  it("reads the 1904 date system however it is spelled and prefixed", () => {
    expect(parseWorkbook(`<workbook><workbookPr date1904="1"/></workbook>`, []).date1904).toBe(true);
    expect(parseWorkbook(`<workbook><workbookPr date1904="true"/></workbook>`, []).date1904).toBe(true);
    expect(
      parseWorkbook(`<sml:workbook xmlns:sml="urn:x"><sml:workbookPr date1904="1"/></sml:workbook>`, []).date1904,
    ).toBe(true);
    expect(parseWorkbook(`<workbook><workbookPr date1904="0"/></workbook>`, []).date1904).toBe(false);
    expect(parseWorkbook(`<workbook><workbookPr/></workbook>`, []).date1904).toBe(false);
  });

  it("never reads a sheet or shared strings from outside the file", () => {
    const external = parseRelationships(
      `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="https://example.org/staff.xml" TargetMode="External"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="../../strings.xml" TargetMode="External"/></Relationships>`,
      "xl",
    );
    const info = parseWorkbook(`<workbook><sheets><sheet name="Staff" r:id="rId1"/></sheets></workbook>`, external);
    expect(info.sheets).toEqual([{ name: "Staff", path: null, state: "visible" }]);
    expect(info.sharedStringsPath).toBeNull();
  });
});

describe("serial dates", () => {
  it.each([
    [59, "1900-02-28"],
    // Lotus's fictitious 29 February 1900 reads as the last real day of that February.
    [60, "1900-02-28"],
    [61, "1900-03-01"],
    [36585, "2000-02-29"],
    [36586, "2000-03-01"],
    [45747.60434027778, "2025-03-31T14:30:15"],
    // A time that rounds up to midnight is the next day.
    [45747.999999, "2025-04-01"],
    [2_958_465.5, "9999-12-31T12:00:00"],
  ])("serial %d is %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
  });

  it("reads a time alone as a time of day", () => {
    expect(serialToIso(0.37855324074074076)).toBe("09:05:07");
    expect(serialToIso(0.5, true)).toBe("12:00:00");
    expect(serialToIso(0)).toBeNull();
  });

  it.each([-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 2_958_466])("%d is no date", (serial) => {
    expect(serialToIso(serial)).toBeNull();
  });

  it("ends the 1904 system at 9999-12-31 too", () => {
    expect(serialToIso(2_957_003, true)).toBe("9999-12-31");
    expect(serialToIso(2_957_004, true)).toBeNull();
    expect(serialToIso(2_958_465, true)).toBeNull();
  });
});
