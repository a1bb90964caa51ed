// Counts linked by their sums (a total and its parts), protected together: the cells below the threshold are
// hidden, and so are enough others that no hidden one can be worked out from the sums (protect.ts). Used by
// suppressResults (suppress.ts) for each table of a protected copy.
import type { SuppressionMark } from "./types";
import { protectCells, type SumConstraint } from "./protect";
import { protectAroundFixed } from "./protect-linked";

/** Any object of a results document that can carry hidden marks. */
export type Rec = Record<string, unknown> & { suppressed?: Partial<Record<string, SuppressionMark>> };

/** The one mark every hidden figure carries in a protected copy. */
export const HIDDEN: SuppressionMark = "hidden";

export type CountsRecord = Record<string, number | null> & { suppressed?: Partial<Record<string, SuppressionMark>> };

export const isHidden = (obj: { suppressed?: Partial<Record<string, unknown>> } | null | undefined, field: string) =>
  obj?.suppressed?.[field] !== undefined;

/** Cells of several Counts objects, linked by their sums, protected together. */
export class CountsTable {
  private cells: { obj: CountsRecord; field: string }[] = [];
  /** Each cell's value when it joined the table (null: hidden already, its value not known here). */
  private known: (number | null)[] = [];
  private index = new Map<CountsRecord, Map<string, number>>();
  private constraints: SumConstraint[] = [];
  /** field -> how much dearer a cell of that field is to hide as a complement (see protectCells). */
  constructor(
    private readonly fields: string[],
    private readonly weights: Record<string, number> = {},
  ) {}

  cell(obj: CountsRecord, field: string): number {
    let byField = this.index.get(obj);
    if (!byField) this.index.set(obj, (byField = new Map()));
    let i = byField.get(field);
    if (i === undefined) {
      i = this.cells.length;
      this.cells.push({ obj, field });
      this.known.push(isHidden(obj, field) ? null : (obj[field] ?? 0));
      byField.set(field, i);
    }
    return i;
  }

  /** obj.total = obj.reference + obj.focus + obj.unknown */
  row(obj: CountsRecord): void {
    const [total, ...parts] = this.fields.map((f) => this.cell(obj, f));
    this.constraints.push({ total: total!, parts });
  }

  /** For every field: total[field] = sum of parts[field]. */
  sum(total: CountsRecord | undefined, parts: (CountsRecord | undefined)[]): void {
    const present = parts.filter((p): p is CountsRecord => p !== undefined);
    if (!total || present.length === 0) return;
    for (const f of this.fields)
      this.constraints.push({ total: this.cell(total, f), parts: present.map((p) => this.cell(p, f)) });
  }

  /** One relation between single cells: total.obj[total.field] = sum of the parts. */
  relation(total: [CountsRecord, string], parts: [CountsRecord, string][]): void {
    if (parts.length === 0) return;
    this.constraints.push({ total: this.cell(...total), parts: parts.map((p) => this.cell(...p)) });
  }

  /**
   * Protect, then hide the counts and the percentages that would reveal them. Returns how many were hidden.
   * `known`: the exact values of cells hidden already in this same protection (not in a copy protected before),
   * so that their sums are judged by what they hide, not taken as enough.
   */
  apply(
    threshold: number,
    pctOf: (field: string) => string | null,
    cellWeight?: (obj: CountsRecord, field: string) => number | undefined,
    known?: ReadonlyMap<CountsRecord, Record<string, number>>,
  ): number {
    const preset = this.cells.map((c) => isHidden(c.obj, c.field));
    // A cell hidden before (a copy protected already) was protected then: its sums count it as enough.
    const values = this.cells.map((c, i) =>
      preset[i] ? (known?.get(c.obj)?.[c.field] ?? threshold) : (c.obj[c.field] ?? 0),
    );
    const weights = this.cells.map((c) => cellWeight?.(c.obj, c.field) ?? this.weights[c.field] ?? 1);
    const hidden = protectCells(values, this.constraints, threshold, weights, preset);
    return this.hideAll(hidden, preset, pctOf);
  }

  /**
   * The second stage (protect-linked.ts): only cells `free` says may be hidden are; the others, protected
   * already, are fixed (their values the ones they had when they joined the table). Returns how many were
   * hidden, or null when no choice of free cells is safe (the caller leaves them out).
   */
  applyAroundFixed(
    threshold: number,
    pctOf: (field: string) => string | null,
    free: (obj: CountsRecord) => string | null,
  ): number | null {
    const preset = this.cells.map((c) => isHidden(c.obj, c.field));
    const tables = this.cells.map((c) => free(c.obj));
    const hidden = protectAroundFixed(
      {
        values: this.known.map((v) => v ?? threshold),
        constraints: this.constraints,
        fixed: tables.map((t) => t === null),
        preset,
        table: tables,
      },
      threshold,
    );
    return hidden === null ? null : this.hideAll(hidden, preset, pctOf);
  }

  private hideAll(hidden: readonly boolean[], preset: readonly boolean[], pctOf: (field: string) => string | null) {
    let n = 0;
    hidden.forEach((h, i) => {
      if (!h || preset[i]) return;
      const { obj, field } = this.cells[i]!;
      n += 1;
      hide(obj, field);
      // With the total hidden, a visible count divided by its percentage would give it back.
      for (const f of field === "total" ? this.fields : [field]) {
        const p = pctOf(f);
        if (p && p in obj) hide(obj, p);
      }
    });
    return n;
  }
}

export function hide(
  obj: { suppressed?: Partial<Record<string, SuppressionMark>> } & Record<string, unknown>,
  field: string,
): void {
  obj[field] = null;
  obj.suppressed = { ...obj.suppressed, [field]: HIDDEN };
}
