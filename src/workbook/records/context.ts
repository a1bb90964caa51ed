// What every sheet of one reading shares: the issue log, parsed values remembered (the same band, date, flag or
// ethnicity repeats on thousands of rows) and the staff join table that cases and training look people up in.
import { parseEthnicity, type ParsedEthnicity } from "../ethnicity";
import { IssueLog } from "../issues";
import { People } from "../people";
import { BankWorkers } from "./bank";
import type { Cohort } from "../../indicators/input";
import type { CellValue, ReadOptions } from "../types";
import { cohortOfStaffGroup, parseDate, parseGrade, parseYesNo, staffGroupTable, type ParsedGrade } from "../values";

/**
 * A parse remembered by its input. Past `max` inputs (a column of distinct dates) new ones are parsed each time,
 * so the memory it takes is bounded.
 */
class Memo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(
    private readonly parse: (key: K) => V,
    private readonly max = Infinity,
  ) {}

  get(key: K): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = this.parse(key);
      if (this.values.size < this.max) this.values.set(key, value);
    }
    return value;
  }
}

/** A cell as the text it is remembered by (a number as Excel shows it, a blank as ""). */
const textOf = (value: CellValue): string => (value === null ? "" : String(value));

/** Shared state across sheets: caches of parsed values and the staff join table. */
export class ReadContext {
  readonly log = new IssueLog();
  private readonly ethnicities = new Memo(parseEthnicity);
  private readonly grades = new Memo(parseGrade);
  private readonly cohorts = new Memo((staffGroup: string) => cohortOfStaffGroup(staffGroup, this.staffGroups));
  private readonly dates = new Memo(parseDate, 200_000);
  private readonly answers = new Memo(parseYesNo, 10_000);
  /** Everyone in staff in post (bank workers included), by person id: what cases and training are joined to. */
  readonly people = new People();
  /** The bank-only workforce, gathered as a population of its own (docs/bank-workforce.md). */
  readonly bank = new BankWorkers();
  /** How many staff sheets have been begun (each sheet chooses its own row for a person). */
  staffSheets = 0;
  private readonly staffGroups: ReadonlyMap<string, Cohort>;

  constructor(options: Pick<ReadOptions, "staffGroupCohorts"> = {}) {
    this.staffGroups = staffGroupTable(options.staffGroupCohorts);
  }

  ethnicity(value: CellValue): ParsedEthnicity {
    return this.ethnicities.get(textOf(value));
  }

  grade(value: CellValue): ParsedGrade {
    return this.grades.get(textOf(value));
  }

  yesNo(value: CellValue): boolean | null {
    return this.answers.get(value);
  }

  date(value: CellValue): string | null {
    return this.dates.get(value);
  }

  cohort(staffGroup: string): Cohort | null {
    return this.cohorts.get(staffGroup);
  }
}
