// What every sheet of one reading shares: the issue log, caches of parsed values (the same band, date or
// ethnicity repeats on thousands of rows) and the staff join table that cases and training look people up in.
import { parseEthnicity, type ParsedEthnicity } from "../ethnicity";
import { IssueLog } from "../issues";
import { People } from "../people";
import { BankWorkers } from "./bank";
import type { Cohort } from "../../indicators/input";
import type { CellValue, ReadOptions } from "../types";
import { cohortOfStaffGroup, parseDate, parseGrade, parseYesNo, staffGroupTable, type ParsedGrade } from "../values";

/** Shared state across sheets: caches of parsed values and the staff join table. */
export class ReadContext {
  readonly log = new IssueLog();
  private readonly ethnicityCache = new Map<string, ParsedEthnicity>();
  private readonly gradeCache = new Map<string, ParsedGrade>();
  private readonly cohortCache = new Map<string, Cohort | null>();
  private readonly dateCache = new Map<CellValue, string | null>();
  private readonly yesNoCache = new Map<string, boolean | null>();
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
    const key = value === null ? "" : typeof value === "string" ? value : String(value);
    let parsed = this.ethnicityCache.get(key);
    if (!parsed) {
      parsed = parseEthnicity(key);
      this.ethnicityCache.set(key, parsed);
    }
    return parsed;
  }

  grade(value: CellValue): ParsedGrade {
    if (typeof value === "number") return parseGrade(value);
    const key = value === null ? "" : String(value);
    let parsed = this.gradeCache.get(key);
    if (!parsed) {
      parsed = parseGrade(key);
      this.gradeCache.set(key, parsed);
    }
    return parsed;
  }

  /** parseYesNo with a cache: flags repeat on every row. */
  yesNo(value: CellValue): boolean | null {
    if (typeof value !== "string") return parseYesNo(value);
    let answer = this.yesNoCache.get(value);
    if (answer === undefined) {
      answer = parseYesNo(value);
      if (this.yesNoCache.size < 10_000) this.yesNoCache.set(value, answer);
    }
    return answer;
  }

  date(value: CellValue): string | null {
    let iso = this.dateCache.get(value);
    if (iso === undefined) {
      iso = parseDate(value);
      if (this.dateCache.size < 200_000) this.dateCache.set(value, iso);
    }
    return iso;
  }

  cohort(staffGroup: string): Cohort | null {
    let cohort = this.cohortCache.get(staffGroup);
    if (cohort === undefined) {
      cohort = cohortOfStaffGroup(staffGroup, this.staffGroups);
      this.cohortCache.set(staffGroup, cohort);
    }
    return cohort;
  }
}
