// A Word document's tables and paragraphs (src/workbook/docx.ts), from document.xml written the way Word
// writes it: cells spanning grid columns and merged down, shaded cells, rows starting part-way along the grid,
// tables inside cells, text boxes with their fallback copy, tracked changes, field codes and entities.
import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { parseDocumentXml, readDocx } from "../../../src/workbook/docx";
import { packDocx } from "../plan-import/docx-builder";
import { errorOf } from "./fixtures";

const NAMESPACES =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 wp14"';

/** document.xml around a body, as Word saves it. */
function documentXml(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<w:document ${NAMESPACES}><w:body>${body}<w:sectPr w:rsidR="00A1"><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
  );
}

/** A run of text with Word's run properties. */
function run(text: string): string {
  return `<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
}

/** A paragraph of runs (raw run XML), with Word's revision ids and paragraph properties. */
function para(...runs: string[]): string {
  return `<w:p w:rsidR="00B2" w:rsidRDefault="00B2"><w:pPr><w:spacing w:after="0"/></w:pPr>${runs.join("")}</w:p>`;
}

/** A paragraph of one run of text. */
const p = (text: string) => para(run(text));

/** A cell: extra cell properties (gridSpan, vMerge, shd) and its paragraphs. */
function tc(props: string, ...paragraphs: string[]): string {
  return `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${props}</w:tcPr>${paragraphs.join("") || para()}</w:tc>`;
}

/** A row of cells, with optional row properties. */
function tr(cells: string[], rowProps = ""): string {
  return `<w:tr w:rsidR="00C3">${rowProps ? `<w:trPr>${rowProps}</w:trPr>` : ""}${cells.join("")}</w:tr>`;
}

/** A table of rows. */
function tbl(...rows: string[]): string {
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>${rows.join("")}</w:tbl>`;
}

const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
const restart = '<w:vMerge w:val="restart"/>';
const cont = "<w:vMerge/>";
const shade = (fill: string) => `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`;

/** A text box anchored in a run, as Word writes it: the DrawingML shape, then the VML copy for older readers. */
function textBox(text: string, ...more: string[]): string {
  const box = `<w:txbxContent>${p(text)}${more.join("")}</w:txbxContent>`;
  return (
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="100" cy="100"/>` +
    `<a:graphic><a:graphicData><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>` +
    `</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape>` +
    `</w:pict></mc:Fallback></mc:AlternateContent></w:r>`
  );
}

const parse = (body: string) => parseDocumentXml(documentXml(body));

describe("parseDocumentXml", () => {
  it("reads a table's cells by row and the paragraphs outside it", () => {
    const content = parse(
      p("WRES action plan 2024/25") +
        tbl(tr([tc("", p("No")), tc("", p("Action"))]), tr([tc("", p("1.1")), tc("", p("Diverse panels"))])) +
        para(),
    );
    expect(content).toEqual({
      paragraphs: ["WRES action plan 2024/25"],
      tables: [
        {
          name: "Table 1",
          rows: [
            ["No", "Action"],
            ["1.1", "Diverse panels"],
          ],
          merges: [],
          fills: {},
        },
      ],
    });
  });

  it("spans a cell across the grid columns it covers, naming cells past column Z", () => {
    const title = tc(span(26), p("Workforce Race Equality Standard"));
    const numbers = Array.from({ length: 26 }, (_, i) => tc("", p(String(i + 1))));
    const { rows, merges } = parse(tbl(tr([title]), tr(numbers), tr([tc("", p("Lead")), tc(span(2), p("HR"))])))
      .tables[0]!;
    expect(rows[0]).toEqual(["Workforce Race Equality Standard"]);
    expect(rows[1]).toHaveLength(26);
    expect(rows[2]).toEqual(["Lead", "HR"]);
    expect(merges).toEqual(["A1:Z1", "B3:C3"]);
  });

  it("merges a cell down over the cells that continue it, to the last row", () => {
    const { rows, merges } = parse(
      tbl(
        tr([tc("", p("Indicator")), tc("", p("Action"))]),
        tr([tc(restart, p("Indicator 2")), tc("", p("Shortlisting audit"))]),
        tr([tc(cont), tc("", p("Panel training"))]),
        tr([tc(cont), tc("", p("Mentoring"))]),
      ),
    ).tables[0]!;
    expect(rows).toEqual([
      ["Indicator", "Action"],
      ["Indicator 2", "Shortlisting audit"],
      [undefined, "Panel training"],
      [undefined, "Mentoring"],
    ]);
    expect(merges).toEqual(["A2:A4"]);
  });

  it("ends a merge down at the first row that does not continue it, and merges a block across and down", () => {
    const { rows, merges } = parse(
      tbl(
        tr([tc(restart + span(2), p("Objective 1")), tc(restart, p("Red"))]),
        tr([tc(cont + span(2)), tc(cont)]),
        tr([tc("", p("1.1")), tc("", p("Recruit")), tc("", p("Amber"))]),
      ),
    ).tables[0]!;
    expect(rows).toEqual([["Objective 1", undefined, "Red"], [], ["1.1", "Recruit", "Amber"]]);
    expect(merges).toEqual(["A1:B2", "C1:C2"]);
  });

  it("makes no merge of a cell marked to start a merge down that no cell continues", () => {
    const { merges } = parse(
      tbl(
        tr([tc(restart, p("Lone")), tc(restart + span(2), p("Wide"))]),
        tr([tc("", p("Next")), tc("", p("b")), tc("", p("c"))]),
      ),
    ).tables[0]!;
    expect(merges).toEqual(["B1:C1"]);
  });

  it("keeps the text of a cell marked to continue a merge when the cell above starts none", () => {
    const { rows, merges } = parse(tbl(tr([tc("", p("Above"))]), tr([tc(cont, p("Own text"))]))).tables[0]!;
    expect(rows).toEqual([["Above"], ["Own text"]]);
    expect(merges).toEqual([]);
  });

  it("ends a merge down at a row with no cell in its column", () => {
    const { rows, merges } = parse(
      tbl(
        tr([tc("", p("a")), tc(restart, p("Merged"))]),
        tr([tc("", p("b")), tc(cont)]),
        tr([tc("", p("Short row"))], '<w:gridAfter w:val="1"/>'),
        tr([tc("", p("c")), tc(cont, p("Not merged"))]),
      ),
    ).tables[0]!;
    expect(rows).toEqual([["a", "Merged"], ["b"], ["Short row"], ["c", "Not merged"]]);
    expect(merges).toEqual(["B1:B2"]);
  });

  it("places the cells of a row that starts part-way along the grid", () => {
    const { rows, merges, fills } = parse(
      tbl(
        tr([tc("", p("No")), tc("", p("Action")), tc("", p("Lead")), tc("", p("Due"))]),
        tr([tc("", p("1.1")), tc("", p("Reverse mentoring")), tc("", p("CPO")), tc("", p("March"))]),
        tr(
          [tc(span(2) + shade("FFC000"), p("Director of People"))],
          '<w:gridBefore w:val="2"/><w:wBefore w:w="4000" w:type="dxa"/>',
        ),
      ),
    ).tables[0]!;
    expect(rows).toEqual([
      ["No", "Action", "Lead", "Due"],
      ["1.1", "Reverse mentoring", "CPO", "March"],
      [undefined, undefined, "Director of People"],
    ]);
    expect(merges).toEqual(["C3:D3"]);
    expect(fills).toEqual({ C3: "FFC000" });
  });

  it("keeps a cell's shading in capitals, but not white shading or a fill that is not six hex digits", () => {
    const { fills } = parse(
      tbl(
        tr([
          tc(shade("ffc000"), p("Amber")),
          tc(shade("FFFFFF"), p("White")),
          tc(shade("auto"), p("Auto")),
          tc(shade("#00B050"), p("Hash")),
          tc(shade("00B050FF"), p("Eight digits")),
          tc(shade("00B050"), p("Green")),
        ]),
      ),
    ).tables[0]!;
    expect(fills).toEqual({ A1: "FFC000", F1: "00B050" });
  });

  it("does not take a highlighted run's shading for its cell's fill", () => {
    const highlighted = `<w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/></w:rPr><w:t>Overdue</w:t></w:r>`;
    // The first cell has no cell properties at all, as some writers leave them out.
    const bare = `<w:tc>${para(highlighted)}</w:tc>`;
    const { rows, fills } = parse(tbl(tr([bare, tc("", para(highlighted)), tc(shade("00B050"), para(highlighted))])))
      .tables[0]!;
    expect(rows).toEqual([["Overdue", "Overdue", "Overdue"]]);
    expect(fills).toEqual({ C1: "00B050" });
  });

  it("reads a cell's paragraphs and line breaks as lines, dropping the empty paragraphs at its end", () => {
    const lines = para(run("Line one"), "<w:r><w:br/></w:r>", run("Line two"), "<w:r><w:cr/></w:r>", run("Line three"));
    const { rows } = parse(
      tbl(
        tr([
          tc("", lines, '<w:p w:rsidR="00B2" w:rsidRDefault="00B2"/>', p("Line five"), para(), '<w:p w:rsidR="00B2"/>'),
        ]),
      ),
    ).tables[0]!;
    expect(rows).toEqual([["Line one\nLine two\nLine three\n\nLine five"]]);
  });

  it("reads tabs as spaces, in a cell and outside tables", () => {
    const content = parse(
      para(run("WRES"), "<w:r><w:tab/></w:r>", run("2024/25")) +
        tbl(tr([tc("", para(run("Lead:"), "<w:r><w:tab/></w:r>", run("HR")))])),
    );
    expect(content.paragraphs).toEqual(["WRES 2024/25"]);
    expect(content.tables[0]!.rows).toEqual([["Lead: HR"]]);
  });

  it("does not read a paragraph's tab stops as spaces", () => {
    const tabStops =
      '<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs></w:pPr>';
    const lead = `<w:p>${tabStops}${run("Lead:")}<w:r><w:tab/></w:r>${run("HR")}</w:p>`;
    const emptyStops = `<w:p><w:pPr><w:tabs/></w:pPr>${run("Due:")}<w:r><w:tab/></w:r>${run("March")}</w:p>`;
    const content = parse(lead + emptyStops + tbl(tr([tc("", p("Recruit mentors"), lead)])));
    expect(content.paragraphs).toEqual(["Lead: HR", "Due: March"]);
    expect(content.tables[0]!.rows).toEqual([["Recruit mentors\nLead: HR"]]);
  });

  it("leaves out empty cells and cells of spaces", () => {
    const { rows } = parse(tbl(tr([tc("", para()), tc("", p("   ")), tc("", p("Done"))]))).tables[0]!;
    expect(rows).toEqual([[undefined, undefined, "Done"]]);
  });

  it("keeps the paragraphs outside tables trimmed, without empty ones", () => {
    const content = parse(
      p("  WRES action plan 2024/25  ") + p("   ") + para() + '<w:p w:rsidR="00B2"/>' + p("Approved by the board"),
    );
    expect(content).toEqual({ tables: [], paragraphs: ["WRES action plan 2024/25", "Approved by the board"] });
  });

  it("reads a table inside a cell as that cell's text, leaving the outer table's shape alone", () => {
    const inner = tbl(
      tr([tc(shade("FF0000") + restart, p("Q1")), tc(span(2), p("Q2"))], '<w:gridBefore w:val="1"/>'),
      tr([tc(cont), tc("", p("Done"))]),
    );
    const content = parse(
      tbl(tr([tc("", p("1.1")), tc("", p("Milestones"), inner, para())]), tr([tc("", p("1.2")), tc("", p("Review"))])) +
        para() +
        tbl(tr([tc("", p("Second table"))])),
    );
    expect(content.tables).toEqual([
      {
        name: "Table 1",
        rows: [
          ["1.1", "Milestones\nQ1\nQ2\n\nDone"],
          ["1.2", "Review"],
        ],
        merges: [],
        fills: {},
      },
      { name: "Table 2", rows: [["Second table"]], merges: [], fills: {} },
    ]);
  });

  it("reads a text box once, not again from its copy for older readers", () => {
    const content = parse(
      para(textBox("Draft")) + p("WRES action plan") + tbl(tr([tc("", para(textBox("See note")), p("After"))])),
    );
    expect(content.paragraphs).toEqual(["Draft", "WRES action plan"]);
    // The paragraph holding the box is an empty line of its own.
    expect(content.tables[0]!.rows).toEqual([["See note\n\nAfter"]]);
  });

  it("keeps the text of a paragraph that holds a text box, with the box's text before it", () => {
    const content = parse(
      para(run("WRES action plan "), textBox("DRAFT"), run("2024/25")) +
        tbl(
          tr([
            tc(
              "",
              p("1.1"),
              para(run("Recruit "), textBox("See note", '<w:p w:rsidR="00B2"/>'), run("mentors")),
              p("By March"),
            ),
          ]),
          tr([tc("", tbl(tr([tc("", para(run("Inner "), textBox("Box"), run("cell")))])), para())]),
        ),
    );
    expect(content.paragraphs).toEqual(["DRAFT", "WRES action plan 2024/25"]);
    expect(content.tables[0]!.rows).toEqual([["1.1\nSee note\n\nRecruit mentors\nBy March"], ["Box\nInner cell"]]);
  });

  it("reads on after an empty copy for older readers", () => {
    const empty =
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>';
    const content = parse(para(empty, run("WRES action plan")) + tbl(tr([tc("", p("1.1"))])));
    expect(content).toEqual({
      paragraphs: ["WRES action plan"],
      tables: [{ name: "Table 1", rows: [["1.1"]], merges: [], fills: {} }],
    });
  });

  it("leaves out deleted text of tracked changes and field codes", () => {
    const deleted = (text: string) =>
      `<w:del w:id="1" w:author="EDI lead"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
    const field =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
    const content = parse(
      para(deleted("Draft "), run("WRES action plan 2024/25")) +
        tbl(
          tr([
            tc(
              "",
              para(
                run("Recruit "),
                deleted("two"),
                `<w:ins w:id="2" w:author="EDI lead">${run("three")}</w:ins>`,
                run(" mentors"),
              ),
            ),
          ]),
        ) +
        para(run("Page "), field, run("1"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    );
    expect(content.paragraphs).toEqual(["WRES action plan 2024/25", "Page 1"]);
    expect(content.tables[0]!.rows).toEqual([["Recruit three mentors"]]);
  });

  it("ignores the indentation between the elements of a document written with line breaks", () => {
    const indented = documentXml(
      "\n  <w:tbl>\n    <w:tr>\n      <w:tc>\n        <w:p>\n          <w:r>\n            <w:t>1.1</w:t>\n          </w:r>\n        </w:p>\n      </w:tc>\n    </w:tr>\n  </w:tbl>\n",
    );
    expect(parseDocumentXml(indented).tables[0]!.rows).toEqual([["1.1"]]);
  });

  it("decodes named, decimal and hexadecimal character references, and keeps ones that name no character", () => {
    const content = parse(
      p("Staff &amp; board &lt;BME&gt; &quot;voice&quot; &apos;26") +
        p("Trust&#8217;s plan &#x2013; year &#X1F4C8;") +
        p("Top &#x10FFFF; end") +
        p("Kept: &#0; &#x110000; &#1114112; &#99999999999;"),
    );
    expect(content.paragraphs).toEqual([
      `Staff & board <BME> "voice" '26`,
      "Trust\u2019s plan \u2013 year \u{1F4C8}",
      "Top \u{10FFFF} end",
      "Kept: &#0; &#x110000; &#1114112; &#99999999999;",
    ]);
  });
});

describe("readDocx", () => {
  const xml = documentXml(p("WRES action plan 2024/25") + tbl(tr([tc("", p("1.1"))])));

  it("reads a document whose text is exactly at the size limit", () => {
    const size = strToU8(xml).length;
    expect(readDocx("plan.docx", packDocx(xml), size)).toEqual({
      paragraphs: ["WRES action plan 2024/25"],
      tables: [{ name: "Table 1", rows: [["1.1"]], merges: [], fills: {} }],
    });
  });

  it("refuses a document whose text is over the size limit, giving the limit", () => {
    const size = strToU8(xml).length;
    const error = errorOf(() => readDocx("plan.docx", packDocx(xml), size - 1));
    expect(error.issue).toMatchObject({
      code: "file-too-large",
      file: "plan.docx",
      message: "plan.docx would expand to more than 0 MB when opened, which is over the limit.",
      params: { limitBytes: size - 1 },
    });
  });

  it("says a zip file without a document part is not a Word document", () => {
    const error = errorOf(() => readDocx("plan.docx", zipSync({ "xl/workbook.xml": strToU8("<workbook/>") })));
    expect(error.issue).toMatchObject({
      code: "file-not-document",
      file: "plan.docx",
      message: "plan.docx is a zip file but not a Word document (no word/document.xml found).",
    });
  });
});
