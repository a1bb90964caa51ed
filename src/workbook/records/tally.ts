// One sheet's bookkeeping while its rows are read: rows read, used and excluded (by reason), unknown
// ethnicity, and the distinct values that were not recognised or contradict themselves. It becomes the
// sheet's SheetSummary.
import type { ParsedEthnicity } from "../ethnicity";
import type { SheetSummary } from "../../indicators/input";
import type { SheetPlan } from "../recognise";

/** How many rows a warning about one value names before "and N more". */
export const MAX_ROWS_NAMED = 10;

/** A value seen on several rows: how many, and the first row. */
export interface Seen {
  count: number;
  row: number;
}

export class SheetTally {
  rowsRead = 0;
  rowsUsed = 0;
  unknownEthnicity = 0;
  readonly exclusions = new Map<string, number>();
  /** Distinct unrecognised values per topic: value -> { count, first row }. */
  private readonly unrecognised = new Map<string, Map<string, Seen>>();
  /** Ethnicity values whose code and words disagree: value -> the rows (the first few) and how many. */
  readonly contradictions = new Map<string, { parsed: ParsedEthnicity; count: number; rows: number[] }>();

  constructor(readonly plan: SheetPlan) {
    // V8 takes a field only ever written when the object is made for a constant, and throws away the code it
    // optimised on that when the field first changes: for this count, at a sheet's first unknown ethnicity,
    // often in the middle of the sheet, in the staff loop. Written again here, it is known to change from the
    // first tally on. (The other counts change at a sheet's first row, before anything is optimised.)
    this.unknownEthnicity = 0;
  }

  exclude(reason: string): void {
    this.exclusions.set(reason, (this.exclusions.get(reason) ?? 0) + 1);
  }

  noteUnrecognised(topic: string, value: string, row: number): void {
    let values = this.unrecognised.get(topic);
    if (!values) this.unrecognised.set(topic, (values = new Map()));
    const seen = values.get(value);
    if (seen) seen.count++;
    else values.set(value, { count: 1, row });
  }

  unrecognisedOf(topic: string): Map<string, Seen> {
    return this.unrecognised.get(topic) ?? new Map();
  }

  noteContradiction(parsed: ParsedEthnicity, row: number): void {
    const seen = this.contradictions.get(parsed.ethnicity.raw);
    if (!seen) this.contradictions.set(parsed.ethnicity.raw, { parsed, count: 1, rows: [row] });
    else {
      seen.count++;
      if (seen.rows.length < MAX_ROWS_NAMED) seen.rows.push(row);
    }
  }

  summary(hasEthnicity: boolean): SheetSummary {
    const { plan } = this;
    // A tally is kept only for a recognised sheet: its header row was found, and every column it reads is a
    // column of that row.
    const columns: Record<string, string> = {};
    for (const [field, col] of plan.columns) columns[field] = plan.headers[col]!;
    const exclusions: Record<string, number> = {};
    let excluded = 0;
    for (const [reason, count] of this.exclusions) {
      exclusions[reason] = count;
      excluded += count;
    }
    return {
      file: plan.file,
      sheet: plan.sheet,
      kind: plan.kind,
      headerRow: plan.headerIndex + 1,
      columns,
      rowsRead: this.rowsRead,
      rowsUsed: this.rowsUsed,
      rowsExcluded: excluded,
      exclusions,
      unknownEthnicityPct: hasEthnicity && this.rowsUsed > 0 ? (100 * this.unknownEthnicity) / this.rowsUsed : null,
      signature: plan.signature,
    };
  }
}
