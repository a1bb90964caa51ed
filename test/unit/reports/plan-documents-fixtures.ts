// A small plan, its saved indicator results and an approved copy, for the plan documents' tests.
// The results hold a small count (4 BME disciplinary cases, below the threshold of 10) and figures whose
// exact values have more decimals than the protected copy publishes.
import { computeResults, suppressResults, type ResultsDocument } from "../../../src/indicators";
import type { ApprovedCopy } from "../../../src/plan/cycle/types";
import type { Action, IndicatorResultRow, Objective } from "../../../src/plan/types";
import { rowsToSave } from "../../../src/ui/indicators/saved-results";
import { catalogueLookup, documentLabels } from "../../../src/reports/plan-document-labels";
import enGB from "../../../src/i18n/locales/en-GB.json";
import cyGB from "../../../src/i18n/locales/cy-GB.json";
import { applications, cases, dataset, staffMany, survey, trainingMany } from "../indicators/fixtures";
import { amara, planWriter, tom } from "../../support/plan-fixtures";

export const EN = documentLabels(catalogueLookup(enGB));
export const CY = documentLabels(catalogueLookup(cyGB));

export { amara, tom };
/** Text a document must carry as text, never as markup. */
export const HOSTILE = 'Panels <b>& "diverse"</b> =HYPERLINK("x")';

const { objective, action } = planWriter({ owner: amara, lead: tom, modified: "2024-06-01T00:00:00Z" });

export const objectives: Objective[] = [
  objective(2, "2", "Fair disciplinary process", { owner: tom }),
  objective(1, "1", "Representation at Band 8a and above", {
    description: "Only 11% of staff at Band 8a and above are BME.",
  }),
];

export const actions: Action[] = [
  action(11, 1, "1.1", "Set divisional representation targets", "Green", {
    leads: [amara],
    leadText: "Director of People",
    kpis: "BME staff at 8a+ from 11% to 14%",
    progress: "Targets agreed with four divisions",
  }),
  action(12, 1, "1.2", HOSTILE, "Red", {
    dueDate: "2024-11-30",
    leadText: "Head of Resourcing",
    kpis: "Every panel diverse by March",
  }),
  action(21, 2, "2.1", "Independent review of every case", "Amber", { leadText: null, dueDate: null }),
];

/**
 * The exact results: RL 2 is 1.9031… (published as 1.90); RL 3 rests on 4 BME cases (hidden). Computed afresh
 * by each caller, within its test: mutation testing credits code only to the test it runs in.
 */
export function exactResults(): ResultsDocument {
  return computeResults(
    dataset({
      period: "2024/25",
      staff: [...staffMany(600, "white"), ...staffMany(300, "bme")],
      applications: [...applications("white", 210, 61), ...applications("bme", 190, 29)],
      cases: [...cases(12, "white"), ...cases(4, "bme")],
      training: [...trainingMany(300, "white"), ...trainingMany(120, "bme")],
      survey: [survey(5, 20.04, 26.36)],
    }),
    { organisation: "Demo NHS Trust", period: "2024/25" },
  );
}

/** An indicator's exact relative likelihood, unrounded. */
export const exactValue = (indicator: "2" | "3") => (exactResults().indicators[indicator] as { value: number }).value;

/** What the tab saves: the protected copy, one row per indicator, and last year's figures typed in. */
export function savedRows(): IndicatorResultRow[] {
  const rows = [
    ...rowsToSave(suppressResults(exactResults(), 10), "2024/25", "Edith Lead"),
    {
      year: "2023/24",
      standard: "nhs-england-wres",
      indicator: 2 as const,
      value: 2.6,
      detail: "{}",
      origin: "entered" as const,
    },
    {
      year: "2023/24",
      standard: "nhs-england-wres",
      indicator: 3 as const,
      value: 1.5,
      detail: "{}",
      origin: "entered" as const,
    },
  ];
  return rows.map((row, i) => ({ ...row, id: i + 1, etag: '"1"', modified: "2024-07-01T00:00:00Z" }));
}

/**
 * Rows as something else might have written them: indicator 3's detail is the EXACT result (its small
 * count and its relative likelihood of 0.67 in the clear) and its value the exact figure. The documents
 * must protect it again.
 */
export function leakyRows(): IndicatorResultRow[] {
  const exact = exactResults();
  return savedRows().map((row) =>
    row.year === "2024/25" && row.indicator === 3
      ? {
          ...row,
          value: (exact.indicators["3"] as { value: number }).value,
          detail: JSON.stringify({
            ...exact.indicators["3"],
            publication: { threshold: 10, savedBy: null, organisation: "Demo NHS Trust", snapshotDate: null },
          }),
        }
      : row,
  );
}

export function approvedCopy(results: IndicatorResultRow[] = savedRows()): ApprovedCopy {
  return {
    year: "2024/25",
    approvedAt: "2024-09-12T15:00:00Z",
    decision: {
      meeting: "People and Culture Committee",
      date: "2024-09-12",
      outcome: "approved",
      assurance: "partially-assured",
      minuteReference: "PCC/24/117",
      recordedBy: { id: 3, title: "Edith Lead", email: "edi.lead@wres.test" },
      recordedAt: "2024-09-12T15:00:00Z",
    },
    objectives,
    actions,
    results,
  };
}
