import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Ajv } from "ajv";
import { computeResults, RESULTS_SCHEMA, suppressResults, type ResultsDocument } from "../../../src/indicators";
import type { AfcBand, EthnicGroup } from "../../../src/indicators";
import {
  aggregate,
  applications,
  boardMember,
  cases,
  dataset,
  disciplinary,
  staffMany,
  survey,
  trainingMany,
} from "./fixtures";

const validate = new Ajv({ allErrors: true, strict: true }).compile(RESULTS_SCHEMA);
const check = (doc: ResultsDocument) => {
  // Through JSON, as the command line prints it and the tab reads it.
  const ok = validate(JSON.parse(JSON.stringify(doc)));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
};

describe("the results document matches its published JSON Schema", () => {
  const full = dataset({
    staff: [
      ...staffMany(300, "white", { band: "5" }),
      ...staffMany(40, "bme", { band: "8a" }),
      ...staffMany(6, "unknown", { cohort: "medical", medical: "consultant" }),
      ...staffMany(3, "white", { band: null }),
    ],
    applications: [...applications("white", 100, 30), ...applications("bme", 50, 5)],
    cases: [...cases(5, "white", { startDate: "2024-06-01" }), disciplinary("bme", { startDate: "2023-06-01" })],
    training: trainingMany(20, "bme"),
    survey: [survey(5, 20, 25), survey(6, 18, 24), survey(7, 60, 44), survey(8, 5, 12)],
    board: [boardMember("white", true, true), boardMember("bme", true, false)],
    period: "2024/25",
  });

  it("exact, suppressed, with a comparison, from aggregates, and empty", () => {
    const previous = computeResults(full);
    const doc = computeResults(full, { previous, organisation: "Demo NHS Trust" });
    check(doc);
    check(suppressResults(doc));
    check(suppressResults(doc, 25, { publishBoardComposition: false }));
    expect(doc.audience).toBe("exact");
    expect(suppressResults(doc).audience).toBe("protected");
    check(
      computeResults(
        dataset({
          aggregates: [
            aggregate("staff", 100, 20, 3, { band: "5", cohort: "clinical" }),
            aggregate("shortlisted", 40, 20, 0),
            aggregate("appointed", 10, 2, 0),
            aggregate("board-voting", 8, 1, 0),
          ],
        }),
      ),
    );
    check(computeResults(dataset()));
    // ...and the schema is not vacuous.
    const broken = JSON.parse(JSON.stringify(doc)) as { indicators: { "2": { white: { count: unknown } } } };
    broken.indicators["2"].white.count = "30";
    expect(validate(broken)).toBe(false);
  });

  it("for random workforces", () => {
    const band = fc.constantFrom<AfcBand | null>("2", "5", "7", "8a", "8d", "VSM", null);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            group: fc.constantFrom<EthnicGroup>("white", "bme", "unknown"),
            band,
            n: fc.integer({ min: 0, max: 20 }),
          }),
          { maxLength: 10 },
        ),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 1, max: 12 }),
        (cells, nCases, threshold) => {
          const staff = cells.flatMap((c) => staffMany(c.n, c.group, { band: c.band }));
          const doc = computeResults(
            dataset({
              staff,
              cases: staff.slice(0, nCases).map((s) => disciplinary("unknown", { personId: s.personId })),
            }),
          );
          check(doc);
          check(suppressResults(doc, threshold));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
