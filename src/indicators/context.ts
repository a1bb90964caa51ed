// What every indicator computation needs: the dataset, the standard's group-of functions,
// the reporting year, and a person -> side index for tables that carry only an identifier.
import type { AggregateMeasure, AggregateRecord, Dataset, JoinedToStaff } from "./input";
import type { Standard } from "./standard-types";
import type { Side } from "./types";
import { addTally, emptyTally, tally, type Tally } from "./groups";
import { financialYearOf, periodStartYear } from "./period";

export interface Context<R extends string, F extends string> {
  dataset: Dataset;
  standard: Standard<R, F>;
  names: { reference: R; focus: F };
  /** Start year of the reporting (financial) year, or null when it cannot be told. */
  currentYear: number | null;
  /** The side of a person in staff in post (built on first use: only tables without ethnicity need it). */
  personSide: (personId: string) => Side;
  /** Headcount by side in staff in post (rows, else aggregates), or null when absent. */
  staffTally: Tally | null;
  indicator3TwoYear: boolean;
}

export function makeContext<R extends string, F extends string>(
  dataset: Dataset,
  standard: Standard<R, F>,
  period: string | null,
  indicator3TwoYear: boolean,
): Context<R, F> {
  let index: Map<string, Side> | null = null;
  const personSide = (personId: string): Side => {
    if (!index) {
      index = new Map();
      for (let i = 0; i < dataset.staff.length; i++) {
        const s = dataset.staff[i]!;
        index.set(s.personId, standard.classify.staff(s));
      }
    }
    return index.get(personId) ?? "unknown";
  };
  const ctx: Context<R, F> = {
    dataset,
    standard,
    names: standard.groups,
    currentYear: reportingYear(dataset, period),
    personSide,
    staffTally: null,
    indicator3TwoYear,
  };
  ctx.staffTally = dataset.staff.length > 0 ? tally(dataset.staff, standard.classify.staff) : staffAggregateTally(ctx);
  return ctx;
}

/** The period asked for, else the dataset's, else the year ending at the snapshot date, else the latest case year. */
function reportingYear(dataset: Dataset, period: string | null): number | null {
  const fromPeriod = periodStartYear(period ?? dataset.period);
  if (fromPeriod !== null) return fromPeriod;
  const fromSnapshot = financialYearOf(dataset.snapshotDate);
  if (fromSnapshot !== null) return fromSnapshot;
  let latest: number | null = null;
  for (const c of dataset.cases) {
    const y = financialYearOf(c.startDate);
    if (y !== null && (latest === null || y > latest)) latest = y;
  }
  return latest;
}

/** The year (start) an aggregate row is for, or null when it carries none (read as the current year). */
export function aggregateYear(a: AggregateRecord): number | null {
  return periodStartYear(a.year);
}

/**
 * Aggregates of one measure for one year. With no year given: the reporting year when known,
 * else the latest year present. Rows without a year count as the current year.
 */
export function aggregatesFor<R extends string, F extends string>(
  ctx: Context<R, F>,
  measure: AggregateMeasure,
  year?: number | null,
): AggregateRecord[] {
  if (!ctx.standard.classify.aggregate) return [];
  const rows = ctx.dataset.aggregates.filter((a) => a.measure === measure);
  if (rows.length === 0) return [];
  let target = year === undefined ? ctx.currentYear : year;
  if (target === null) {
    for (const a of rows) {
      const y = aggregateYear(a);
      if (y !== null && (target === null || y > target)) target = y;
    }
  }
  const isCurrent = year === undefined || year === ctx.currentYear;
  return rows.filter((a) => {
    const y = aggregateYear(a);
    return y === target || (y === null && isCurrent);
  });
}

export function sumAggregates<R extends string, F extends string>(ctx: Context<R, F>, rows: AggregateRecord[]): Tally {
  const t = emptyTally();
  const classify = ctx.standard.classify.aggregate;
  if (!classify) return t;
  for (const a of rows) addTally(t, classify(a));
  return t;
}

/** Overall headcount from "staff" aggregates: the overall row, else the band rows, else the cohort rows. */
function staffAggregateTally<R extends string, F extends string>(ctx: Context<R, F>): Tally | null {
  const rows = aggregatesFor(ctx, "staff");
  if (rows.length === 0) return null;
  const overall = rows.filter((a) => a.band === null && a.cohort === null);
  if (overall.length > 0) return sumAggregates(ctx, overall);
  const banded = rows.filter((a) => a.band !== null);
  return sumAggregates(ctx, banded.length > 0 ? banded : rows);
}

/** The side of a record that may carry only a person identifier: its own, else staff in post's. */
export function sideWithJoin<R extends string, F extends string, T extends JoinedToStaff>(
  ctx: Context<R, F>,
  record: T,
  own: ((r: T) => Side) | undefined,
): Side {
  const side = own ? own(record) : "unknown";
  if (side !== "unknown" || record.personId === null) return side;
  // Joined by the reader: no need for the index.
  if (record.staff !== undefined) return record.staff === null ? "unknown" : ctx.standard.classify.staff(record.staff);
  return ctx.personSide(record.personId);
}
