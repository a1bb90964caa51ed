// The words and shapes that say what a row of a published plan is, pattern by pattern, with the near misses
// each must refuse; and the label rows that describe an objective, read as such in a whole sheet.
import { describe, expect, it } from "vitest";
import {
  BARE_NUMBER,
  HEADING_WORD,
  isBlank,
  LEADING_NUMBER,
  NAMED_HEADING,
  NOISE_LINE,
  NOTE_LINE,
  NUMBERED_HEADING,
  OWNER_LINE,
  rowText,
  splitHeading,
  SUB_ITEM,
  tidyNumber,
  TITLE_LINE,
} from "../../../src/plan/import/row-patterns";
import { parseSheets, sheet } from "./fixtures";

function matches(pattern: RegExp, texts: string[]): string[] {
  return texts.filter((text) => pattern.test(text));
}

describe("objective headings", () => {
  it("HEADING_WORD: a heading word at the start, singular or plural, after an optional 'strategic'", () => {
    const yes = [
      "Objective 1",
      "Strategic  objectives",
      "PRIORITY 2",
      "Aims and goals",
      "Goal",
      "Themes",
      "Workstream A",
      "Section 2",
      "Amcan 1",
    ];
    expect(matches(HEADING_WORD, yes)).toEqual(yes);
    expect(
      matches(HEADING_WORD, ["Objectivity", "Our objective", "strategicobjective", "Strategic plan", "Aimless"]),
    ).toEqual([]);
  });

  it("NAMED_HEADING: a heading word with a number or a colon", () => {
    const yes = ["Objective 2: x", "Objective: x", "Objective12", "Objectives  3", "Strategic  aim 1", "amcan:"];
    expect(matches(NAMED_HEADING, yes)).toEqual(yes);
    expect(matches(NAMED_HEADING, ["Objective two", "Priority area", "Our objective 1", "Objective - 1"])).toEqual([]);
  });

  it("NUMBERED_HEADING: one or two digits, a stop, then a word", () => {
    const yes = ["1. Data", "12) Culture", "3 - Ab", "4– x", "5:Z", "1.  Data", "6. Élan"];
    expect(matches(NUMBERED_HEADING, yes)).toEqual(yes);
    expect(
      matches(NUMBERED_HEADING, ["123. Data", "1.2 Data", "1 Data", "1. 5 things", "a. Data", "x1. Data"]),
    ).toEqual([]);
  });

  it("splitHeading: the number and the title of a heading", () => {
    expect(splitHeading("Objective 1: Improve X")).toEqual({ number: "1", title: "Improve X" });
    expect(splitHeading("1. Data")).toEqual({ number: "1", title: "Data" });
    expect(splitHeading("Strategic objectives 2.1 - Fair  processes")).toEqual({
      number: "2.1",
      title: "Fair processes",
    });
    expect(splitHeading("Amcan 3 – Diwylliant")).toEqual({ number: "3", title: "Diwylliant" });
    expect(splitHeading("Aim: Better data")).toEqual({ number: "", title: "Better data" });
    expect(splitHeading("Objective. Data")).toEqual({ number: "", title: "Data" });
    expect(splitHeading("Representation")).toEqual({ number: "", title: "Representation" });
    expect(splitHeading("Objective 1:")).toEqual({ number: "1", title: "Objective 1:" });
    expect(splitHeading("Goal 4\nRetention")).toEqual({ number: "4", title: "Retention" });
    expect(splitHeading("Objective 2.10 - Fair processes")).toEqual({ number: "2.10", title: "Fair processes" });
    expect(splitHeading("Objective 1: Data\u2028and reporting")).toEqual({ number: "1", title: "Data and reporting" });
  });
});

describe("action numbers", () => {
  it("BARE_NUMBER: a number with nothing else", () => {
    const yes = ["1.3", "2", "3a", "A1", "A12", "Action 3", "action3", "Action  3", "1.2.3.", "12.10", "B2.1", "x1.3"];
    expect(matches(BARE_NUMBER, yes)).toEqual(yes);
    expect(matches(BARE_NUMBER, ["1.3 x", "ab1", "1ab", "Actions 3", "1..2", "", ".1", "A", "x 1"])).toEqual([]);
  });

  it("LEADING_NUMBER: the number opening an action's text", () => {
    const number = (text: string) => text.match(LEADING_NUMBER)?.[1] ?? null;
    expect(number("1.2 Do x")).toBe("1.2");
    expect(number("Action 3: Do y")).toBe("3");
    expect(number("ACTION  4 Do")).toBe("4");
    expect(number("2b) Do")).toBe("2b");
    expect(number("A1 - Do")).toBe("A1");
    expect(number("B1.2 Do")).toBe("B1.2");
    expect(number("A12 Do")).toBe("A12");
    expect(number("B1.12 Do")).toBe("B1.12");
    expect(number("12.10. Do")).toBe("12.10");
    expect(number("3.1.2 Do")).toBe("3.1.2");
    expect(number("1.2   Do")).toBe("1.2");
    expect(number("5–  Do")).toBe("5");
    for (const text of [
      "123 Do",
      "1.2",
      "1.2   ",
      "Do 1.2 x",
      "A1.2.3 Do",
      "1.123 Do",
      "1.2Do",
      "Action3 Do",
      "AB1 Do",
    ])
      expect(number(text), text).toBeNull();
  });

  it("tidyNumber: a number cell without its 'Action' word or closing stop", () => {
    expect(tidyNumber("Action 3")).toBe("3");
    expect(tidyNumber("Action No. 4")).toBe("4");
    expect(tidyNumber("action number 5.")).toBe("5");
    expect(tidyNumber("ActionNo4")).toBe("4");
    expect(tidyNumber(" 1.2. ")).toBe("1.2");
    expect(tidyNumber("1.2.\n")).toBe("1.2");
    expect(tidyNumber("Reaction 1")).toBe("Reaction 1");
    expect(tidyNumber("2.1 action")).toBe("2.1 action");
    expect(tidyNumber("3 .")).toBe("3");
  });

  it("SUB_ITEM: sub-actions a to h inside one cell", () => {
    const item = (text: string) => text.match(SUB_ITEM)?.slice(1, 3) ?? null;
    expect(item("a. Do this")).toEqual(["a", "Do this"]);
    expect(item("(b) Do that")).toEqual(["b", "Do that"]);
    expect(item("c)  Then this")).toEqual(["c", "Then this"]);
    expect(item("h. Last")).toEqual(["h", "Last"]);
    for (const text of ["i. Too far", "a.Do", "ab. Do", "A. Do", "a Do", "a. ", "x a. Do", "((a) Do"])
      expect(item(text), text).toBeNull();
  });
});

describe("lines that are not actions", () => {
  it("OWNER_LINE: an owner or sponsor line, with a short label before its colon", () => {
    const yes = [
      "Executive lead: Chief People Officer",
      "Exec sponsor: Director of Nursing",
      "Senior responsible owner: CEO",
      "Board lead (EDI): Non-executive director",
      "Objective owner: Head of EDI",
      "Accountable director/s: COO",
      "Lead: Head of OD",
      `Lead${"x".repeat(30)}: y`,
    ];
    expect(matches(OWNER_LINE, yes)).toEqual(yes);
    expect(
      matches(OWNER_LINE, [
        `Lead${"x".repeat(31)}: y`,
        "Lead",
        "Our lead: X",
        "Leads to better outcomes",
        "Executivelead: X",
      ]),
    ).toEqual([]);
  });

  it("NOTE_LINE: links, notes and sources", () => {
    const yes = [
      "Links to WRES 1",
      "Link to HIA 2",
      "Linked  to the EDI plan",
      "Link with HR",
      "Supports HIA 1",
      "Support the network",
      "Aligns with the strategy",
      "Align to the plan",
      "Alignment: people plan",
      "Relates to indicator 2",
      "Relate to",
      "See also objective 2",
      "Note: x",
      "Notes",
      "N.B. x",
      "NB x",
      "N. B. x",
      "Source: staff survey",
      "Context",
      "Cyswllt i WRES 1",
    ];
    expect(matches(NOTE_LINE, yes)).toEqual(yes);
    expect(
      matches(NOTE_LINE, ["Noted that", "Sources", "Supporting staff", "Linksto", "Our notes", "Contextual", "Nbx"]),
    ).toEqual([]);
  });

  it("NOISE_LINE: totals, colour keys, page numbers and continuation marks", () => {
    const yes = [
      "Total",
      "Totals",
      "Subtotal",
      "Sub-total",
      "Key",
      "RAG key",
      "Colour key",
      "Color legend",
      "RAG colour key",
      "Legend",
      "RAG rating key",
      "Page 3",
      "Continued",
      "(continued)",
    ];
    expect(matches(NOISE_LINE, yes)).toEqual(yes);
    expect(
      matches(NOISE_LINE, ["Totally", "Keyworkers", "Page", "Pages 3", "The key", "Sub total", "Discontinued"]),
    ).toEqual([]);
  });

  it("TITLE_LINE: the plan's own title", () => {
    const yes = [
      "WRES Action Plan 2024/25",
      "Action  plan",
      "Workforce Race Equality Standard",
      "WRES report",
      "WRES 2024",
      "The WRES improvement plan",
      "Cynllun gweithredu",
    ];
    expect(matches(TITLE_LINE, yes)).toEqual(yes);
    expect(
      matches(TITLE_LINE, ["WRES data 2199", "Fewres plan", "WRESplan", "Actionplan", "Improve the WRES"]),
    ).toEqual([]);
  });
});

describe("the words of a line, spaced as typed", () => {
  // A cell's text is tested as written, before its spaces are tidied.
  it("reads a note, a colour key, a page number or the plan's title with extra spaces or a line break between its words", () => {
    const notes = [
      "Links  to WRES 1",
      "Link\n with HR",
      "Aligns  with the strategy",
      "Relates  to indicator 2",
      "See \nalso objective 2",
    ];
    expect(matches(NOTE_LINE, notes)).toEqual(notes);
    const noise = ["RAG  key", "Colour  key", "Color \nlegend", "RAG  rating key", "RAG rating  key", "Page  3"];
    expect(matches(NOISE_LINE, noise)).toEqual(noise);
    const titles = ["Workforce  Race Equality Standard", "Workforce Race \nEquality Standard", "Cynllun  gweithredu"];
    expect(matches(TITLE_LINE, titles)).toEqual(titles);
  });

  it("keeps a note typed with a double space out of the objective's actions, and a key typed so out of the plan", () => {
    const { objectives } = parseSheets([
      sheet([
        ["Ref", "Action", "Lead"],
        ["Objective 1: Data"],
        ["Links  to WRES indicator 2"],
        ["1.1", "Publish data", "Head of EDI"],
        ["RAG  rating key"],
      ]),
    ]);
    expect(objectives.map((o) => [o.fields.title, o.fields.description, o.actions.map((a) => a.fields.title)])).toEqual(
      [["Data", "Links to WRES indicator 2", ["Publish data"]]],
    );
  });
});

describe("cells and rows", () => {
  it("isBlank: nothing, or only spaces", () => {
    expect([null, undefined, "", "  \n "].map(isBlank)).toEqual([true, true, true, true]);
    expect([0, false, "x", " - "].map(isBlank)).toEqual([false, false, false, false]);
  });

  it("rowText: the filled cells on one line, cut at 200 characters", () => {
    expect(rowText([null, "1.1", "", "Publish\ndata", 3])).toBe("1.1 | Publish data | 3");
    expect(rowText(["x".repeat(200)])).toBe("x".repeat(200));
    expect(rowText(["x".repeat(201)])).toBe(`${"x".repeat(199)}…`);
    expect(rowText([])).toBe("");
  });
});

describe("rows that describe the objective above them", () => {
  it.each([
    ["Objective"],
    ["Objectives"],
    ["Aim"],
    ["Aims:"],
    ["Rationale"],
    ["Why?"],
    ["Background"],
    ["Context"],
    ["Purpose"],
    ["Description"],
    ["What actions do we need to take and why?"],
    ["What are we trying to accomplish?"],
  ])("reads a %j row as the objective's description, not an action", (label) => {
    const { objectives } = parseSheets([
      sheet([
        ["Ref", "Action", "Lead"],
        ["Objective 1: Data"],
        [label, "Better ethnicity data for every team"],
        ["1.1", "Publish data", "Head of EDI"],
      ]),
    ]);
    expect(objectives.map((o) => [o.fields.description, o.actions.map((a) => a.fields.title)])).toEqual([
      ["Better ethnicity data for every team", ["Publish data"]],
    ]);
  });
});
