import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { generateTrust } from "../../../src/demo/trust";
import type { InputFile } from "../../../src/workbook/types";

type Row = (string | number | boolean | Date | null)[];

function sheets(file: InputFile): Record<string, Row[]> {
  const wb = XLSX.read(file.bytes, { type: "array", cellDates: true });
  const out: Record<string, Row[]> = {};
  for (const name of wb.SheetNames) {
    out[name] = XLSX.utils.sheet_to_json<Row>(wb.Sheets[name]!, { header: 1, defval: null, blankrows: true });
  }
  return out;
}

function byName(files: InputFile[], prefix: string): InputFile {
  const file = files.find((f) => f.name.startsWith(prefix));
  if (!file) throw new Error(`no ${prefix} workbook`);
  return file;
}

/** Rows below the header as objects keyed by header text. */
function records(rows: Row[], headerRow: number): Record<string, Row[number]>[] {
  const header = rows[headerRow - 1]!.map(String);
  return rows.slice(headerRow).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null])));
}

const trust = generateTrust({ staff: 3000, seed: 42 });

describe("generateTrust", () => {
  it("gives the same bytes for the same seed and different data for another seed", () => {
    const again = generateTrust({ staff: 3000, seed: 42 });
    expect(again.files.map((f) => f.name)).toEqual(trust.files.map((f) => f.name));
    again.files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(trust.files[i]!.bytes))).toBe(true));
    const other = generateTrust({ staff: 3000, seed: 43 });
    expect(Buffer.from(other.files[0]!.bytes).equals(Buffer.from(trust.files[0]!.bytes))).toBe(false);
  });

  it("writes an ESR-style staff extract with title rows above the header and the requested row count", () => {
    const book = sheets(byName(trust.files, "staff-in-post"));
    const rows = book["Staff in Post"]!;
    expect(rows[0]![0]).toBe("Staff in Post - Snapshot 31/03/2025");
    expect(rows[1]![0]).toBe("Produced from ESR BI");
    expect(rows[3]).toContain("Ethnic Origin");
    const staff = records(rows, 4);
    expect(staff).toHaveLength(3000);
    expect(trust.rows.staff).toBe(3000);

    const ethnicities = new Set(staff.map((r) => r["Ethnic Origin"]));
    expect(ethnicities).toContain("A White - British");
    expect([...ethnicities].some((e) => typeof e === "string" && /^[A-Z][A-Z0-9] /.test(e))).toBe(true); // local codes like "CA White English"
    expect(ethnicities).toContain("Z Not Stated");

    const bands = new Set(staff.map((r) => r["Pay Band"]));
    expect(bands).toContain("Band 5");
    expect(bands).toContain("Band 8 - Range A");
    expect(bands).toContain("Consultant");
    expect(bands).toContain("Specialty Registrar");

    expect(staff.some((r) => r["Assignment Category"] === "Bank" && r["Primary Assignment"] === "Yes")).toBe(true);
    const seconds = staff.filter((r) => r["Primary Assignment"] === "No");
    expect(seconds.length).toBeGreaterThan(50);
    const ids = staff.filter((r) => r["Primary Assignment"] === "Yes").map((r) => r["Employee Number"]);
    expect(new Set(ids).size).toBe(ids.length); // one primary assignment per person
    expect(staff[0]!["Assignment Start Date"]).toBeInstanceOf(Date);
  });

  it("has realistic proportions: about a quarter BME, fewer at senior bands, a few unknown", () => {
    const staff = records(sheets(byName(trust.files, "staff-in-post"))["Staff in Post"]!, 4).filter(
      (r) => r["Primary Assignment"] === "Yes" && r["Assignment Category"] !== "Bank",
    );
    const isBme = (e: unknown) => typeof e === "string" && /^[D-HJ-NPRS]/.test(e);
    const isUnknown = (e: unknown) => e === null || e === "Z Not Stated";
    const bmeShare = staff.filter((r) => isBme(r["Ethnic Origin"])).length / staff.length;
    expect(bmeShare).toBeGreaterThan(0.2);
    expect(bmeShare).toBeLessThan(0.4);
    const senior = staff.filter((r) => /Range [B-D]|Band 9|VSM/.test(String(r["Pay Band"])));
    expect(senior.filter((r) => isBme(r["Ethnic Origin"])).length / senior.length).toBeLessThan(bmeShare);
    const unknown = staff.filter((r) => isUnknown(r["Ethnic Origin"])).length / staff.length;
    expect(unknown).toBeGreaterThan(0.005);
    expect(unknown).toBeLessThan(0.08);
  });

  it("writes recruitment where appointed implies shortlisted and BME applicants are appointed less often", () => {
    const apps = records(sheets(byName(trust.files, "recruitment"))["Applications"]!, 3);
    expect(apps).toHaveLength(trust.rows.applications);
    expect(apps.every((a) => a["Appointed"] !== "Y" || a["Shortlisted"] === "Yes")).toBe(true);
    const rate = (white: boolean) => {
      const group = apps.filter(
        (a) => String(a["Ethnic Group"]).startsWith("White") === white && a["Ethnic Group"] !== "Not stated",
      );
      const shortlisted = group.filter((a) => a["Shortlisted"] === "Yes");
      return shortlisted.filter((a) => a["Appointed"] === "Y").length / shortlisted.length;
    };
    expect(rate(true) / rate(false)).toBeGreaterThan(1.1);
  });

  it("writes cases and CPD that carry only employee numbers found in staff in post", () => {
    const staffIds = new Set(
      records(sheets(byName(trust.files, "staff-in-post"))["Staff in Post"]!, 4).map((r) => r["Employee Number"]),
    );
    const cases = records(sheets(byName(trust.files, "employee-relations"))["ER Cases"]!, 3);
    expect(cases.length).toBeGreaterThan(10);
    expect(Object.keys(cases[0]!)).not.toContain("Ethnic Origin");
    expect(cases.every((c) => staffIds.has(c["Employee Number"]))).toBe(true);
    expect(cases.some((c) => c["Case Type"] === "Disciplinary")).toBe(true);
    const cpd = records(sheets(byName(trust.files, "cpd-training"))["Non-mandatory Training"]!, 2);
    expect(cpd.length).toBeGreaterThan(500);
    expect(cpd.every((c) => staffIds.has(c["Employee Number"]))).toBe(true);
  });

  it("writes a board sheet and survey results for indicators 5 to 8", () => {
    const book = sheets(byName(trust.files, "board-and-survey"));
    const board = records(book["Board"]!, 2);
    expect(board.length).toBeGreaterThan(8);
    expect(board.some((b) => b["Voting Member"] === "Yes" && b["Executive Director"] === "Yes")).toBe(true);
    const survey = records(book["Staff Survey"]!, 2);
    expect(survey.map((s) => s["Indicator"])).toEqual([5, 6, 7, 8]);
    for (const s of survey) {
      expect(s["White %"]).toBeGreaterThan(0);
      expect(s["BME %"]).toBeLessThan(100);
    }
  });

  it("rejects a malformed year and a non-positive size", () => {
    expect(() => generateTrust({ staff: 10, year: "2024" })).toThrow(/2024\/25/);
    expect(() => generateTrust({ staff: 0 })).toThrow();
  });
});
