// The bank-only workforce as its own population (docs/bank-workforce.md). NHS England's Bank WRES counts
// people employed solely on bank (zero-hours, casual) contracts apart from the substantive workforce; here
// the same engine computes, over the bank records only, the measures whose data the extracts carry: indicator
// 1 (representation by band), 3 (formal disciplinary) and 4 (non-mandatory training); 2 (appointment from
// shortlisting) once applications for bank vacancies are read (no extract read today marks them, so
// `bank.applications` stays empty). The survey indicators (the National NHS Bank Survey's) and the board are not
// computed for it. The result is a document of its own standard, nested in the substantive
// document as `bank`, so the two are never added together.
import { emptyDataset, type Dataset } from "./input";
import type { Standard } from "./standard-types";
import type { InputName, ResultsDocument } from "./types";

/** The bank population's standard id, `<standard>-bank` ("nhs-england-wres-bank" for WRES). */
export const bankStandardId = (standardId: string): string => `${standardId}-bank`;

/** Whether a standard id is a bank population's. */
export const isBankStandard = (standardId: string): boolean => standardId.endsWith("-bank");

/** The kinds of measure computed for the bank population (representation and relative likelihoods). */
const BANK_KINDS = new Set(["representation", "relative-likelihood"]);

/** A standard's bank population version: its representation and likelihood measures, no related measures. */
export function bankStandard<R extends string, F extends string>(standard: Standard<R, F>): Standard<R, F> {
  return {
    ...standard,
    id: bankStandardId(standard.id),
    labelKey: bankStandardId(standard.labelKey),
    indicators: standard.indicators.filter((d) => BANK_KINDS.has(d.kind)),
    // Model Employer and the race disparity ratios are about the substantive pay structure.
    related: { modelEmployer: null, raceDisparity: false },
  };
}

/**
 * The bank records as a dataset of their own (null when there are no bank workers). Sheets and reading issues
 * stay with the substantive document, which reports the files; the bank figures' data quality is its inputs'.
 */
export function bankDataset(dataset: Dataset): Dataset | null {
  const bank = dataset.bank;
  if (!bank || bank.staff.length === 0) return null;
  return {
    ...emptyDataset(),
    staff: bank.staff,
    cases: bank.cases,
    training: bank.training,
    applications: bank.applications,
    period: dataset.period,
    snapshotDate: dataset.snapshotDate,
  };
}

const INPUT_OF_SHEET: Partial<Record<string, InputName>> = { staff: "staff", cases: "cases", training: "training" };

/**
 * In a protected copy: a sheet's "bank-only" rows repeat the bank population's records of that input (its
 * headcount, its case and training rows). Where the bank copy hides those records (a handful of bank cases,
 * say), the sheet's row counts go too, and the "bank-only" count over all sheets with them, out of the total too.
 */
export function hideBankRepeats(out: ResultsDocument<string, string>): void {
  const bank = out.bank;
  if (!bank) return;
  const hidden = (input: InputName) => bank.dataQuality.inputs[input]?.suppressed?.records !== undefined;
  let any = false;
  for (const s of out.dataQuality.sheets) {
    const input = s.kind !== null ? INPUT_OF_SHEET[s.kind] : undefined;
    if (!input || !hidden(input) || !s.exclusions["bank-only"]) continue;
    any = true;
    Object.assign(s, { rowsRead: null, rowsUsed: null, rowsExcluded: null, exclusions: {}, unknownEthnicityPct: null });
  }
  if (!any) return;
  // The total leaves the bank-only rows out with their reason: else the total less the reasons and sheets still
  // shown would give the hidden sheet's bank-only rows, which are the hidden bank records.
  out.dataQuality.rowsExcluded -= out.dataQuality.exclusions["bank-only"] ?? 0;
  delete out.dataQuality.exclusions["bank-only"];
}
