// The import's words for people reading a terminal: each issue's sentence with where it is, the --json
// document and the readable outline.
import { describe, expect, it } from "vitest";
import type { ImportedObjective, ImportIssue, ImportIssueCode, PlanImport } from "../../../src/plan/import";
import { issueMessage, planJson, planOutline } from "../../../src/plan/import/json";

function issue(code: ImportIssueCode, extra: Partial<ImportIssue> = {}): ImportIssue {
  return {
    severity: "warning",
    code,
    file: "plan.xlsx",
    sheet: "Plan",
    row: 7,
    column: 4,
    cell: "D7",
    value: "purple",
    ...extra,
  };
}

function plan(extra: Partial<PlanImport> = {}): PlanImport {
  const objective: ImportedObjective = {
    key: "objective:1:abc",
    fields: {
      title: "Fair recruitment",
      planYear: "2024/25",
      number: "1",
      description: null,
      owner: null,
      sponsor: null,
      indicators: [],
      highImpactActions: [],
      ragOverride: "Amber",
      ragOverrideReason: null,
    },
    source: { sheet: "Plan", row: 4 },
    ownerText: "Chief People Officer",
    actions: [
      {
        key: "action:1.1:def",
        fields: {
          number: "1.1",
          title: "Diverse panels",
          leads: [],
          leadText: "Head of HR",
          dueDate: "2025-03-31",
          milestones: "Pool trained",
          progress: "Half the panels",
          kpis: "80% diverse",
          outcomes: null,
          indicators: [],
          rag: "Green",
        },
        source: { sheet: "Plan", row: 5 },
        dueDateText: "March 2025",
        ragRead: "Green",
      },
      {
        key: "action::ghi",
        fields: {
          number: "",
          title: "Mentoring",
          leads: [],
          leadText: null,
          dueDate: null,
          milestones: null,
          progress: null,
          kpis: null,
          outcomes: null,
          indicators: [],
          rag: "Green",
        },
        source: { sheet: "Plan", row: 6 },
        dueDateText: "Ongoing",
        ragRead: null,
      },
    ],
  };
  return {
    objectives: [objective],
    issues: [],
    rows: [{ sheet: "Plan", row: 5, role: "action", text: "1.1 | Diverse panels" }],
    year: "2024/25",
    yearSource: "title",
    doubtful: false,
    tables: [],
    ...extra,
  };
}

describe("an issue's sentence", () => {
  it("says where: the sheet and cell, else the sheet and row, else the sheet alone, else nothing", () => {
    expect(issueMessage(issue("ragUnknown"))).toBe(
      '"Plan", cell D7: the RAG "purple" was not understood, so the action was not imported rather than guessed',
    );
    expect(issueMessage(issue("missingNumber", { cell: null }))).toBe('"Plan", row 7: the action has no number');
    expect(issueMessage(issue("sheetSkipped", { cell: null, row: null }))).toBe(
      '"Plan": no header row was recognised, so this sheet was skipped',
    );
    expect(issueMessage(issue("missingNumber", { sheet: null, cell: null, row: 0 }))).toBe(
      "row 0: the action has no number",
    );
    expect(issueMessage(issue("noPlanTable", { sheet: null, cell: null, row: null, value: null }))).toBe(
      "no sheet or table has a header row with an action column, so there is no plan to import",
    );
  });

  it("puts the cell's text into the sentence, or nothing when there is none", () => {
    expect(issueMessage(issue("columnIgnored", { value: "Budget", cell: null, row: null }))).toBe(
      '"Plan": the column "Budget" is not one the importer knows; it was ignored',
    );
    expect(issueMessage(issue("duplicateNumber", { value: null, cell: null }))).toBe(
      '"Plan", row 7: another action under this objective is also numbered ""',
    );
  });

  it.each<[ImportIssueCode, string]>([
    ["columnDuplicate", 'a second "purple" column; the first one was used'],
    ["missingActionText", "no action text, so it was not imported"],
    ["ragMissing", "no RAG was given; imported as Green"],
    ["dateUnknown", 'the due date "purple" could not be read; imported without a date'],
    ["dateAmbiguous", '"purple" holds several dates; imported without a date'],
    ["noObjectiveHeading", "put under an objective named after the sheet"],
    ["titleTooLong", "longer than the 255 characters a list title holds, so the row was not imported"],
    ["tooLong", '"purple" is longer than its list field holds (a lead 255 characters, a number 20)'],
    ["headingTooLong", "the title was cut at a word and the whole heading kept in the description"],
    ["objectiveWithoutActions", 'the objective "purple" has no actions under it'],
    ["duplicateObjectiveNumber", 'another objective is also numbered "purple"'],
    ["headingAmongActions", 'the heading "purple" sits between actions whose numbers run on'],
    ["tooManyRows", "the sheet has purple rows, more than any plan"],
    ["otherYear", "the file is the plan for purple, not the year being imported into"],
  ])("words %s plainly", (code, words) => {
    expect(issueMessage(issue(code))).toContain(words);
  });
});

describe("the --json document", () => {
  it("gives each objective and action as the command line prints them, the due date as read or as written", () => {
    const json = planJson(plan({ issues: [issue("ragMissing", { cell: null })] }));
    expect(json).toEqual({
      year: "2024/25",
      objectives: [
        {
          number: "1",
          title: "Fair recruitment",
          owner: "Chief People Officer",
          rag: "Amber",
          actions: [
            {
              number: "1.1",
              title: "Diverse panels",
              lead: "Head of HR",
              due: "2025-03-31",
              milestones: "Pool trained",
              progress: "Half the panels",
              kpis: "80% diverse",
              rag: "Green",
            },
            {
              number: "",
              title: "Mentoring",
              lead: null,
              due: "Ongoing",
              milestones: null,
              progress: null,
              kpis: null,
              rag: null,
            },
          ],
        },
      ],
      rows: [{ sheet: "Plan", row: 5, role: "action" }],
      warnings: [{ sheet: "Plan", row: 7, message: '"Plan", row 7: no RAG was given; imported as Green' }],
    });
  });
});

describe("the readable outline", () => {
  it("lists the year and its source, the counts, each objective with its owner and each action with its details", () => {
    expect(planOutline(plan(), "plan.xlsx").split("\n")).toEqual([
      "plan.xlsx: plan year 2024/25 (from the title)",
      "1 objectives, 2 actions",
      "",
      "1. Fair recruitment (owner: Chief People Officer)",
      "  1.1 Diverse panels [Head of HR; 2025-03-31; Green]",
      "  Mentoring [Ongoing]",
    ]);
  });

  it("says where the year came from, or that none was found, and when the structure is doubtful", () => {
    const fromDates = planOutline(plan({ yearSource: "dueDates", doubtful: true }), "p.xlsx").split("\n");
    expect(fromDates.slice(0, 2)).toEqual([
      "p.xlsx: plan year 2024/25 (from the due dates)",
      "1 objectives, 2 actions (the structure is doubtful: check the warnings)",
    ]);
    expect(planOutline(plan({ yearSource: "sheet" }), "p.xlsx").split("\n")[0]).toBe(
      "p.xlsx: plan year 2024/25 (from the sheet)",
    );
    expect(planOutline(plan({ year: null, yearSource: null }), "p.xlsx").split("\n")[0]).toBe(
      "p.xlsx: plan year not found",
    );
  });

  it("leaves out an owner and details that are not there", () => {
    const bare = plan();
    const objective = bare.objectives[0] as ImportedObjective;
    bare.objectives = [
      {
        ...objective,
        ownerText: null,
        actions: [{ ...(objective.actions[1] as ImportedObjective["actions"][number]), dueDateText: null }],
      },
    ];
    expect(planOutline(bare, "p.xlsx").split("\n").slice(3)).toEqual(["1. Fair recruitment", "  Mentoring"]);
  });

  it("ends with what to check, errors and warnings named as such", () => {
    const lines = planOutline(
      plan({
        issues: [issue("ragUnknown", { severity: "error" }), issue("ragMissing", { cell: null, row: 9 })],
      }),
      "p.xlsx",
    ).split("\n");
    expect(lines.slice(-4)).toEqual([
      "",
      "Check:",
      '  error: "Plan", cell D7: the RAG "purple" was not understood, so the action was not imported rather than guessed',
      '  warning: "Plan", row 9: no RAG was given; imported as Green',
    ]);
  });
});
