// The staff-in-post join table: every person id found once, given a dense number, and what is known of
// them held in arrays by that number (no object per person for the garbage collector to copy).
import { IdIndex } from "../shared/id-index";
import { grow } from "./typed-arrays";
import type { Ethnicity, StaffRecord } from "../indicators/input";

const SUBSTANTIVE = 1;
const BANK = 2;

/**
 * Everyone in staff in post, bank workers included: what cases and training are joined to. A person is a
 * number (from find or add); their facts are in the arrays at that index.
 */
export class People {
  private readonly ids = new IdIndex();
  /** Ethnicity at the person's chosen row: the staff sheet that counts them first (else the last that names them). */
  readonly ethnicity: Ethnicity[] = [];
  /** Their record in the headcount, when they are counted (the first staff sheet's). */
  readonly record: (StaffRecord | null)[] = [];
  /** Whether some staff sheet has a substantive row for them (SUBSTANTIVE), and whether some has a bank row (BANK). */
  private flags = new Uint8Array(1024);
  /** The row chosen for them in the staff sheet being read: the sheet's number, the row (index into its data rows) and its rank. */
  sheet = new Int32Array(1024);
  row = new Int32Array(1024);
  rank = new Uint8Array(1024);

  get size(): number {
    return this.ids.size;
  }

  /** The person with this id, or -1. */
  find(id: string): number {
    return this.ids.find(id);
  }

  /** The person with this id, added (with an unknown ethnicity until their row is read) if new. */
  add(id: string, unknown: Ethnicity): number {
    const before = this.ids.size;
    const p = this.ids.add(id);
    if (p === before) {
      if (p >= this.flags.length) this.growArrays();
      this.ethnicity.push(unknown);
      this.record.push(null);
      this.sheet[p] = -1;
    }
    return p;
  }

  /** Makes room for `count` people in all (the people so far and a sheet's rows), so that adding them grows nothing. */
  reserve(count: number): void {
    this.ids.reserve(count);
    while (count > this.flags.length) this.growArrays();
  }

  markSubstantive(p: number): void {
    this.flags[p]! |= SUBSTANTIVE;
  }

  markBank(p: number): void {
    this.flags[p]! |= BANK;
  }

  /** Bank-only workers are outside the substantive WRES: not in its headcount, so not in its numerators either. */
  isBankOnly(p: number): boolean {
    return this.flags[p] === BANK; // -1 (not found) reads as undefined
  }

  private growArrays(): void {
    const n = this.flags.length * 2;
    this.flags = grow(this.flags, n);
    this.sheet = grow(this.sheet, n);
    this.row = grow(this.row, n);
    this.rank = grow(this.rank, n);
  }
}
