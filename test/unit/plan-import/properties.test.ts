// Properties over many generated plans: the importer never throws, points at real cells, reads
// back what a plan says, and a second import of the same file changes nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlanGrid, planImportDiff, type GridCell } from "../../../src/plan/import";
import type { Action, Objective, Rag } from "../../../src/plan/types";

const options = { planYear: "2025/26", fileName: "plan.xlsx" };
const cell: fc.Arbitrary<GridCell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "Objective 1: x",
    "Ref",
    "Action",
    "Lead",
    "RAG",
    "Due date",
    "1.1",
    "green",
    "Q3",
    "=1+1",
    "Ongoing",
    "\n\n",
  ),
  fc.integer({ min: -10, max: 60_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
);

describe("parsePlanGrid properties", () => {
  it("never throws, and every issue names a cell inside the sheet", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }),
        fc.array(fc.constantFrom("A1:H1", "A2:A4", "B3:B9", "nonsense", "C5", "$A$6:$D$6", "Z99:A1"), { maxLength: 4 }),
        (rows, merges) => {
          const { issues } = parsePlanGrid([{ name: "S", rows, merges }], options);
          for (const issue of issues) {
            if (issue.row !== null) expect(issue.row).toBeGreaterThanOrEqual(1);
            if (issue.row !== null) expect(issue.row).toBeLessThanOrEqual(Math.max(rows.length, 1));
            if (issue.column !== null) expect(issue.column).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
  const title = fc.array(word, { minLength: 2, maxLength: 6 }).map((words) => words.join(" "));
  const rag = fc.constantFrom<Rag>("Red", "Amber", "Green", "Blue");
  const ragSpelling = (r: Rag, style: number): string => {
    const words: Record<Rag, string[]> = {
      Red: ["red", "RED", "R"],
      Amber: ["amber", "AMBER", "A"],
      Green: ["green", "Green", "G"],
      Blue: ["blue", "Complete", "Completed"],
    };
    return words[r][style % 3] as string;
  };
  const day = fc
    .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const plan = fc.array(
    fc.record({
      title,
      actions: fc.array(
        fc.record({
          title,
          lead: fc.option(title, { nil: null }),
          rag,
          due: fc.option(day, { nil: null }),
          style: fc.nat(5),
        }),
        { maxLength: 6 },
      ),
    }),
    { minLength: 1, maxLength: 5 },
  );

  it("reads back a generated plan, and a re-import of it creates and changes nothing", () => {
    fc.assert(
      fc.property(plan, (objectives) => {
        const rows: GridCell[][] = [
          ["WRES action plan 2025/26"],
          ["No.", "Action", "Lead", "Due date", "Progress", "RAG"],
        ];
        const merges = ["A1:F1"];
        objectives.forEach((o, i) => {
          rows.push([`Objective ${i + 1}: ${o.title}`]);
          merges.push(`A${rows.length}:F${rows.length}`);
          o.actions.forEach((a, j) => {
            const [y, m, d] = (a.due ?? "").split("-");
            const due = a.due === null ? null : a.style % 2 === 0 ? a.due : `${d}/${m}/${y}`;
            rows.push([`${i + 1}.${j + 1}`, `  ${a.title}\n`, a.lead, due, null, ragSpelling(a.rag, a.style)]);
          });
        });
        const first = parsePlanGrid([{ name: "Plan", rows, merges }], options);
        expect(first.issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(first.objectives.map((o) => o.fields.title)).toEqual(objectives.map((o) => o.title));
        expect(
          first.objectives.map((o) =>
            o.actions.map((a) => [a.fields.title, a.fields.leadText, a.fields.dueDate, a.fields.rag]),
          ),
        ).toEqual(objectives.map((o) => o.actions.map((a) => [a.title, a.lead, a.due, a.rag])));

        let id = 0;
        const store = { objectives: [] as Objective[], actions: [] as Action[] };
        for (const o of first.objectives) {
          const stored: Objective = { ...o.fields, id: ++id, etag: '"1"', modified: "" };
          store.objectives.push(stored);
          for (const a of o.actions)
            store.actions.push({ ...a.fields, id: ++id, etag: '"1"', modified: "", objectiveId: stored.id });
        }
        const again = parsePlanGrid([{ name: "Plan", rows, merges }], options);
        const diff = planImportDiff(again.objectives, store);
        expect(diff.counts.create + diff.counts.update).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
