import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  computeResults,
  relativeLikelihood,
  type Counts,
  type RelativeLikelihoodResult,
  type RepresentationResult,
} from "../../../src/indicators";
import type { AfcBand, ApplicationRecord, Cohort, EthnicGroup, StaffRecord } from "../../../src/indicators";
import { applications, dataset, staffMany } from "./fixtures";

const group = fc.constantFrom<EthnicGroup>("white", "bme", "unknown");
const place = fc.oneof(
  fc.record({
    cohort: fc.constantFrom<Cohort>("non-clinical", "clinical"),
    band: fc.constantFrom<AfcBand | null>("1", "4", "6", "7", "8b", "8d", "9", "VSM", null),
  }),
  fc.record({
    cohort: fc.constant<Cohort>("medical"),
    band: fc.constant(null),
    medical: fc.constantFrom("consultant" as const, "non-consultant-career-grade" as const, "other" as const, null),
  }),
);

const sum = (cs: Counts[], f: "white" | "bme" | "unknown" | "total") => cs.reduce((n, c) => n + (c[f] ?? 0), 0);

describe("invariants", () => {
  it("indicator 1 counts add up: groups to totals, bands and cohorts to the overall, percentages to 100", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ group, place, n: fc.integer({ min: 0, max: 30 }) }), { minLength: 1, maxLength: 20 }),
        (cells) => {
          const staff: StaffRecord[] = cells.flatMap((c) => staffMany(c.n, c.group, c.place));
          fc.pre(staff.length > 0);
          const r = computeResults(dataset({ staff })).indicators["1"] as RepresentationResult;
          expect(r.overall.total).toBe(staff.length);
          const rows = [
            ...Object.values(r.cohorts["non-clinical"]),
            ...Object.values(r.cohorts.clinical),
            ...Object.values(r.cohorts.medical),
            ...Object.values(r.unbanded),
          ] as Counts[];
          for (const c of [r.overall, ...rows]) {
            expect(c.white! + c.bme! + c.unknown!).toBe(c.total);
            if (c.total! > 0) expect(c.whitePct! + c.bmePct! + c.unknownPct!).toBeCloseTo(100, 9);
          }
          for (const f of ["white", "bme", "unknown", "total"] as const) expect(sum(rows, f)).toBe(r.overall[f]);
          for (const f of ["white", "bme", "unknown", "total"] as const) {
            const fromBands = sum(
              [
                ...(Object.values(r.bands) as Counts[]),
                ...(Object.values(r.cohorts.medical) as Counts[]),
                ...(Object.values(r.unbanded) as Counts[]),
              ],
              f,
            );
            expect(fromBands).toBe(r.overall[f]);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it("swapping White and BME inverts a relative likelihood and its interval", () => {
    const counts = fc
      .integer({ min: 1, max: 400 })
      .chain((of) => fc.record({ of: fc.constant(of), count: fc.integer({ min: 0, max: of }) }));
    fc.assert(
      fc.property(counts, counts, (w, b) => {
        const make = (white: typeof w, bme: typeof b): ApplicationRecord[] => [
          ...applications("white", white.of, white.count),
          ...applications("bme", bme.of, bme.count),
        ];
        const r = computeResults(dataset({ applications: make(w, b) })).indicators["2"] as RelativeLikelihoodResult;
        const s = computeResults(dataset({ applications: make(b, w) })).indicators["2"] as RelativeLikelihoodResult;
        if (r.value === null) {
          expect(s.value).toBeNull();
          expect(s.reason).toBe(r.reason);
          return;
        }
        expect(s.value).toBeCloseTo(1 / r.value, 9);
        expect(s.ci95![0]).toBeCloseTo(1 / r.ci95![1], 9);
        expect(s.ci95![1]).toBeCloseTo(1 / r.ci95![0], 9);
        expect(s.significant).toBe(r.significant);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("a relative likelihood is never Infinity, NaN or 0, and its interval contains it", () => {
    const p = fc
      .integer({ min: 0, max: 1000 })
      .chain((of) => fc.record({ of: fc.constant(of), count: fc.integer({ min: 0, max: of + 2 }) }));
    fc.assert(
      fc.property(p, p, (a, b) => {
        const out = relativeLikelihood(a, b);
        if (out.value === null) {
          expect(out.reason).not.toBeNull();
          return;
        }
        expect(Number.isFinite(out.value) && out.value > 0).toBe(true);
        expect(out.ci95[0]).toBeLessThanOrEqual(out.value * (1 + 1e-12));
        expect(out.ci95[1]).toBeGreaterThanOrEqual(out.value * (1 - 1e-12));
      }),
    );
  }, 60_000);
});
