// The committee report's data and Excel file: the plan year, and changes since the chosen date.
import type { TFunction } from "i18next";
import { changesSince, summarisePlan, type EvidenceFile, type PlanChanges, type PlanSummary } from "../../plan";
import type { CommitteeLabels } from "../../reports/committee-xlsx";
import type { PlanSnapshot, PlanStore } from "../../sharepoint";
import { compareWithApproved, type SinceApproval } from "../../plan/cycle";
import { loadCycle, type CycleView } from "../cycle/status";
import { saveBytes, XLSX_TYPE } from "../state/download";

export interface ReportData {
  snapshot: PlanSnapshot;
  summary: PlanSummary;
  changes: PlanChanges;
  since: string;
  today: string;
  /** The year's cycle, and today's plan against the approved copy when there is one. */
  cycle?: CycleView;
  sinceApproval?: SinceApproval | null;
  /** The year's evidence files (attachments), newest first; empty when they could not be read. */
  evidence: EvidenceFile[];
}

export async function loadReport(store: PlanStore, year: string, since: string, today: string): Promise<ReportData> {
  // Evidence is a list beside the report: a failure to read it leaves the report whole.
  const [snapshot, updates, cycle, evidence] = await Promise.all([
    store.loadPlan(year),
    store.updatesSince(year, since),
    loadCycle(store, year),
    store.evidenceForYear(year).catch(() => []),
  ]);
  return {
    snapshot,
    summary: summarisePlan(snapshot, today),
    changes: changesSince(updates, snapshot.actions, since, today),
    since,
    today,
    cycle,
    sinceApproval: cycle.approved ? compareWithApproved(cycle.approved, snapshot) : null,
    evidence,
  };
}

/** The workbook's words in the tab's language (the catalogue keeps {name} marks for the report module). */
export function committeeLabels(t: TFunction): Partial<CommitteeLabels> {
  const labels = t("planYear.xlsx", { returnObjects: true }) as unknown;
  return labels && typeof labels === "object" ? (labels as Partial<CommitteeLabels>) : {};
}

/** Builds the .xlsx (exceljs loads only now) and hands it to the browser as a download. */
export async function downloadCommitteeWorkbook(
  data: ReportData,
  year: string,
  labels: Partial<CommitteeLabels>,
): Promise<string> {
  const { committeeWorkbook } = await import("../../reports/committee-xlsx");
  const bytes = await committeeWorkbook({
    year,
    objectives: data.snapshot.objectives,
    actions: data.snapshot.actions,
    lastUpdates: data.snapshot.lastUpdates,
    changes: data.changes,
    since: data.since,
    today: data.today,
    labels,
    sinceApproval: data.sinceApproval,
  });
  const fileName = `WRES committee report ${year.replace(/[/\\]/g, "-")} since ${data.since}.xlsx`;
  saveBytes(bytes, fileName, XLSX_TYPE);
  return fileName;
}
