// The bank-only workforce as its own population (docs/bank-workforce.md). Rows are generated here (staff in post
// with substantive, bank-only and both kinds of worker; cases; training), read by the workbook reader, and every
// expected figure is counted from the generated rows by plain counting, not by the module.
import { describe, expect, it } from "vitest";
import { strToU8 } from "fflate";
import {
  computeResults,
  renderMarkdown,
  suppressResults,
  type RelativeLikelihoodResult,
  type RepresentationResult,
  type ResultsDocument,
} from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook";
import ExcelJS from "exceljs";
import { resultsWorkbook } from "../../../src/reports/results-xlsx";
import { createRandom } from "../../../src/demo/random";

type Group = "white" | "bme" | "unknown";
type Kind = "substantive" | "bank" | "both";
interface Person {
  id: string;
  group: Group;
  kind: Kind;
  band: string;
  disciplinary: boolean;
  training: number;
}

const CODE: Record<Group, string[]> = { white: ["A", "C"], bme: ["H", "M", "D"], unknown: ["Z"] };
const BANDS = ["2", "3", "4", "5", "6", "7", "8a"];

function generate(seed: number, n: number) {
  const rng = createRandom(seed);
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const kind: Kind = r < 0.75 ? "substantive" : r < 0.9 ? "bank" : "both";
    const g = rng.next();
    const group: Group = g < 0.6 ? "white" : g < 0.92 ? "bme" : "unknown";
    people.push({
      id: String(30_000_000 + i * 7),
      group,
      kind,
      band: rng.pick(BANDS),
      // Bank workers more often, so the bank figures have something to count.
      disciplinary: rng.chance(kind === "bank" ? (group === "bme" ? 0.3 : 0.15) : 0.05),
      training: rng.chance(kind === "bank" ? (group === "white" ? 0.5 : 0.3) : 0.4) ? rng.int(1, 2) : 0,
    });
  }
  const staff = ["Employee Number,Assignment Number,Ethnic Origin,Staff Group,Pay Band,Assignment Category"];
  for (const p of people) {
    const eth = `${rng.pick(CODE[p.group])}`;
    const row = (n: number, category: string) =>
      `${p.id},${p.id}-${n},${eth},Nursing and Midwifery Registered,Band ${p.band},${category}`;
    if (p.kind === "substantive") staff.push(row(1, "Permanent"));
    else if (p.kind === "bank") {
      staff.push(row(1, "Bank"));
      if (rng.chance(0.2)) staff.push(row(2, "Bank Staff"));
    } else if (rng.chance(0.5)) staff.push(row(1, "Bank"), row(2, "Permanent"));
    else staff.push(row(1, "Fixed Term Temp"), row(2, "Bank"));
  }
  const cases = ["Employee Number,Case Type,Date Opened"];
  const training = ["Employee Number,Course Title"];
  for (const p of people) {
    if (p.disciplinary) cases.push(`${p.id},Disciplinary,01/06/2024`);
    if (rng.chance(0.05)) cases.push(`${p.id},Grievance,01/07/2024`);
    for (let k = 0; k < p.training; k++) training.push(`${p.id},Course ${k + 1}`);
  }
  const files = [
    { name: "staff-2024-25.csv", bytes: strToU8(staff.join("\n")) },
    { name: "cases-2024-25.csv", bytes: strToU8(cases.join("\n")) },
    { name: "training-2024-25.csv", bytes: strToU8(training.join("\n")) },
  ];
  return { people, files };
}

/** Plain counting over the generated people: by group, of those that pass `keep`. */
function countBy(people: Person[], keep: (p: Person) => boolean): Record<Group, number> {
  const out = { white: 0, bme: 0, unknown: 0 };
  for (const p of people) if (keep(p)) out[p.group]++;
  return out;
}

const run = (seed: number, n: number) => {
  const { people, files } = generate(seed, n);
  const exact = computeResults(readWorkbooks(files), { period: "2024/25" });
  return { people, exact };
};

describe("the bank workforce as its own population", () => {
  for (const seed of [3, 17, 42]) {
    it(`counts bank-only workers apart from substantive staff, by band, with their cases and training (seed ${seed})`, () => {
      const { people, exact } = run(seed, 900);
      const bankPeople = people.filter((p) => p.kind === "bank");
      const bank = exact.bank!;
      expect(bank.standard).toBe("nhs-england-wres-bank");
      expect(bank.period).toBe("2024/25");
      // Only the measures the data carry for bank workers: no survey, no board, no related measures.
      expect(Object.keys(bank.indicators).sort()).toEqual(["1", "3", "4"]);
      expect(bank.related).toEqual({});

      // Indicator 1: headcount of bank-only workers, and by band.
      const i1 = bank.indicators["1"] as RepresentationResult;
      const bankHead = countBy(bankPeople, () => true);
      expect(i1.overall).toMatchObject({ ...bankHead, total: bankPeople.length });
      for (const band of BANDS) {
        const c = countBy(bankPeople, (p) => p.band === band);
        expect(i1.bands[band as "5"], `band ${band}`).toMatchObject({ ...c, total: c.white + c.bme + c.unknown });
      }
      // Substantive staff: everyone with a substantive assignment, "both" included; no bank-only worker.
      const subHead = countBy(people, (p) => p.kind !== "bank");
      expect((exact.indicators["1"] as RepresentationResult).overall).toMatchObject(subHead);

      // Indicator 3: bank workers entering a disciplinary, over bank headcount (one year of cases).
      const i3 = bank.indicators["3"] as RelativeLikelihoodResult;
      const entering = countBy(bankPeople, (p) => p.disciplinary);
      expect(i3.white).toMatchObject({ count: entering.white, of: bankHead.white });
      expect(i3.bme).toMatchObject({ count: entering.bme, of: bankHead.bme });
      expect(i3.basis).toBe("single-year");
      expect(i3.value).toBeCloseTo(entering.bme / bankHead.bme / (entering.white / bankHead.white), 12);
      // ...and the substantive indicator 3 counts substantive staff's cases only ("both" included).
      const subEntering = countBy(people, (p) => p.kind !== "bank" && p.disciplinary);
      const sub3 = exact.indicators["3"] as RelativeLikelihoodResult;
      expect(sub3.white).toMatchObject({ count: subEntering.white, of: subHead.white });
      expect(sub3.bme).toMatchObject({ count: subEntering.bme, of: subHead.bme });

      // Indicator 4: bank workers accessing training (each person once), over bank headcount.
      const i4 = bank.indicators["4"] as RelativeLikelihoodResult;
      const trained = countBy(bankPeople, (p) => p.training > 0);
      expect(i4.white).toMatchObject({ count: trained.white, of: bankHead.white });
      expect(i4.bme).toMatchObject({ count: trained.bme, of: bankHead.bme });
      expect(i4.value).toBeCloseTo(trained.white / bankHead.white / (trained.bme / bankHead.bme), 12);
      const subTrained = countBy(people, (p) => p.kind !== "bank" && p.training > 0);
      expect((exact.indicators["4"] as RelativeLikelihoodResult).white.count).toBe(subTrained.white);

      // Data quality of the bank figures: their own inputs' records.
      expect(bank.dataQuality.inputs.staff?.records).toBe(bankPeople.length);
      expect(bank.dataQuality.inputs.training?.records).toBe(bankPeople.filter((p) => p.training > 0).length);
      expect(bank.dataQuality.sheets).toEqual([]);
    });
  }

  it("protects the bank figures by the same rules, and hides a sheet's bank-only count where the bank copy hides its records", () => {
    const { exact } = run(5, 120);
    const published = suppressResults(exact, 10);
    const bank = published.bank!;
    expect(bank.audience).toBe("protected");
    expect(bank.suppression?.threshold).toBe(10);
    // Nothing from 1 to 9 is shown in the bank copy's counts.
    const small: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (
        typeof v === "number" &&
        Number.isInteger(v) &&
        v > 0 &&
        v < 10 &&
        /\/(white|bme|unknown|total|count|of|records)$/.test(path)
      )
        small.push(`${path}=${v}`);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) if (k !== "suppressed") walk(x, `${path}/${k}`);
    };
    walk(bank.indicators, "");
    walk(bank.dataQuality.inputs, "");
    expect(small).toEqual([]);
    const exactCases = exact.bank!.dataQuality.inputs.cases!.records!;
    expect(exactCases).toBeGreaterThan(0);
    expect(exactCases).toBeLessThan(10);
    // The cases sheet's "bank-only" rows repeat that hidden count: the sheet's row counts are hidden with it.
    const casesSheet = published.dataQuality.sheets.find((s) => s.kind === "cases")!;
    expect(casesSheet.rowsRead).toBeNull();
    expect(casesSheet.exclusions).toEqual({});
    expect(published.dataQuality.exclusions).not.toHaveProperty("bank-only");
    // The exact document keeps them.
    expect(exact.dataQuality.sheets.find((s) => s.kind === "cases")!.exclusions["bank-only"]).toBe(exactCases);
  });

  it("labels the bank figures as their own section of the report, after the substantive ones", () => {
    const { exact } = run(17, 900);
    const md = renderMarkdown(exact);
    const at = md.indexOf("## Bank workers");
    expect(at).toBeGreaterThan(md.indexOf("## Data quality"));
    const section = md.slice(at);
    expect(section).toContain("### Bank workers, indicator 1");
    expect(section).toContain("### Bank workers, indicator 3");
    expect(section).not.toContain("Indicator 9");
    // The substantive part is the report without the bank figures.
    const { bank, ...withoutBank } = exact;
    void bank;
    expect(md.slice(0, at)).toBe(renderMarkdown(withoutBank as ResultsDocument) + "\n");
  });

  it("gives the bank figures sheets of their own in the results workbook, named and titled as the bank figures", async () => {
    const { people, exact } = run(17, 900);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await resultsWorkbook(exact)) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith("Bank "))).toEqual([
      "Bank 1 Workforce",
      "Bank 3 Disciplinary",
      "Bank 4 Training and CPD",
    ]);
    // After every substantive sheet.
    expect(names.indexOf("Bank 1 Workforce")).toBeGreaterThan(names.indexOf("Data quality"));
    const ws = wb.getWorksheet("Bank 1 Workforce")!;
    expect(String(ws.getCell("A1").value)).toMatch(/^Bank workers, indicator 1/);
    let total: unknown = null;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "All bank workers") total = row.getCell(6).value;
    });
    expect(total).toBe(people.filter((p) => p.kind === "bank").length);
    expect(String(wb.getWorksheet("Bank 3 Disciplinary")!.getCell("A1").value)).toMatch(/^Bank workers, indicator 3/);
  });

  it("a document of an older version, without bank figures, still reads, protects and renders", () => {
    const { exact } = run(3, 300);
    const { bank, ...old } = exact;
    void bank;
    const copy = suppressResults({ ...old, schemaVersion: 2 } as ResultsDocument, 10);
    expect(copy).not.toHaveProperty("bank");
    expect(renderMarkdown(copy)).not.toContain("Bank workers");
  });

  it("has no bank figures when no one is bank-only (a person with both kinds of assignment is substantive)", () => {
    const staff = [
      "Employee Number,Assignment Number,Ethnic Origin,Staff Group,Pay Band,Assignment Category",
      "1,1-1,A,Administrative and Clerical,Band 3,Permanent",
      "1,1-2,A,Administrative and Clerical,Band 3,Bank",
      "2,2-1,H,Administrative and Clerical,Band 4,Bank",
      "2,2-2,H,Administrative and Clerical,Band 4,Fixed Term Temp",
    ].join("\n");
    const ds = readWorkbooks([{ name: "staff.csv", bytes: strToU8(staff) }]);
    expect(ds.bank).toBeUndefined();
    expect(ds.staff.map((s) => s.personId).sort()).toEqual(["1", "2"]);
    expect(computeResults(ds)).not.toHaveProperty("bank");
  });
});
