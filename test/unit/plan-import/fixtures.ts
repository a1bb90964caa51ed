// Plan grids shaped like published trust plans, as the workbook reader's readGrid gives them.
import { parsePlanGrid, type GridCell, type GridSheet, type ImportOptions } from "../../../src/plan/import";

/** Sheets parsed as the importer parses an uploaded plan of 2024/25 (a workbook, unless `extra` names a file). */
export function parseSheets(sheets: GridSheet[], extra: Partial<ImportOptions> = {}) {
  return parsePlanGrid(sheets, { planYear: "2024/25", fileName: "plan.xlsx", ...extra });
}

/** A sheet named "Plan" with these rows and no merged cells unless given. */
export function sheet(rows: GridCell[][], more: Partial<GridSheet> = {}): GridSheet {
  return { name: "Plan", merges: [], rows, ...more };
}

/** Every action the parse found, in order, across objectives. */
export function actions(result: ReturnType<typeof parseSheets>) {
  return result.objectives.flatMap((o) => o.actions);
}

const HEADER = [
  "Ref",
  "Action",
  "Responsible lead",
  "By when",
  "Milestones",
  "Progress update",
  "Measures of success",
  "RAG rating",
];

/** Title rows, a header, objective headings merged across the table, multi-line cells, RAG words in mixed case, Blue. */
export function publishedPlanSheet(): GridSheet {
  const rows: GridCell[][] = [
    ["Workforce Race Equality Standard (WRES) Action Plan 2024/25"],
    ["Approved by the People Committee, July 2024"],
    [],
    HEADER,
    ["Objective 1: Improve representation of Black, Asian and minority ethnic staff at senior levels (WRES 1 and 9)"],
    [
      "1.1",
      "Introduce reverse mentoring for the Board\n\n  with the staff network  ",
      "Chief People Officer\nHead of EDI",
      "March 2025",
      "Pairs matched by July\nFirst review in October",
      "12 pairs matched.\nFirst sessions held.",
      "20 pairs each year",
      "green",
    ],
    [
      "1.2",
      "Diverse interview panels for band 8a and above",
      "Head of Resourcing",
      45657,
      null,
      "Panel pool trained",
      "80% of panels diverse",
      "AMBER",
    ],
    [
      "1.3",
      "Publish bi-annual workforce data by ethnicity",
      "Head of EDI",
      "Q3 2024/25",
      null,
      "Published",
      null,
      "Complete",
    ],
    ["Objective 2: Reduce disciplinary disproportionality (Indicator 3)"],
    [
      "2.1",
      "Pre-disciplinary checklist reviewed by a cultural ambassador",
      "Head of Employee Relations",
      "Ongoing",
      null,
      null,
      "Relative likelihood below 1.25",
      "R",
    ],
    ["2.2", null, "Head of Employee Relations", "June 2025", null, "Waiting for policy", null, "Amber"],
    [
      "2.3",
      "Analyse case outcomes by ethnicity each quarter",
      "HR Business Partners",
      "June 2025",
      null,
      null,
      null,
      "purple",
    ],
    [
      "2.4",
      "Train investigating officers (Ind 2 & 3)",
      "Head of Learning",
      "31/12/2024",
      null,
      "Two cohorts trained",
      null,
      "Amber/Green",
    ],
    [
      "2.5",
      "Review the case-management system's ethnicity fields",
      "Head of HR Systems",
      "Mid 2025",
      null,
      null,
      null,
      "green",
    ],
  ];
  return { name: "Action plan", rows, merges: ["A1:H1", "A2:H2", "A5:H5", "A9:H9"] };
}
