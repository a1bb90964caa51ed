import { describe, expect, it } from "vitest";
import { executeRun, REDACTED, type WorkerMessage } from "../../../src/ui/indicators/protocol";
import {
  fieldsOf,
  likelyKind,
  loadMappings,
  MAPPINGS_KEY,
  missingRequired,
  rememberMapping,
  suggestMapping,
} from "../../../src/ui/indicators/mapping";
import { buildXlsx } from "../workbook/fixtures";

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

// A recruitment extract whose ethnicity column has a name no synonym knows.
const headers = ["Heritage", "Shortlisted", "Appointed", "Pay Band"];
const rows = [
  headers,
  ...Array.from({ length: 30 }, (_, i) => [
    i % 3 === 0 ? "M Black - African" : "A White - British",
    i % 2 ? "Yes" : "No",
    i % 4 === 1 ? "Yes" : "No",
    "Band 5",
  ]),
];
const workbook = buildXlsx([{ name: "Applicants", rows }]);

function run(mappings = {}) {
  const posted: WorkerMessage[] = [];
  executeRun(
    { type: "run", files: [{ name: "renamed.xlsx", bytes: workbook.slice().buffer }], options: { mappings } },
    (m) => posted.push(m),
  );
  const done = posted.at(-1);
  if (done?.type !== "done") throw new Error("run failed");
  return done.outcome;
}

describe("column mapping", () => {
  it("offers an unrecognised sheet's headers and a short, sanitised preview", () => {
    const outcome = run();
    expect(outcome.results.indicators["2"]).toBeUndefined();
    expect(outcome.unrecognised).toHaveLength(1);
    const sheet = outcome.unrecognised[0]!;
    expect(sheet).toMatchObject({ file: "renamed.xlsx", sheet: "Applicants", headerRow: 1, headers });
    expect(sheet.preview).toHaveLength(3);
    expect(sheet.preview[0]).toEqual(["M Black - African", "No", "No", "Band 5"]);
  });

  it("hides identifier-like values in the preview", () => {
    const ids = buildXlsx([
      {
        name: "S",
        rows: [
          ["Ref", "Colour"],
          ["E1234567", "blue"],
        ],
      },
    ]);
    const posted: WorkerMessage[] = [];
    executeRun({ type: "run", files: [{ name: "ids.xlsx", bytes: ids.slice().buffer }], options: {} }, (m) =>
      posted.push(m),
    );
    const done = posted.at(-1);
    expect(done?.type === "done" && done.outcome.unrecognised[0]?.preview[0]).toEqual([REDACTED, "blue"]);
  });

  it("suggests the kind and the columns it knows, and says what is still needed", () => {
    expect(likelyKind(headers)).toBe("recruitment");
    const suggested = suggestMapping("recruitment", headers);
    expect(suggested).toMatchObject({ shortlisted: "Shortlisted", appointed: "Appointed", band: "Pay Band" });
    expect(suggested.ethnicity).toBeUndefined();
    expect(missingRequired("recruitment", suggested)).toEqual([["ethnicity"]]);
    expect(missingRequired("recruitment", { ...suggested, ethnicity: "Heritage" })).toEqual([]);
    expect(fieldsOf("recruitment")[0]).toEqual({ field: "ethnicity", required: true });
  });

  it("a remembered mapping reads next year's file of the same shape", () => {
    const storage = memoryStorage();
    const signature = run().unrecognised[0]!.signature;
    rememberMapping(storage, signature, {
      kind: "recruitment",
      columns: { ...suggestMapping("recruitment", headers), ethnicity: "Heritage" },
    });
    const again = run(loadMappings(storage));
    expect(again.unrecognised).toEqual([]);
    expect(again.results.indicators["2"]).toBeDefined();
    expect(again.sheets[0]).toMatchObject({ kind: "recruitment", rowsRead: 30 });
  });

  it("ignores damaged or hostile stored mappings", () => {
    const storage = memoryStorage();
    storage.setItem(MAPPINGS_KEY, "{not json");
    expect(loadMappings(storage)).toEqual({});
    storage.setItem(
      MAPPINGS_KEY,
      JSON.stringify({
        __proto__: { kind: "staff", columns: {} },
        a: { kind: "nonsense", columns: {} },
        b: { kind: "board", columns: { ethnicity: 3, voting: "Voting" } },
      }),
    );
    const loaded = loadMappings(storage);
    expect(Object.keys(loaded)).toEqual(["b"]);
    expect(loaded.b).toEqual({ kind: "board", columns: { voting: "Voting" } });
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });
});
