// The XML helpers under the workbook reader: text as the user typed it, whatever escapes the writer used,
// and tags and sections found with or without a namespace prefix.
import { describe, expect, it } from "vitest";
import {
  attributes,
  decodeEntities,
  decodeOoxmlEscapes,
  section,
  startTags,
  stringItemText,
  xmlText,
} from "../../../src/workbook/xml";

describe("entities", () => {
  it("decodes the five named entities and numeric references in decimal and hex", () => {
    expect(decodeEntities("Tom &amp; Jerry &lt;3&gt; &quot;q&quot; &apos;a&apos;")).toBe(`Tom & Jerry <3> "q" 'a'`);
    expect(decodeEntities("caf&#233; &#xE9;&#Xe9; &#x1F600;")).toBe("café é&#Xe9; 😀");
    expect(decodeEntities("&#x10FFFF;&#1114111;")).toBe("\u{10FFFF}\u{10FFFF}");
  });

  it("leaves an unknown name, a code point past Unicode's last and text without entities as they are", () => {
    expect(decodeEntities("&nbsp; &#x110000; &#1114112; & ;")).toBe("&nbsp; &#x110000; &#1114112; & ;");
    // Digits enough to overflow a number are no code point either.
    const huge = `&#${"9".repeat(400)};&#x${"F".repeat(400)};`;
    expect(decodeEntities(huge)).toBe(huge);
    expect(decodeEntities("Band 5")).toBe("Band 5");
  });
});

describe("SpreadsheetML escapes", () => {
  it("decodes _xHHHH_ in either case, and _x005F_ as a literal underscore", () => {
    expect(decodeOoxmlEscapes("line_x000D__x000a_two")).toBe("line\r\ntwo");
    expect(decodeOoxmlEscapes("_x005F_x000D_")).toBe("_x000D_");
    expect(decodeOoxmlEscapes("_x00_ _xZZZZ_ x000D_")).toBe("_x00_ _xZZZZ_ x000D_");
  });

  it("reads text as typed: entities first, then escapes", () => {
    expect(xmlText("A &amp; E_x000D_")).toBe("A & E\r");
    // An escape written with an entity for its underscore is still an escape once the entity is read.
    expect(xmlText("&#95;x0041_")).toBe("A");
  });
});

describe("string items", () => {
  it("reads a plain item, with or without attributes on its text", () => {
    expect(stringItemText("<t>White &amp; Black Caribbean</t>")).toBe("White & Black Caribbean");
    expect(stringItemText('<t xml:space="preserve"> Band 5 </t>')).toBe(" Band 5 ");
    expect(stringItemText("<t/>")).toBe("");
  });

  it("joins rich-text runs and leaves out phonetic guides", () => {
    expect(
      stringItemText(
        '<r><rPr><b/></rPr><t>Asian </t></r><r><t xml:space="preserve">or Asian British</t></r><rPh sb="0" eb="1"><t>ajia</t></rPh>',
      ),
    ).toBe("Asian or Asian British");
    expect(stringItemText("<x:r><x:t>Band</x:t></x:r><x:r><x:t> 6</x:t></x:r>")).toBe("Band 6");
  });

  it("reads runs and phonetic guides under a prefix of several letters", () => {
    expect(
      stringItemText(
        '<ss:r><ss:t>Asian</ss:t></ss:r><ss:rPh sb="0" eb="1"><ss:t>ajia</ss:t></ss:rPh><ss:t> British</ss:t>',
      ),
    ).toBe("Asian British");
  });

  it("does not take a text holding markup for a plain one", () => {
    expect(stringItemText("<t>a</t><t>b</t>")).toBe("ab");
  });

  it("gives no text for a text element another element's end tag closes, plain or in a run (a damaged item)", () => {
    expect([stringItemText("<t>Band 5</x>"), stringItemText("<r><t>Band 5</x></r>")]).toEqual(["", ""]);
  });
});

describe("attributes", () => {
  it("reads double and single quotes, spaces round '=', and entities in values", () => {
    const a = attributes(` name="Staff &amp; Bank" sheetId = '3' state="hidden"`);
    expect([...a]).toEqual([
      ["name", "Staff & Bank"],
      ["sheetId", "3"],
      ["state", "hidden"],
    ]);
  });

  it("keeps a prefixed name both whole and by its local name, unless the tag has that name unprefixed", () => {
    const a = attributes(` r:id="rId2" xmlns:r="http://r" mc:Ignorable="x14ac" a:x="1" b:x="2"`);
    expect([a.get("r:id"), a.get("id"), a.get("Ignorable"), a.get("x")]).toEqual(["rId2", "rId2", "x14ac", "1"]);
    expect(a.get("xmlns:r")).toBe("http://r");
    expect(a.has("r")).toBe(false);
    for (const tag of [` r:id="rId2" id="own"`, ` id="own" r:id="rId2"`]) expect(attributes(tag).get("id")).toBe("own");
  });
});

describe("tags and sections", () => {
  const xml = `<x:workbook><x:sheets><x:sheet name="Staff" r:id="rId1"/><sheet name='CPD' r:id="rId2"></sheet><sheetPr/></x:sheets><definedNames/></x:workbook>`;

  it("finds every start tag of a local name, with or without a prefix, and no longer name", () => {
    expect(startTags(xml, "sheet").map((a) => [a.get("name"), a.get("id")])).toEqual([
      ["Staff", "rId1"],
      ["CPD", "rId2"],
    ]);
    expect(startTags(xml, "sheetPr")).toHaveLength(1);
    expect(startTags(xml, "book")).toEqual([]);
  });

  it("gives the inner text of the first element, empty for a self-closed one, null when there is none", () => {
    expect(section(xml, "sheets")).toBe(
      `<x:sheet name="Staff" r:id="rId1"/><sheet name='CPD' r:id="rId2"></sheet><sheetPr/>`,
    );
    expect(section(xml, "definedNames")).toBe("");
    expect(section(xml, "calcPr")).toBeNull();
    expect(section("<a><b>one</b ><b>two</b></a>", "b")).toBe("one");
  });

  it("ends a section at its own end tag, not at one a comment before it mentions", () => {
    expect(section("<a><!-- </b> was here --><b>one</b></a>", "b")).toBe("one");
  });

  it("gives the rest of a part whose element is not closed (a part cut short)", () => {
    expect(section("<sst><si><t>A</t></si><si><t>B", "sst")).toBe("<si><t>A</t></si><si><t>B");
  });
});
