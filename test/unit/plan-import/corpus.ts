// A corpus of plans in the layouts organisations publish (Excel and Word), built in memory from the
// shapes and words of published WRES action plans, each with the structure a careful reader would
// write down by hand. Shared by the unit tests, the command line's tests and the browser tests.
import { buildDocx, type DocxCell } from "./docx-builder";
import { buildXlsx, type TestCell } from "./xlsx-builder";

type Rag = "Red" | "Amber" | "Green" | "Blue" | null;
/** [number, title, lead, due, rag] */
export type ExpectedAction = [string, string, string | null, string | null, Rag];

export interface ExpectedPlan {
  year: string;
  objectives: { number: string; title: string; owner?: string | null; actions: ExpectedAction[] }[];
  /** Roles of some rows, [sheet, row, role]. */
  roles?: [string, number, string][];
}

export interface CorpusPlan {
  file: string;
  layout: string;
  bytes(): Uint8Array;
  expected: ExpectedPlan;
}

const TRUST_HEADER: TestCell[] = ["No.", "Action", "Lead", "Due", "Progress", "Measure of success", "RAG"];

function trustRagPlan(): Uint8Array {
  const rows: TestCell[][] = [
    ["Workforce Race Equality Standard Action Plan 2024/25"],
    ["Executive sponsor: Chief People Officer"],
    [],
    ["Leadership and accountability"],
    ["Links to WRES indicator 9 and the NHS EDI improvement plan (HIA 1)"],
    TRUST_HEADER,
    [
      "1.1",
      "Board members each set an EDI objective\nreviewed at appraisal",
      "Chief Executive",
      "30/06/2024",
      "All set",
      "100% of board members",
      "Complete",
    ],
    [
      "1.2",
      "Reverse mentoring for executives",
      "Head of EDI\nOD Lead",
      "March 2025",
      "Six pairs matched",
      null,
      "green",
    ],
    [],
    ["Fair recruitment and promotion"],
    ["Links to WRES indicators 1 and 2"],
    TRUST_HEADER,
    ["2.1", "Diverse interview panels for band 8a and above", "Head of Resourcing", "Q3 2024/25", null, null, "AMBER"],
    ["2.2", "Remove bias from job descriptions", "Recruitment Manager", "Ongoing", null, null, "On track"],
    ["2.3", "Career coaching for staff in bands 5 to 7", "Head of OD", "Mar-25", null, null, "at risk"],
    ["Fair disciplinary processes"],
    ["Links to WRES indicator 3"],
    TRUST_HEADER,
    ["3.1", "Checklist before any formal action", "Head of Employee Relations", "31/12/2024", null, null, "RED"],
    [
      "3.2",
      "Just culture training for investigators",
      "Head of Employee Relations",
      "end of 2025",
      null,
      null,
      "Off track",
    ],
    ["Bullying, harassment and abuse"],
    ["Links to WRES indicators 5 to 8"],
    TRUST_HEADER,
    ["4.1", "Anti-racism campaign", "Communications Lead", "TBC", null, null, "Not started"],
    [
      "4.2",
      "Freedom to Speak Up champions from every staff network",
      "Freedom to Speak Up Guardian",
      "Annually",
      null,
      null,
      "blue",
    ],
    ["Data and reporting"],
    ["Links to all WRES indicators"],
    TRUST_HEADER,
    [
      "5.1",
      "Improve ethnicity recording in ESR to 95%",
      "Head of Workforce Information",
      "31 March 2025",
      null,
      null,
      "G",
    ],
    ["5.2", "Publish the WRES report", "Head of EDI", "September 2024", null, null, "B"],
  ];
  const merges = [1, 2, 4, 5, 10, 11, 16, 17, 21, 22, 26, 27].map((r) => `A${r}:G${r}`);
  return buildXlsx([{ name: "WRES action plan", rows, merges }]);
}

function acuteMetricsPlan(): Uint8Array {
  const header = ["Reference", "Action to be taken", "Responsible owner(s)", "Completion date", "Outcomes"];
  const heading1: DocxCell = { text: "1. Workforce Data and Representation – Metrics 1 and Metric 9", span: 5 };
  const objectives: (DocxCell | string)[] = [
    "Objectives",
    { text: "• Improve BAME staff representation across senior levels\n• Reduce the gaps in experience", span: 4 },
  ];
  return buildDocx([
    { paragraph: "Workforce Race Equality Standard" },
    { paragraph: "Action Plan 2020 – 2021" },
    {
      paragraph:
        "This action plan sets out how the Trust will improve the experiences of staff from ethnic minority backgrounds.",
    },
    {
      table: [
        [heading1],
        objectives,
        [
          "What actions do we need to take and why?",
          { text: "The WRES data shows under-representation at senior levels.", span: 4 },
        ],
        header,
        [
          "1.1",
          "Introduce a reverse mentoring programme for the Trust Board\n\nPairing a colleague with a senior leader.",
          "Trust Board Chair, CEO and HR Director",
          "January 2021",
          "• 20 pairs each year",
        ],
        ["1.2", "Bi-annual WRES report on workforce data", "Head of EDI", "April 2021 (commencing)", "Data reviewed"],
        [heading1],
        objectives,
        header,
        ["1.3", "Review shortlisting by ethnicity", "Recruitment Lead", "March 2021", "Gaps understood"],
        [{ text: "2. Employee Relations – WRES Metric 3", span: 5 }],
        header,
        [
          "2.1",
          "Analyse disciplinary cases by ethnicity every quarter",
          "Head of Employee Relations",
          "December 2020",
          "Reporting against Metric 3",
        ],
        ["", "with the staff network reviewing the themes", "", "", ""],
        [
          "2.2",
          "Cultural ambassadors on all investigations",
          "Head of Employee Relations",
          "Ongoing",
          "Fewer formal cases",
        ],
      ],
    },
  ]);
}

function ccgSubActionPlan(): Uint8Array {
  return buildDocx([
    { paragraph: "Workforce Race Equality Standard (WRES) Action Plan 2020-2021" },
    { paragraph: "NHS Example Clinical Commissioning Group" },
    {
      headerRows: 1,
      table: [
        ["Action", "Timescale", "Responsible person / team", "Outcome", "Progress"],
        [
          "1. Supporting BAME staff\n\na. Implement staff risk assessments for all staff\n\nb. Make sure return-to-office arrangements follow national guidance\n\nc. Support working-from-home arrangements",
          "April 2020 and ongoing\n\nStarted April 2020\n\nOngoing",
          "Line Managers",
          "Staff feel supported",
          "Risk assessments complete",
        ],
        [
          "2. Staff networks\n\na. Set up a BAME staff network\n\nb. Give the network chair protected time",
          "September 2020\n\nMarch 2021",
          "HR Business Partner",
          "An active network",
          "Network launched",
        ],
        [
          "3. Publish the WRES action plan on the website",
          "October 2020",
          "Communications team",
          "Plan published",
          "Done",
        ],
        ["", "", "and the EDI Lead", "", ""],
      ],
    },
  ]);
}

function objectiveColumnPlan(): Uint8Array {
  return buildXlsx([
    {
      name: "Plan 2023-24",
      rows: [
        ["Objective", "Ref", "Action", "Owner", "Target date", "Status"],
        [
          "Representation at senior levels",
          "A1",
          "Positive action leadership programme",
          "Head of OD",
          45382,
          { value: null, fill: "FF0000" },
        ],
        [
          null,
          "A2",
          "Talent reviews include ethnicity",
          "HR Business Partners",
          "Q4 2023/24",
          { value: null, fill: "FFC000" },
        ],
        [
          "Staff experience",
          "B1",
          "Cultural competence training",
          "Head of Learning",
          "31/03/2024",
          { value: null, fill: "00B050" },
        ],
        [
          null,
          "B2",
          "Listening events with the network",
          "Chief People Officer",
          "TBC",
          { value: null, fill: "7030A0" },
        ],
        [],
        [
          "Key:",
          { value: "Off track", fill: "FF0000" },
          { value: "At risk", fill: "FFC000" },
          { value: "On track", fill: "00B050" },
          { value: "Complete", fill: "7030A0" },
        ],
      ],
      merges: ["A2:A3", "A4:A5"],
    },
  ]);
}

function firstCellHeadingPlan(): Uint8Array {
  return buildXlsx([
    { name: "Cover", rows: [["Race Equality Action Plan"], ["Year: 2025/26"], ["Approved by the Board"]] },
    {
      name: "Actions",
      rows: [
        ["Action no", "Action", "Lead", "Deadline", "Update", "RAG"],
        ["Priority 1: Inclusive recruitment"],
        ["Action 1", "Publish recruitment data by ethnicity", "Workforce Lead", "30/09/2025", "Draft ready", "A"],
        ["Action 2", "Train shortlisting panels", "Recruitment Lead", "Mar-26", null, "G"],
        [],
        ["Priority 2: Career progression"],
        ["Action 3", "Mentoring scheme for bands 5 to 7", "OD Lead", "Q3 2025/26", null, "R"],
        ["Action 4", "Secondment opportunities advertised to all", "OD Lead", "Ongoing", null, "B"],
        ["Total actions: 4"],
      ],
    },
  ]);
}

function sheetPerObjectivePlan(): Uint8Array {
  const header: TestCell[] = ["No.", "Action", "Lead", "Due date", "RAG"];
  return buildXlsx([
    { name: "Cover", rows: [["WRES Action Plan 2024-2025"], ["Contents: one sheet per objective"]] },
    {
      name: "Objective 1 - Representation",
      rows: [
        header,
        ["1.1", "Positive action programme", "Head of OD", "31/03/2025", "Green"],
        ["1.2", "Diverse panels", "Head of Resourcing", "Q2 2024/25", "Amber"],
      ],
    },
    {
      name: "Objective 2 - Experience",
      rows: [
        header,
        ["2.1", "Listening events", "Chief People Officer", "June 2024", "complete"],
        ["2.2", "Report bullying by ethnicity", "Head of Employee Relations", "31/01/2025", "Red"],
      ],
    },
    {
      name: "Appendix - glossary",
      rows: [
        ["Term", "Meaning"],
        ["BME", "Black and minority ethnic"],
      ],
    },
  ]);
}

function fillOnlyPlan(): Uint8Array {
  return buildXlsx([
    {
      name: "Plan",
      rows: [
        ["Our race equality plan"],
        [],
        ["Objective 1: Fair access to development"],
        ["Ref", "What we will do", "Who", "When", "RAG"],
        ["1a", "Ring-fenced CPD funding", "Head of Learning", "December 2022", { value: null, fill: "00B050" }],
        ["1b", "Track CPD uptake by ethnicity", "Head of Learning", "March 2023", { value: null, fill: "FFC000" }],
        ["Objective 2: Safe to speak up"],
        ["2a", "Network-led listening sessions", "Network Chair", "Quarterly", { value: null, fill: "FF0000" }],
        [
          "2b",
          "Guardian reports by ethnicity",
          "Freedom to Speak Up Guardian",
          "31/03/2023",
          { value: null, fill: "0070C0" },
        ],
      ],
      merges: ["A1:E1", "A3:E3", "A7:E7"],
    },
  ]);
}

function qualityImprovementPlan(): Uint8Array {
  const header = ["Aim", "Action (change idea)", "Lead", "By when", "RAG"];
  return buildDocx([
    { paragraph: "Race equality quality improvement programme" },
    {
      headerRows: 1,
      table: [
        header,
        [
          { text: "Reduce the likelihood of BME staff entering formal disciplinary processes", vMerge: "restart" },
          "Independent review before any formal process",
          "Deputy Director of HR",
          "September 2021",
          { fill: "FF0000" },
        ],
        [
          { vMerge: "continue" },
          "Cultural ambassador on every panel",
          "Head of Employee Relations",
          "December 2021",
          { fill: "FFC000" },
        ],
        header,
        [
          { text: "Increase BME staff accessing non-mandatory training", vMerge: "restart" },
          "Publish the CPD offer to every network",
          "Head of Learning",
          "March 2022",
          { fill: "00B050" },
        ],
        [
          { vMerge: "continue" },
          "Ring-fence places on leadership courses",
          "Head of OD",
          "March 2022",
          { fill: "0070C0" },
        ],
      ],
    },
  ]);
}

export const CORPUS: CorpusPlan[] = [
  {
    file: "Plan 2024-25.xlsx",
    layout:
      "merged objective headings above a header repeated under each, 'Links to' lines, a sponsor line, RAG words in mixed case",
    bytes: trustRagPlan,
    expected: {
      year: "2024/25",
      objectives: [
        {
          number: "1",
          title: "Leadership and accountability",
          actions: [
            [
              "1.1",
              "Board members each set an EDI objective reviewed at appraisal",
              "Chief Executive",
              "2024-06-30",
              "Blue",
            ],
            ["1.2", "Reverse mentoring for executives", "Head of EDI; OD Lead", "2025-03-31", "Green"],
          ],
        },
        {
          number: "2",
          title: "Fair recruitment and promotion",
          actions: [
            ["2.1", "Diverse interview panels for band 8a and above", "Head of Resourcing", "2024-12-31", "Amber"],
            ["2.2", "Remove bias from job descriptions", "Recruitment Manager", "Ongoing", "Green"],
            ["2.3", "Career coaching for staff in bands 5 to 7", "Head of OD", "2025-03-31", "Amber"],
          ],
        },
        {
          number: "3",
          title: "Fair disciplinary processes",
          actions: [
            ["3.1", "Checklist before any formal action", "Head of Employee Relations", "2024-12-31", "Red"],
            ["3.2", "Just culture training for investigators", "Head of Employee Relations", "2025-12-31", "Red"],
          ],
        },
        {
          number: "4",
          title: "Bullying, harassment and abuse",
          actions: [
            ["4.1", "Anti-racism campaign", "Communications Lead", "TBC", null],
            [
              "4.2",
              "Freedom to Speak Up champions from every staff network",
              "Freedom to Speak Up Guardian",
              "Annually",
              "Blue",
            ],
          ],
        },
        {
          number: "5",
          title: "Data and reporting",
          actions: [
            [
              "5.1",
              "Improve ethnicity recording in ESR to 95%",
              "Head of Workforce Information",
              "2025-03-31",
              "Green",
            ],
            ["5.2", "Publish the WRES report", "Head of EDI", "2024-09-30", "Blue"],
          ],
        },
      ],
      roles: [
        ["WRES action plan", 1, "ignored"],
        ["WRES action plan", 2, "ignored"],
        ["WRES action plan", 4, "objective"],
        ["WRES action plan", 5, "note"],
        ["WRES action plan", 6, "header"],
        ["WRES action plan", 7, "action"],
        ["WRES action plan", 10, "objective"],
        ["WRES action plan", 11, "note"],
        ["WRES action plan", 12, "header"],
      ],
    },
  },
  {
    file: "acute-trust-wres-plan.docx",
    layout:
      "Word table: numbered headings spanning the table, 'Objectives' rows, header block repeated on the next page, a row broken across a page",
    bytes: acuteMetricsPlan,
    expected: {
      year: "2020/21",
      objectives: [
        {
          number: "1",
          title: "Workforce Data and Representation – Metrics 1 and Metric 9",
          actions: [
            [
              "1.1",
              "Introduce a reverse mentoring programme for the Trust Board Pairing a colleague with a senior leader.",
              "Trust Board Chair, CEO and HR Director",
              "2021-01-31",
              null,
            ],
            ["1.2", "Bi-annual WRES report on workforce data", "Head of EDI", "2021-04-30", null],
            ["1.3", "Review shortlisting by ethnicity", "Recruitment Lead", "2021-03-31", null],
          ],
        },
        {
          number: "2",
          title: "Employee Relations – WRES Metric 3",
          actions: [
            [
              "2.1",
              "Analyse disciplinary cases by ethnicity every quarter with the staff network reviewing the themes",
              "Head of Employee Relations",
              "2020-12-31",
              null,
            ],
            ["2.2", "Cultural ambassadors on all investigations", "Head of Employee Relations", "Ongoing", null],
          ],
        },
      ],
      roles: [
        ["Table 1", 1, "objective"],
        ["Table 1", 2, "note"],
        ["Table 1", 3, "note"],
        ["Table 1", 4, "header"],
        ["Table 1", 7, "objective"],
        ["Table 1", 9, "header"],
        ["Table 1", 14, "continuation"],
      ],
    },
  },
  {
    file: "ccg-wres-action-plan.docx",
    layout:
      "Word table without objectives: numbered themes with sub-actions a, b, c in one cell and timescales stacked in the next",
    bytes: ccgSubActionPlan,
    expected: {
      year: "2020/21",
      objectives: [
        {
          number: "1",
          title: "Supporting BAME staff",
          actions: [
            ["1a", "Implement staff risk assessments for all staff", "Line Managers", "2020-04-30", null],
            [
              "1b",
              "Make sure return-to-office arrangements follow national guidance",
              "Line Managers",
              "2020-04-30",
              null,
            ],
            ["1c", "Support working-from-home arrangements", "Line Managers", "Ongoing", null],
          ],
        },
        {
          number: "2",
          title: "Staff networks",
          actions: [
            ["2a", "Set up a BAME staff network", "HR Business Partner", "2020-09-30", null],
            ["2b", "Give the network chair protected time", "HR Business Partner", "2021-03-31", null],
          ],
        },
        {
          number: "3",
          title: "Publish the WRES action plan on the website",
          actions: [
            [
              "3",
              "Publish the WRES action plan on the website",
              "Communications team and the EDI Lead",
              "2020-10-31",
              null,
            ],
          ],
        },
      ],
      roles: [
        ["Table 1", 1, "header"],
        ["Table 1", 2, "action"],
        ["Table 1", 5, "continuation"],
      ],
    },
  },
  {
    file: "objective-column.xlsx",
    layout:
      "one row per action with the objective column merged down, letter-and-number refs, RAG as fill colour with a colour key",
    bytes: objectiveColumnPlan,
    expected: {
      year: "2023/24",
      objectives: [
        {
          number: "1",
          title: "Representation at senior levels",
          actions: [
            ["A1", "Positive action leadership programme", "Head of OD", "2024-03-31", "Red"],
            ["A2", "Talent reviews include ethnicity", "HR Business Partners", "2024-03-31", "Amber"],
          ],
        },
        {
          number: "2",
          title: "Staff experience",
          actions: [
            ["B1", "Cultural competence training", "Head of Learning", "2024-03-31", "Green"],
            ["B2", "Listening events with the network", "Chief People Officer", "TBC", "Blue"],
          ],
        },
      ],
      roles: [["Plan 2023-24", 7, "ignored"]],
    },
  },
  {
    file: "race-equality-actions.xlsx",
    layout:
      "a cover sheet naming the year, headings alone in the first cell, 'Action n' numbers, R/A/G/B letters, a totals row",
    bytes: firstCellHeadingPlan,
    expected: {
      year: "2025/26",
      objectives: [
        {
          number: "1",
          title: "Inclusive recruitment",
          actions: [
            ["1", "Publish recruitment data by ethnicity", "Workforce Lead", "2025-09-30", "Amber"],
            ["2", "Train shortlisting panels", "Recruitment Lead", "2026-03-31", "Green"],
          ],
        },
        {
          number: "2",
          title: "Career progression",
          actions: [
            ["3", "Mentoring scheme for bands 5 to 7", "OD Lead", "2025-12-31", "Red"],
            ["4", "Secondment opportunities advertised to all", "OD Lead", "Ongoing", "Blue"],
          ],
        },
      ],
      roles: [
        ["Actions", 2, "objective"],
        ["Actions", 9, "ignored"],
      ],
    },
  },
  {
    file: "WRES plan.xlsx",
    layout: "a plan split across sheets by objective, with a cover sheet and an appendix",
    bytes: sheetPerObjectivePlan,
    expected: {
      year: "2024/25",
      objectives: [
        {
          number: "1",
          title: "Representation",
          actions: [
            ["1.1", "Positive action programme", "Head of OD", "2025-03-31", "Green"],
            ["1.2", "Diverse panels", "Head of Resourcing", "2024-09-30", "Amber"],
          ],
        },
        {
          number: "2",
          title: "Experience",
          actions: [
            ["2.1", "Listening events", "Chief People Officer", "2024-06-30", "Blue"],
            ["2.2", "Report bullying by ethnicity", "Head of Employee Relations", "2025-01-31", "Red"],
          ],
        },
      ],
    },
  },
  {
    file: "Race equality plan 2022-23.xlsx",
    layout: "RAG only as fill colour with no key, refs like 2b, the year only in the file name",
    bytes: fillOnlyPlan,
    expected: {
      year: "2022/23",
      objectives: [
        {
          number: "1",
          title: "Fair access to development",
          actions: [
            ["1a", "Ring-fenced CPD funding", "Head of Learning", "2022-12-31", "Green"],
            ["1b", "Track CPD uptake by ethnicity", "Head of Learning", "2023-03-31", "Amber"],
          ],
        },
        {
          number: "2",
          title: "Safe to speak up",
          actions: [
            ["2a", "Network-led listening sessions", "Network Chair", "Quarterly", "Red"],
            ["2b", "Guardian reports by ethnicity", "Freedom to Speak Up Guardian", "2023-03-31", "Blue"],
          ],
        },
      ],
      roles: [
        ["Plan", 1, "ignored"],
        ["Plan", 3, "objective"],
        ["Plan", 4, "header"],
      ],
    },
  },
  {
    file: "qi-programme.docx",
    layout:
      "Word table with aims merged down the first column, no action numbers, RAG as cell shading, the header repeated, the year only in the due dates",
    bytes: qualityImprovementPlan,
    expected: {
      year: "2021/22",
      objectives: [
        {
          number: "1",
          title: "Reduce the likelihood of BME staff entering formal disciplinary processes",
          actions: [
            ["", "Independent review before any formal process", "Deputy Director of HR", "2021-09-30", "Red"],
            ["", "Cultural ambassador on every panel", "Head of Employee Relations", "2021-12-31", "Amber"],
          ],
        },
        {
          number: "2",
          title: "Increase BME staff accessing non-mandatory training",
          actions: [
            ["", "Publish the CPD offer to every network", "Head of Learning", "2022-03-31", "Green"],
            ["", "Ring-fence places on leadership courses", "Head of OD", "2022-03-31", "Blue"],
          ],
        },
      ],
      roles: [["Table 1", 4, "header"]],
    },
  },
];
