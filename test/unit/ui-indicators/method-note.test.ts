// Issue 19: a saved relative likelihood's method note is stored as keys and codes, so a Welsh reader
// reads it in Welsh; results saved before that (English text only) are still shown as saved.
import { describe, expect, it } from "vitest";
import {
  computeResults,
  suppressResults,
  type RelativeLikelihoodResult,
  type ResultsDocument,
} from "../../../src/indicators";
import { rowsToSave, savedResults } from "../../../src/ui/indicators/saved-results";
import { createI18n, loadCatalogue } from "../../../src/i18n";
import { methodNoteText } from "../../../src/ui/indicators/method-note";
import { applications, cases, dataset, staffMany, trainingMany } from "../indicators/fixtures";

await loadCatalogue("cy-GB");

const rl = (doc: ResultsDocument, id: string) => doc.indicators[id] as RelativeLikelihoodResult;
const en = createI18n("en-GB").t;
const cy = createI18n("cy-GB").t;

// Computed in each test, not as the file loads: the indicators' code it runs is then credited to the tests.
const resultsOfTrust = (): ResultsDocument =>
  computeResults(
    dataset({
      staff: [...staffMany(600, "white"), ...staffMany(300, "bme")],
      applications: [...applications("white", 200, 60), ...applications("bme", 200, 30)],
      cases: [...cases(12, "white"), ...cases(9, "bme")],
      training: [...trainingMany(300, "white"), ...trainingMany(120, "bme")],
    }),
  );

describe("method notes in the reader's language", () => {
  it("stores each relative likelihood's note as keys with codes, never words", () => {
    const doc = resultsOfTrust();
    for (const id of ["2", "3", "4"]) {
      const parts = rl(doc, id).methodKeys!;
      expect(parts.length).toBeGreaterThan(1);
      expect(parts[0]).toEqual({ key: "method.rl", params: expect.objectContaining({ low: "0.80", high: "1.25" }) });
      for (const part of parts)
        for (const value of Object.values(part.params)) expect(value).toMatch(/^(white|bme|disciplinary|\d+\.\d+)$/);
    }
    expect(rl(doc, "2").methodKeys![0]!.params).toMatchObject({ top: "white", bottom: "bme" });
    expect(rl(doc, "3").methodKeys![0]!.params).toMatchObject({ top: "bme", bottom: "white" });
    expect(rl(doc, "3").methodKeys![1]).toEqual({ key: "method.rl.cases", params: { caseType: "disciplinary" } });
  });

  it("reads in English exactly as the English note the document carries (the CLI's words)", () => {
    const doc = resultsOfTrust();
    for (const id of ["2", "3", "4"]) expect(methodNoteText(rl(doc, id), en)).toBe(rl(doc, id).method);
  });

  it("reads in Welsh for a Welsh reader, with the groups and the case type in Welsh", () => {
    const doc = resultsOfTrust();
    const two = methodNoteText(rl(doc, "2"), cy);
    expect(two).toContain("Tebygolrwydd cymharol = (cyfradd Gwyn) / (cyfradd BME)");
    expect(two).toContain("0.80-1.25");
    expect(two).not.toMatch(/Relative likelihood|appointed from shortlisting/);
    const three = methodNoteText(rl(doc, "3"), cy);
    expect(three).toContain("proses ddisgyblu ffurfiol");
    expect(three).not.toContain("disciplinary");
  });

  it("keeps the keys through the protected copy, the saved rows and their reading back", () => {
    const doc = resultsOfTrust();
    const rows = rowsToSave(suppressResults(doc, 10), "2024/25").map((row, i) => ({
      ...row,
      id: i + 1,
      etag: '"1"',
      modified: "2025-03-14T10:00:00Z",
    }));
    const back = savedResults(rows)!;
    const two = back.doc.indicators["2"] as RelativeLikelihoodResult;
    expect(two.methodKeys).toEqual(rl(doc, "2").methodKeys);
    expect(methodNoteText(two, cy)).toContain("Tebygolrwydd cymharol");
  });

  it("shows an older saved result's English note as it was saved", () => {
    const doc = resultsOfTrust();
    const { methodKeys: _keys, ...older } = rl(doc, "2");
    expect(methodNoteText(older, cy)).toBe(rl(doc, "2").method);
    // A key this version does not know is never half-translated: the saved English stands.
    const unknown = {
      ...rl(doc, "2"),
      methodKeys: [...rl(doc, "2").methodKeys!, { key: "method.future", params: {} }],
    };
    expect(methodNoteText(unknown, cy)).toBe(rl(doc, "2").method);
    const strangeGroup = {
      ...rl(doc, "2"),
      methodKeys: [{ key: "method.rl", params: { top: "<script>", bottom: "bme", low: "0.80", high: "1.25" } }],
    };
    expect(methodNoteText(strangeGroup, cy)).toBe(rl(doc, "2").method);
  });
});
