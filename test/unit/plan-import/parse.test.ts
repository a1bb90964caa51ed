import { describe, expect, it } from "vitest";
import { parsePlanGrid, planImportDiff, type GridSheet, type ImportedObjective } from "../../../src/plan/import";
import { publishedPlanSheet } from "./fixtures";

const options = { planYear: "2024/25", fileName: "wres-plan.xlsx" };

function byNumber(objectives: ImportedObjective[], number: string) {
  for (const objective of objectives) {
    const action = objective.actions.find((a) => a.fields.number === number);
    if (action) return action;
  }
  throw new Error(`no action ${number}`);
}

describe("parsePlanGrid on a plan laid out like a published trust plan", () => {
  // Parsed inside each test, not once for the describe: code run outside a test makes every mutant it reaches
  // "static" for Stryker, re-run against all tests (docs/mutation-testing.md).
  const parsePublished = () => parsePlanGrid([publishedPlanSheet()], options);

  it("finds the objectives under their merged headings, skipping the title rows", () => {
    const result = parsePublished();
    expect(result.objectives.map((o) => [o.fields.number, o.fields.title])).toEqual([
      ["1", "Improve representation of Black, Asian and minority ethnic staff at senior levels (WRES 1 and 9)"],
      ["2", "Reduce disciplinary disproportionality (Indicator 3)"],
    ]);
    expect(result.objectives.every((o) => o.fields.planYear === "2024/25")).toBe(true);
    expect(result.objectives[0]?.source).toEqual({ sheet: "Action plan", row: 5 });
  });

  it("reads each action's fields, tidying multi-line cells", () => {
    const result = parsePublished();
    const action = byNumber(result.objectives, "1.1");
    expect(action.fields).toMatchObject({
      title: "Introduce reverse mentoring for the Board with the staff network",
      leads: [],
      leadText: "Chief People Officer; Head of EDI",
      dueDate: "2025-03-31",
      milestones: "Pairs matched by July\nFirst review in October",
      progress: "12 pairs matched.\nFirst sessions held.",
      kpis: "20 pairs each year",
      rag: "Green",
    });
    expect(action.source).toEqual({ sheet: "Action plan", row: 6 });
  });

  it("reads RAG words in any case, Complete as Blue, and a split colour as the worse one", () => {
    const result = parsePublished();
    expect(byNumber(result.objectives, "1.2").fields.rag).toBe("Amber");
    expect(byNumber(result.objectives, "1.3").fields.rag).toBe("Blue");
    expect(byNumber(result.objectives, "2.1").fields.rag).toBe("Red");
    expect(byNumber(result.objectives, "2.4").fields.rag).toBe("Amber");
  });

  it("reads serial, month, quarter and day dates; keeps 'Ongoing' as text without a date", () => {
    const result = parsePublished();
    expect(byNumber(result.objectives, "1.2").fields.dueDate).toBe("2024-12-31");
    expect(byNumber(result.objectives, "1.3").fields.dueDate).toBe("2024-12-31");
    expect(byNumber(result.objectives, "2.4").fields.dueDate).toBe("2024-12-31");
    const ongoing = byNumber(result.objectives, "2.1");
    expect(ongoing.fields.dueDate).toBeNull();
    expect(ongoing.fields.milestones).toBe("Ongoing");
    expect(ongoing.dueDateText).toBe("Ongoing");
  });

  it("links the indicators the plan names", () => {
    const result = parsePublished();
    expect(result.objectives[0]?.fields.indicators).toEqual([1, 9]);
    expect(byNumber(result.objectives, "2.4").fields.indicators).toEqual([2, 3]);
    expect(result.objectives[1]?.fields.indicators).toEqual([2, 3]);
  });

  it("reports a row without action text and an unknown RAG word with sheet, row and column, and skips them", () => {
    const result = parsePublished();
    const errors = result.issues.filter((i) => i.severity === "error");
    expect(errors).toEqual([
      expect.objectContaining({
        code: "missingActionText",
        file: "wres-plan.xlsx",
        sheet: "Action plan",
        row: 11,
        column: 2,
        cell: "B11",
      }),
      expect.objectContaining({
        code: "ragUnknown",
        sheet: "Action plan",
        row: 12,
        column: 8,
        cell: "H12",
        value: "purple",
      }),
    ]);
    expect(result.objectives[1]?.actions.map((a) => a.fields.number)).toEqual(["2.1", "2.4", "2.5"]);
  });

  it("warns about a date it cannot read and imports the action without one", () => {
    const result = parsePublished();
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "dateUnknown", row: 14, cell: "D14", value: "Mid 2025" }),
    );
  });

  it("gives each objective and action a stable key", () => {
    const result = parsePublished();
    const again = parsePlanGrid([publishedPlanSheet()], options);
    expect(again.objectives.map((o) => o.key)).toEqual(result.objectives.map((o) => o.key));
    expect(new Set(result.objectives.flatMap((o) => o.actions.map((a) => a.key))).size).toBe(6);
  });
});

describe("parsePlanGrid on other layouts", () => {
  it("takes a lone first-column cell as an objective heading and repeated page headers as noise", () => {
    const sheet: GridSheet = {
      name: "Plan",
      merges: [],
      rows: [
        ["Reference", "Action to be taken", "Responsible owner(s)", "Completion date", "Outcomes"],
        ["1. Workforce Data and Representation – Metrics 1 and Metric 9"],
        ["Objectives", "• Improve representation at senior levels\n• Value the voice of staff"],
        [
          "1.1",
          "Reverse mentoring for senior leaders",
          "Trust Board Chair",
          "January 2021",
          "Leaders engage on race equality",
        ],
        ["1. Workforce Data and Representation – Metrics 1 and Metric 9"],
        ["Objectives", "• Improve representation at senior levels\n• Value the voice of staff"],
        ["Reference", "Action to be taken", "Responsible owner(s)", "Completion date", "Outcomes"],
        ["1.2", "Bi-annual workforce report", "Head of EDI", "April 2021 (commencing)", "Data reviewed"],
        ["-----", "--", "----", "---", "---"],
        ["2. Employee Relations – WRES Metric 2, 3, 4"],
        [
          "2.1",
          "Analyse training reports",
          "Assistant Director of Education",
          "December 2020",
          "Reporting against Metric 4.",
        ],
      ],
    };
    const { objectives, issues } = parsePlanGrid([sheet], { planYear: "2020/21", fileName: "plan.xlsx" });
    expect(objectives.map((o) => [o.fields.number, o.actions.map((a) => a.fields.number)])).toEqual([
      ["1", ["1.1", "1.2"]],
      ["2", ["2.1"]],
    ]);
    expect(objectives[0]?.fields.description).toBe(
      "• Improve representation at senior levels\n• Value the voice of staff",
    );
    expect(objectives[0]?.fields.indicators).toEqual([1, 9]);
    expect(objectives[1]?.fields.indicators).toEqual([2, 3, 4]);
    const commencing = objectives[0]?.actions[1];
    expect(commencing?.fields.dueDate).toBe("2021-04-30");
    expect(commencing?.fields.milestones).toBe("April 2021 (commencing)");
    // No RAG column: every action starts Green, without a warning per row.
    expect(objectives.flatMap((o) => o.actions.map((a) => a.fields.rag))).toEqual(["Green", "Green", "Green"]);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("finds a heading above the header row, with the rows that describe it", () => {
    const sheet: GridSheet = {
      name: "Plan",
      merges: [],
      rows: [
        ["Workforce Race Equality Standard Action Plan 2020 – 2021"],
        ["3. Staff Survey Indicators & Staff Engagement – Metrics 5, 6, 7 and 8"],
        ["Objectives", "Reduce the gaps in experience between white staff and BAME staff."],
        ["What actions do we need to take and why?", "Where the survey shows gaps of 5% or more."],
        ["Reference", "Action to be taken", "Responsible owner(s)", "Completion date", "Outcomes"],
        ["3.1", "Celebrate Black History Month", "Head of EDI", "November 2020", "A programme of events"],
      ],
    };
    const { objectives, issues } = parsePlanGrid([sheet], { planYear: "2020/21", fileName: "plan.xlsx" });
    expect(objectives.map((o) => [o.fields.number, o.fields.title, o.fields.indicators, o.actions.length])).toEqual([
      ["3", "Staff Survey Indicators & Staff Engagement – Metrics 5, 6, 7 and 8", [5, 6, 7, 8], 1],
    ]);
    expect(objectives[0]?.fields.description).toBe(
      "Reduce the gaps in experience between white staff and BAME staff.\n\nWhere the survey shows gaps of 5% or more.",
    );
    expect(issues).toEqual([]);
  });

  it("takes an unmerged 'Objective n:' row as a heading in whichever column it sits", () => {
    const sheet: GridSheet = {
      name: "Plan",
      merges: [],
      rows: [
        ["No.", "Action", "Lead", "RAG"],
        [null, "Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI", "Green"],
        [null, "Run listening events"],
      ],
    };
    const { objectives, issues } = parsePlanGrid([sheet], options);
    expect(objectives.map((o) => [o.fields.title, o.actions.map((a) => a.fields.title)])).toEqual([
      ["Data", ["Publish data", "Run listening events"]],
    ]);
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ["ragMissing", 4],
      ["missingNumber", 4],
    ]);
  });

  it("repeats a lead merged down several rows into each action", () => {
    const sheet: GridSheet = {
      name: "Objective 3",
      merges: ["C3:C4", "A2:D2"],
      rows: [
        ["No.", "Actions", "Lead", "Status"],
        ["Objective 3: Staff survey experience"],
        ["3.1", "Listening events", "Head of EDI", "Green"],
        ["3.2", "Network work plan", null, "Blue"],
      ],
    };
    const { objectives } = parsePlanGrid([sheet], options);
    expect(objectives[0]?.actions.map((a) => a.fields.leadText)).toEqual(["Head of EDI", "Head of EDI"]);
    expect(objectives[0]?.fields.title).toBe("Staff survey experience");
  });

  it("reads an objective column merged down its actions", () => {
    const sheet: GridSheet = {
      name: "Plan",
      merges: ["A2:A3", "A4:A4"],
      rows: [
        ["Objective", "Ref", "Action", "Lead", "RAG"],
        ["Objective 1: Representation at senior levels", "1.1", "Reverse mentoring", "Head of EDI", "Green"],
        [null, "1.2", "Diverse panels", "Head of Resourcing", "Amber"],
        ["Objective 2: Fair processes", "2.1", "Cultural ambassadors", "Head of ER", "Red"],
      ],
    };
    const { objectives, issues } = parsePlanGrid([sheet], options);
    expect(objectives.map((o) => [o.fields.number, o.fields.title, o.actions.map((a) => a.fields.number)])).toEqual([
      ["1", "Representation at senior levels", ["1.1", "1.2"]],
      ["2", "Fair processes", ["2.1"]],
    ]);
    expect(issues).toEqual([]);
  });

  it("takes the objective from a sheet named like one (a sheet per objective)", () => {
    const sheets: GridSheet[] = ["Objective 1 - Data", "Objective 2 - Culture"].map((name, i) => ({
      name,
      merges: [],
      rows: [
        ["Ref", "Action", "Lead", "RAG"],
        [`${i + 1}.1`, `First action of ${i + 1}`, "Head of EDI", "green"],
      ],
    }));
    const { objectives, issues } = parsePlanGrid(sheets, options);
    expect(objectives.map((o) => [o.fields.number, o.fields.title, o.actions.length])).toEqual([
      ["1", "Data", 1],
      ["2", "Culture", 1],
    ]);
    expect(issues).toEqual([]);
  });

  it("reads a plan with Welsh headings and RAG words", () => {
    const sheet: GridSheet = {
      name: "Cynllun",
      merges: ["A2:E2"],
      rows: [
        ["Rhif", "Cam gweithredu", "Arweinydd", "Dyddiad", "Statws"],
        ["Amcan 1: Cynrychiolaeth"],
        ["1.1", "Mentora o chwith", "Pennaeth EDI", "Mawrth 2025", "Gwyrdd"],
        ["1.2", "Paneli amrywiol", "Pennaeth Recriwtio", "31/12/2024", "Glas"],
      ],
    };
    const { objectives, issues } = parsePlanGrid([sheet], options);
    expect(objectives[0]?.fields).toMatchObject({ number: "1", title: "Cynrychiolaeth" });
    expect(
      objectives[0]?.actions.map((a) => [a.fields.number, a.fields.leadText, a.fields.dueDate, a.fields.rag]),
    ).toEqual([
      ["1.1", "Pennaeth EDI", "2025-03-31", "Green"],
      ["1.2", "Pennaeth Recriwtio", "2024-12-31", "Blue"],
    ]);
    expect(issues).toEqual([]);
  });

  it("groups actions with no heading under an objective named after the sheet, and says so", () => {
    const sheet: GridSheet = {
      name: "Race equality",
      merges: [],
      rows: [
        ["Action", "Timescale", "Responsible person / team", "Outcome", "Progress"],
        [
          "Supporting staff: risk assessments for all staff",
          "April 2020 and ongoing",
          "Line Managers",
          "Supported staff",
          "Risk assessments in place",
        ],
      ],
    };
    const { objectives, issues } = parsePlanGrid([sheet], options);
    expect(objectives).toHaveLength(1);
    expect(objectives[0]?.fields.title).toBe("Race equality");
    expect(objectives[0]?.actions[0]?.fields.number).toBe("");
    expect(issues).toContainEqual(expect.objectContaining({ code: "noObjectiveHeading", row: 2 }));
  });

  it("reports a workbook with no plan table", () => {
    const { objectives, issues } = parsePlanGrid(
      [{ name: "Notes", merges: [], rows: [["Some notes"], ["More notes"]] }],
      options,
    );
    expect(objectives).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(["noPlanTable", "sheetSkipped"]);
  });

  it("keeps an 'Executive lead:' line under a heading as the objective's description, not a new objective", () => {
    const sheet: GridSheet = {
      name: "Plan",
      merges: ["A2:C2"],
      rows: [
        ["Ref", "Action", "Lead"],
        ["Objective 1: Data"],
        ["Executive lead: Chief People Officer"],
        ["1.1", "Publish data", "Head of EDI"],
      ],
    };
    const { objectives } = parsePlanGrid([sheet], options);
    expect(objectives.map((o) => [o.fields.title, o.fields.description, o.actions.length])).toEqual([
      ["Data", "Executive lead: Chief People Officer", 1],
    ]);
  });

  it("numbers unnumbered headings in order, and a repeated one stays the same objective", () => {
    const sheet: GridSheet = {
      name: "Plan",
      merges: ["A2:C2", "A4:C4", "A6:C6"],
      rows: [
        ["Ref", "Action", "Lead"],
        ["Representation"],
        ["a", "Reverse mentoring", "Head of EDI"],
        ["Culture"],
        ["b", "Listening events", "Head of EDI"],
        ["Representation"],
        ["c", "Diverse panels", "Head of Resourcing"],
      ],
    };
    const { objectives } = parsePlanGrid([sheet], options);
    expect(objectives.map((o) => [o.fields.number, o.fields.title, o.actions.map((a) => a.fields.number)])).toEqual([
      ["1", "Representation", ["a", "c"]],
      ["2", "Culture", ["b"]],
    ]);
  });

  it("never imports text longer than the lists hold: such a row is refused, naming its cell", () => {
    const sheet: GridSheet = {
      name: "Plan",
      merges: [],
      rows: [
        ["Ref", "Action", "Lead"],
        ["Objective 1: Data"],
        ["1.1", "x".repeat(300), "Head of EDI"],
        ["1.2", "Publish data", "Lead ".repeat(60)],
        ["1.3", "Review data", "Head of EDI"],
        ["1.4.1.2.3.4.5.6.7.8.9.10", "Audit data", "Head of EDI"],
      ],
    };
    const { objectives, issues } = parsePlanGrid([sheet], options);
    expect(objectives[0]?.actions.map((a) => a.fields.title)).toEqual(["Review data"]);
    expect(issues.map((i) => [i.severity, i.code, i.sheet, i.row, i.column, i.cell])).toEqual([
      ["error", "titleTooLong", "Plan", 3, 2, "B3"],
      ["error", "tooLong", "Plan", 4, 3, "C4"],
      ["error", "tooLong", "Plan", 6, 1, "A6"],
    ]);
  });

  it("keeps an objective heading longer than a title holds in the description, with the title cut at a word", () => {
    const heading = `Objective 1: ${"Create a fair and inclusive workplace for all staff ".repeat(6).trim()}`;
    const sheet: GridSheet = {
      name: "Plan",
      merges: [],
      rows: [["Ref", "Action", "Lead"], [heading], ["1.1", "Publish data", "Head of EDI"]],
    };
    const { objectives, issues } = parsePlanGrid([sheet], options);
    const objective = objectives[0]!;
    expect(objective.fields.title.length).toBeLessThanOrEqual(255);
    expect(objective.fields.title).toMatch(/ staff…$|[a-z]…$/);
    expect(objective.fields.description).toBe(heading.replace(/^Objective 1: /, ""));
    expect(issues.map((i) => [i.severity, i.code, i.cell])).toEqual([["warning", "headingTooLong", "A2"]]);
  });

  it("reports unknown header cells so the preview can say what was ignored", () => {
    const sheet: GridSheet = {
      name: "Plan",
      merges: [],
      rows: [
        ["Ref", "Action", "Lead", "Budget"],
        ["Objective 1: Data"],
        ["1.1", "Publish data", "Head of EDI", "£2,000"],
      ],
    };
    const { issues } = parsePlanGrid([sheet], options);
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "columnIgnored", cell: "D1", value: "Budget" }),
    );
  });
});

describe("planImportDiff", () => {
  it("creates everything on a first import", () => {
    const { objectives } = parsePlanGrid([publishedPlanSheet()], options);
    const diff = planImportDiff(objectives, { objectives: [], actions: [] });
    expect(diff.counts).toEqual({ create: 8, update: 0, unchanged: 0, readOnly: 0 });
    expect(diff.actions.every((a) => a.objectiveId === null)).toBe(true);
  });
});
