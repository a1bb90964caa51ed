// One sheet's reading, the cases the mutation run showed no test pinned: blank and sparse rows around the
// header, stray spaces, the editor's roles above the header, an objective column, label rows and lines
// that look like notes, ruled lines, and stale corrections. Each test parses inside its `it`.
import { describe, expect, it } from "vitest";
import { rowKey, type GridCell } from "../../../src/plan/import";
import { actions, parseSheets, sheet } from "./fixtures";

const parse = parseSheets;

/** Each objective as [number, title, description, its actions' titles]. */
function outline(result: ReturnType<typeof parse>) {
  return result.objectives.map((o) => [
    o.fields.number,
    o.fields.title,
    o.fields.description,
    o.actions.map((a) => a.fields.title),
  ]);
}

function roles(result: ReturnType<typeof parse>) {
  return result.rows.map((r) => [r.row, r.role]);
}

const HEADER: GridCell[] = ["No", "Action", "Lead"];
const ACTION: GridCell[] = ["1.1", "Publish data", "Head of EDI"];

describe("rows above the header", () => {
  it("passes over a blank row between the first heading and the header", () => {
    const result = parse([sheet([["Race equality plan"], ["Fair recruitment"], [], [null, "  "], HEADER, ACTION])]);
    expect(outline(result)).toEqual([["1", "Fair recruitment", null, ["Publish data"]]]);
    expect(roles(result)).toEqual([
      [1, "ignored"],
      [2, "objective"],
      [5, "header"],
      [6, "action"],
    ]);
  });

  it("passes over a row missing from a sparse sheet between the title and the header", () => {
    const rows: GridCell[][] = [];
    rows[0] = ["Race equality plan"];
    rows[2] = HEADER;
    rows[3] = ACTION;
    const result = parse([sheet(rows)]);
    expect(outline(result)).toEqual([["1", "Plan", null, ["Publish data"]]]);
    expect(result.issues.map((i) => i.code)).toEqual(["noObjectiveHeading"]);
  });

  it("takes a lone heading in the second column for the first objective", () => {
    const result = parse([sheet([["Race equality plan"], [null, "Fair recruitment"], HEADER, ACTION])]);
    expect(outline(result)).toEqual([["1", "Fair recruitment", null, ["Publish data"]]]);
  });

  it("reads lines above the header with stray spaces around them as they read trimmed", () => {
    const result = parse([
      sheet([["Race equality plan"], ["Fair recruitment"], ["   Links to WRES indicator 2  "], HEADER, ACTION]),
    ]);
    expect(outline(result)).toEqual([["1", "Fair recruitment", "Links to WRES indicator 2", ["Publish data"]]]);
    expect(result.objectives[0]?.fields.indicators).toEqual([2]);
  });

  it("keeps a heading with stray spaces a named heading, so a plain line after its actions is a sub-heading", () => {
    const result = parse([
      sheet([
        ["  Aim: fair recruitment "],
        HEADER,
        ACTION,
        ["Shortlisting"],
        ["1.2", "Diverse panels", "Head of Resourcing"],
      ]),
    ]);
    expect(outline(result)).toEqual([["1", "fair recruitment", "Shortlisting", ["Publish data", "Diverse panels"]]]);
  });

  it("ends the search at a two-cell row between a heading and the header, even one that opens like a note", () => {
    for (const line of [
      ["Approved", "July 2024"],
      ["Executive sponsor:", "Chief People Officer"],
    ]) {
      const result = parse([sheet([["Race equality plan"], ["Fair recruitment"], line, HEADER, ACTION])]);
      expect(outline(result)).toEqual([["1", "Plan", null, ["Publish data"]]]);
      expect(roles(result).slice(0, 3)).toEqual([
        [1, "ignored"],
        [2, "ignored"],
        [3, "ignored"],
      ]);
    }
  });

  it("reads an 'Objective lead: …' line in the first row as the plan's title block, not as an objective", () => {
    const result = parse([
      sheet([["Objective lead: Director of People"], HEADER, ACTION], { name: "Objective 2 - Culture" }),
    ]);
    expect(outline(result)).toEqual([["2", "Culture", null, ["Publish data"]]]);
    expect(roles(result)[0]).toEqual([1, "ignored"]);
    expect(result.issues).toEqual([]);
  });

  it("reads a lone 'Aims' just above the header as a heading, not as a label describing nothing", () => {
    const result = parse([sheet([["Race equality plan"], ["Aims"], HEADER, ACTION])]);
    expect(outline(result)).toEqual([["1", "Aims", null, ["Publish data"]]]);
  });

  it("takes a heading just above the header even when it names a year or the plan", () => {
    for (const heading of ["Objective 1: Close the 2024/25 gaps", "2. Deliver the WRES action plan"]) {
      const result = parse([sheet([["Race equality plan"], [heading], HEADER, ACTION])]);
      expect(result.objectives.map((o) => [o.fields.number, o.actions.length])).toEqual([
        [heading.startsWith("2") ? "2" : "1", 1],
      ]);
      expect(result.objectives[0]?.fields.title).not.toBe("Plan");
    }
  });

  it("starts the objective at the editor's heading, not at a title row they marked above it", () => {
    const result = parse([sheet([["Race equality plan"], ["Our people"], HEADER, ACTION])], {
      corrections: { roles: { [rowKey("Plan", 1)]: "ignored", [rowKey("Plan", 2)]: "objective" } },
    });
    expect(outline(result)).toEqual([["1", "Our people", null, ["Publish data"]]]);
  });

  it("gives the actions to the editor's heading nearest the header", () => {
    const result = parse([sheet([["Our people"], ["Fair recruitment"], HEADER, ACTION])], {
      corrections: { roles: { [rowKey("Plan", 1)]: "objective", [rowKey("Plan", 2)]: "objective" } },
    });
    const holder = result.objectives.find((o) => o.actions.length > 0);
    expect(holder?.fields.title).toBe("Fair recruitment");
  });

  it("makes no objective of a row the editor marked a note in the title block", () => {
    const result = parse([sheet([["Race equality plan"], ["Approved by the board"], HEADER, ACTION])], {
      corrections: { roles: { [rowKey("Plan", 2)]: "note" } },
    });
    expect(outline(result)).toEqual([["1", "Plan", null, ["Publish data"]]]);
    expect(roles(result).slice(0, 2)).toEqual([
      [1, "ignored"],
      [2, "ignored"],
    ]);
  });

  it("puts a note the editor marked above the first heading in no objective", () => {
    const result = parse([sheet([["Approved by the board"], ["Fair recruitment"], HEADER, ACTION])], {
      corrections: { roles: { [rowKey("Plan", 1)]: "note" } },
    });
    expect(outline(result)).toEqual([["1", "Fair recruitment", null, ["Publish data"]]]);
    expect(roles(result)[0]).toEqual([1, "ignored"]);
  });

  it("carries the editor's continuation above the header on the editor's action", () => {
    const result = parse(
      [sheet([["Our people"], ["1.0", "Agree the plan", "Board"], [null, "with staff networks"], HEADER, ACTION])],
      {
        corrections: {
          roles: {
            [rowKey("Plan", 1)]: "objective",
            [rowKey("Plan", 2)]: "action",
            [rowKey("Plan", 3)]: "continuation",
          },
        },
      },
    );
    expect(outline(result)).toEqual([
      ["1", "Our people", null, ["Agree the plan with staff networks", "Publish data"]],
    ]);
    expect(roles(result).slice(0, 3)).toEqual([
      [1, "objective"],
      [2, "action"],
      [3, "continuation"],
    ]);
  });
});

describe("whether the first heading sits above the header or under it", () => {
  it("with an objective column, reads no heading above the header", () => {
    const result = parse([
      sheet([
        ["Race equality plan"],
        ["Fair recruitment"],
        ["Objective", "No", "Action", "Lead"],
        ["Data", "1.1", "Publish data", "Head of EDI"],
      ]),
    ]);
    expect(outline(result)).toEqual([["1", "Data", null, ["Publish data"]]]);
    expect(roles(result).slice(0, 2)).toEqual([
      [1, "ignored"],
      [2, "ignored"],
    ]);
  });

  it("finds the heading under the header past a blank row, so the lone row above is the title", () => {
    const result = parse([
      sheet([["Race equality plan"], ["Fair recruitment"], HEADER, [], [null, " "], ["Objective 1: Data"], ACTION]),
    ]);
    expect(outline(result)).toEqual([["1", "Data", null, ["Publish data"]]]);
    expect(roles(result).slice(0, 2)).toEqual([
      [1, "ignored"],
      [2, "ignored"],
    ]);
  });

  it("finds the heading under the header past a row missing from a sparse sheet", () => {
    const rows: GridCell[][] = [];
    rows[0] = ["Race equality plan"];
    rows[1] = ["Fair recruitment"];
    rows[2] = HEADER;
    rows[4] = ACTION;
    const result = parse([sheet(rows)]);
    expect(outline(result)).toEqual([["1", "Fair recruitment", null, ["Publish data"]]]);
  });

  it("finds a heading under the header in the action column, or written with stray spaces", () => {
    for (const heading of [[null, "Objective 1: Data"], ["  Objective 1: Data"]]) {
      const result = parse([
        sheet([
          ["Race equality plan"],
          ["Fair recruitment"],
          ["Action", "Lead", "RAG"],
          heading,
          ["Publish data", "Head of EDI", "Green"],
        ]),
      ]);
      expect(outline(result)).toEqual([["1", "Data", null, ["Publish data"]]]);
    }
  });

  it("takes the lone row above the header when the first row under it is an action whose number is no heading", () => {
    const result = parse([
      sheet([["Race equality plan"], ["Fair recruitment"], HEADER, ["1)", "Publish data", "Head of EDI"]]),
    ]);
    expect(outline(result)).toEqual([["1", "Fair recruitment", null, ["Publish data"]]]);
  });

  it("keeps the heading above a header with no rows under it yet", () => {
    const result = parse([sheet([["Race equality plan"], ["Fair recruitment"], HEADER])]);
    expect(outline(result)).toEqual([["1", "Fair recruitment", null, []]]);
    expect(result.issues.map((i) => i.code)).toEqual(["objectiveWithoutActions"]);
  });
});

describe("rows under the header", () => {
  const RAG_HEADER: GridCell[] = ["No", "Action", "Lead", "RAG"];

  it("passes over a row missing from a sparse sheet under the header", () => {
    const rows: GridCell[][] = [];
    rows[0] = RAG_HEADER;
    rows[1] = ["Objective 1: Data"];
    rows[3] = ["1.1", "Publish data", "Head of EDI", "Green"];
    const result = parse([sheet(rows)]);
    expect(outline(result)).toEqual([["1", "Data", null, ["Publish data"]]]);
    expect(roles(result)).toEqual([
      [1, "header"],
      [2, "objective"],
      [4, "action"],
    ]);
  });

  it("does nothing with an editor's role left for a row that is now blank", () => {
    const result = parse(
      [sheet([RAG_HEADER, ["Objective 1: Data"], [null, " "], ["1.1", "Publish data", "Head of EDI", "Green"]])],
      {
        corrections: { roles: { [rowKey("Plan", 3)]: "objective" } },
      },
    );
    expect(outline(result)).toEqual([["1", "Data", null, ["Publish data"]]]);
    expect(result.issues).toEqual([]);
  });

  it("reads an action with a dash for its lead, and a line opening with a dash, as text, not ruled lines", () => {
    const result = parse([
      sheet([
        ["Action", "Lead", "RAG"],
        ["Objective 1: Data"],
        ["Publish data", "—", "Green"],
        ["- Run listening events"],
      ]),
    ]);
    expect(actions(result).map((a) => [a.fields.title, a.fields.leadText])).toEqual([
      ["Publish data", "—"],
      ["- Run listening events", null],
    ]);
  });

  it("reads a heading ending in a full stop as a heading, not a ruled line", () => {
    const result = parse([
      sheet([RAG_HEADER, ["Objective 1: Improve our data."], ["1.1", "Publish data", "Head of EDI", "Green"]]),
    ]);
    expect(outline(result)).toEqual([["1", "Improve our data.", null, ["Publish data"]]]);
  });

  it("reads a lone note line written with stray spaces as the objective's note", () => {
    const result = parse([
      sheet([
        RAG_HEADER,
        ["Objective 1: Data"],
        ["   Note: data from ESR"],
        ["1.1", "Publish data", "Head of EDI", "Green"],
      ]),
    ]);
    expect(outline(result)).toEqual([["1", "Data", "Note: data from ESR", ["Publish data"]]]);
  });

  it("keeps an action whose text opens like an owner line an action", () => {
    const result = parse([
      sheet([
        ["Action", "Lead", "RAG"],
        ["Objective 1: Data"],
        ["Lead by example: board members join reverse mentoring", "Chair", "Green"],
      ]),
    ]);
    expect(outline(result)).toEqual([["1", "Data", null, ["Lead by example: board members join reverse mentoring"]]]);
    expect(result.objectives[0]?.ownerText).toBeNull();
  });

  it("reads a label row in a column left of a Word table's actions as a note, not the last action's continuation", () => {
    const result = parse([
      sheet(
        [
          ["Area", "No", "Action", "Lead", "RAG"],
          ["Objective 1: Data"],
          [null, "1.1", "Publish data", "Head of EDI", "Green"],
          ["Why", null, "gaps in the data we publish"],
        ],
        { origin: "word", merges: ["A2:E2"] },
      ),
    ]);
    expect(outline(result)).toEqual([["1", "Data", "gaps in the data we publish", ["Publish data"]]]);
    expect(actions(result)[0]?.fields.leadText).toBe("Head of EDI");
    expect(roles(result)[3]).toEqual([4, "note"]);
  });

  it("joins the cells of a label row line by line", () => {
    const result = parse([
      sheet([
        RAG_HEADER,
        ["Objective 1: Data"],
        ["Why", "Shortlisting gaps", "at band 6"],
        ["1.1", "Publish data", "Head of EDI", "Green"],
      ]),
    ]);
    expect(outline(result)).toEqual([["1", "Data", "Shortlisting gaps\nat band 6", ["Publish data"]]]);
  });

  it("makes no objective of a label row before the first heading", () => {
    const result = parse([
      sheet([
        RAG_HEADER,
        ["Why", "Shortlisting gaps"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI", "Green"],
      ]),
    ]);
    expect(outline(result)).toEqual([["1", "Data", null, ["Publish data"]]]);
    expect(result.issues).toEqual([]);
  });

  it("reads a label word alone on its row as any lone line: a heading, a sub-heading, or an action", () => {
    const numbered = parse([
      sheet([
        RAG_HEADER,
        ["Purpose"],
        ["1.1", "Publish data", "Head of EDI", "Green"],
        ["Background"],
        ["2.1", "Audit data", "Head of EDI", "Amber"],
      ]),
    ]);
    expect(outline(numbered)).toEqual([
      ["1", "Purpose", null, ["Publish data"]],
      ["2", "Background", null, ["Audit data"]],
    ]);
    const named = parse([
      sheet([
        RAG_HEADER,
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI", "Green"],
        ["Background"],
        ["1.2", "Audit data", "Head of EDI", "Amber"],
      ]),
    ]);
    expect(outline(named)).toEqual([["1", "Data", "Background", ["Publish data", "Audit data"]]]);
    const actionFirst = parse([sheet([["Action", "Lead", "RAG"], ["Objective 1: Data"], ["Purpose"]])]);
    expect(outline(actionFirst)).toEqual([["1", "Data", null, ["Purpose"]]]);
  });

  it("reads a label word inside the table, right of its first column, as the row's action text", () => {
    const result = parse([sheet([RAG_HEADER, ["Objective 1: Data"], [null, "Background", "Head of EDI", "Green"]])]);
    expect(outline(result)).toEqual([["1", "Data", null, ["Background"]]]);
  });

  it("takes the heading of a row the editor marks an objective from its action column", () => {
    const result = parse(
      [sheet([RAG_HEADER, ["2", "Culture", "Head of HR"], ["2.1", "Listening events", "Head of EDI", "Green"]])],
      {
        corrections: { roles: { [rowKey("Plan", 2)]: "objective" } },
      },
    );
    expect(result.objectives.map((o) => [o.fields.title, o.actions.map((a) => a.fields.title)])).toEqual([
      ["Culture", ["Listening events"]],
    ]);
  });

  it("keeps a heading under the header with stray spaces a named heading", () => {
    const result = parse([
      sheet([
        RAG_HEADER,
        ["  Aim: fair recruitment "],
        ["1.1", "Publish data", "Head of EDI", "Green"],
        ["Shortlisting"],
        ["1.2", "Diverse panels", "Head of Resourcing", "Amber"],
      ]),
    ]);
    expect(outline(result)).toEqual([["1", "fair recruitment", "Shortlisting", ["Publish data", "Diverse panels"]]]);
  });

  it("reports a row with only two RAG words as missing its action, not as a colour key", () => {
    const result = parse([
      sheet([
        ["No", "Action", "RAG", "Previous RAG"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Green", "Amber"],
        [null, null, "Amber", "Green"],
      ]),
    ]);
    expect(result.issues.map((i) => [i.code, i.row])).toContainEqual(["missingActionText", 4]);
    expect(roles(result).at(-1)).toEqual([4, "action"]);
  });

  it("carries a Word row on when its text, after stray spaces, carries on mid-sentence", () => {
    const result = parse([
      sheet(
        [
          ["Action", "Lead", "RAG"],
          ["Objective 1: Data"],
          ["1.1 Publish data for", "Head of EDI", "Green"],
          ["  every team", "Deputy"],
        ],
        { origin: "word", merges: ["A2:C2"] },
      ),
    ]);
    expect(actions(result).map((a) => [a.fields.title, a.fields.leadText])).toEqual([
      ["Publish data for every team", "Head of EDI Deputy"],
    ]);
  });
});
