// Feasible ranges: for a system of linear equations over non-negative integers
// (sum of coef x var = rhs), the smallest and largest value each variable can take. Each bound is a
// linear programme solved exactly enough by a dense two-phase simplex (Bland's rule, so it never cycles);
// the optimal vertex is checked for whole numbers, so a bound is one an integer solution reaches.
// protect.ts audits its suppression with it, and the attacker test attacks with it (checked against exhaustive
// enumeration on small systems in test/unit/indicators/feasible.test.ts). A few hundred variables at most.

export interface Equation {
  /** variable index -> coefficient */
  terms: [number, number][];
  rhs: number;
}

export interface Range {
  min: number;
  max: number;
  /** Both bounds are reached by whole-number solutions (the optimal vertices were integral). */
  integral: boolean;
}

const EPS = 1e-7;

/** Feasible ranges of variables `of` (all by default); null when the system has no non-negative solution. */
export function feasibleRanges(
  variables: number,
  equations: readonly Equation[],
  of?: readonly number[],
): Range[] | null {
  const m = equations.length;
  const targets = of ?? Array.from({ length: variables }, (_, i) => i);
  if (m === 0) return targets.map(() => ({ min: 0, max: Infinity, integral: true }));
  // Tableau: m rows of [variables..., artificials..., rhs]; artificial j in row j.
  const width = variables + m + 1;
  const base = new Float64Array(m * width);
  for (let r = 0; r < m; r++) {
    const e = equations[r]!;
    const sign = e.rhs < 0 ? -1 : 1;
    for (const [v, c] of e.terms) base[r * width + v] = base[r * width + v]! + sign * c;
    base[r * width + variables + r] = 1;
    base[r * width + width - 1] = sign * e.rhs;
  }
  const basis = Array.from({ length: m }, (_, r) => variables + r);
  // Phase 1: minimise the artificials (maximise their negative sum).
  const phase1 = new Float64Array(width - 1);
  for (let r = 0; r < m; r++) phase1[variables + r] = -1;
  const status = simplex(base, basis, m, width, phase1, width - 1);
  if (status === "unbounded") throw new Error("phase 1 cannot be unbounded");
  let infeasibility = 0;
  for (let r = 0; r < m; r++) if (basis[r]! >= variables) infeasibility += base[r * width + width - 1]!;
  if (infeasibility > 1e-6) return null;
  // Drive artificials out of the basis where a real variable can replace them; rows left are redundant.
  for (let r = 0; r < m; r++) {
    if (basis[r]! < variables) continue;
    for (let c = 0; c < variables; c++) {
      if (Math.abs(base[r * width + c]!) > EPS) {
        pivot(base, m, width, r, c);
        basis[r] = c;
        break;
      }
    }
  }
  const out: Range[] = [];
  for (const v of targets) {
    const lo = optimise(base, basis, m, width, variables, v, -1);
    const hi = optimise(base, basis, m, width, variables, v, 1);
    out.push({
      min: lo === null ? 0 : 0 - lo.value,
      max: hi === null ? Infinity : hi.value,
      integral: (lo?.integral ?? true) && (hi?.integral ?? true),
    });
  }
  return out;
}

/** Maximise sign x var from the phase-1 basis; null when unbounded. Artificial columns may not re-enter. */
function optimise(
  base: Float64Array,
  basis0: readonly number[],
  m: number,
  width: number,
  variables: number,
  v: number,
  sign: 1 | -1,
): { value: number; integral: boolean } | null {
  const t = base.slice();
  const basis = basis0.slice();
  const objective = new Float64Array(width - 1);
  objective[v] = sign;
  const status = simplex(t, basis, m, width, objective, variables);
  if (status === "unbounded") return null;
  let value = 0;
  let integral = true;
  for (let r = 0; r < m; r++) {
    const x = t[r * width + width - 1]!;
    if (basis[r] === v) value = sign * x;
    if (basis[r]! < variables && Math.abs(x - Math.round(x)) > 1e-6) integral = false;
  }
  return { value: Math.round(value * 1e6) / 1e6 + 0, integral }; // + 0: never -0
}

/** Primal simplex on the tableau (maximising), entering only columns below `columns`. */
function simplex(
  t: Float64Array,
  basis: number[],
  m: number,
  width: number,
  objective: Float64Array,
  columns: number,
): "optimal" | "unbounded" {
  const rhs = width - 1;
  // Reduced costs, kept up to date by each pivot: objective[c] - sum over rows of objective[basis[r]] x t[r][c].
  const z = new Float64Array(width);
  for (let c = 0; c < width - 1; c++) z[c] = objective[c]!;
  for (let r = 0; r < m; r++) {
    const w = objective[basis[r]!] ?? 0;
    if (w !== 0) for (let c = 0; c < width; c++) z[c] = z[c]! - w * t[r * width + c]!;
  }
  const inBasis = new Uint8Array(width);
  for (const b of basis) inBasis[b] = 1;
  for (let iteration = 0; iteration < 100_000; iteration++) {
    let entering = -1;
    for (let c = 0; c < columns; c++) {
      if (!inBasis[c] && z[c]! > EPS) {
        entering = c; // Bland: the lowest index that improves
        break;
      }
    }
    if (entering < 0) return "optimal";
    let leaving = -1;
    let best = Infinity;
    for (let r = 0; r < m; r++) {
      const a = t[r * width + entering]!;
      if (a <= EPS) continue;
      const ratio = t[r * width + rhs]! / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[r]! < basis[leaving]!)) {
        best = ratio;
        leaving = r;
      }
    }
    if (leaving < 0) return "unbounded";
    pivot(t, m, width, leaving, entering);
    const f = z[entering]!;
    for (let c = 0; c < width; c++) z[c] = z[c]! - f * t[leaving * width + c]!;
    inBasis[basis[leaving]!] = 0;
    inBasis[entering] = 1;
    basis[leaving] = entering;
  }
  throw new Error("simplex did not finish");
}

function pivot(t: Float64Array, m: number, width: number, row: number, col: number): void {
  const p = t[row * width + col]!;
  for (let c = 0; c < width; c++) t[row * width + c] = t[row * width + c]! / p;
  for (let r = 0; r < m; r++) {
    if (r === row) continue;
    const f = t[r * width + col]!;
    if (f === 0) continue;
    for (let c = 0; c < width; c++) t[r * width + c] = t[r * width + c]! - f * t[row * width + c]!;
  }
}
