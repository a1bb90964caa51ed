// The bank population's pieces one by one: its standard (representation and likelihoods only, under an id of
// its own), its dataset (the bank records alone) and, in a protected copy, the sheets' bank-only counts hidden
// where the bank copy hides the records they repeat.
import { describe, expect, it } from "vitest";
import { WRES_STANDARD, emptyDataset, type ResultsDocument, type SheetQuality } from "../../../src/indicators";
import {
  bankDataset,
  bankStandard,
  bankStandardId,
  hideBankRepeats,
  isBankStandard,
} from "../../../src/indicators/bank";
import { cases, dataset, staffMany, survey, trainingMany } from "./fixtures";

describe("the bank standard", () => {
  it("is the standard's representation and likelihood measures under a -bank id, without related measures", () => {
    const bank = bankStandard(WRES_STANDARD);
    expect(bank.id).toBe("nhs-england-wres-bank");
    expect(bank.labelKey).toBe(`${WRES_STANDARD.labelKey}-bank`);
    expect(bank.indicators.map((d) => d.id)).toEqual(["1", "2", "3", "4"]);
    expect(bank.related).toEqual({ modelEmployer: null, raceDisparity: false });
    expect(bank.groups).toBe(WRES_STANDARD.groups);
    expect(isBankStandard(bank.id)).toBe(true);
    expect(isBankStandard(WRES_STANDARD.id)).toBe(false);
    expect(isBankStandard("nhs-england-wres-banking")).toBe(false);
    expect(bankStandardId("x")).toBe("x-bank");
  });
});

describe("the bank dataset", () => {
  it("holds the bank records alone, with the substantive dataset's period and snapshot", () => {
    const bank = {
      staff: staffMany(3, "bme"),
      cases: cases(2, "bme"),
      training: trainingMany(1, "white"),
      applications: [],
    };
    const ds = dataset({
      staff: staffMany(10, "white"),
      survey: [survey(5, 20, 25)],
      period: "2024/25",
      snapshotDate: "2025-03-31",
      bank,
    });
    const out = bankDataset(ds)!;
    expect(out).toEqual({
      ...emptyDataset(),
      staff: bank.staff,
      cases: bank.cases,
      training: bank.training,
      applications: [],
      period: "2024/25",
      snapshotDate: "2025-03-31",
    });
    expect(out.survey).toEqual([]);
  });

  it("is absent without bank records, or without bank staff to count over", () => {
    expect(bankDataset(dataset({ staff: staffMany(2, "white") }))).toBeNull();
    const noStaff = { staff: [], cases: cases(2, "bme"), training: [], applications: [] };
    expect(bankDataset(dataset({ bank: noStaff }))).toBeNull();
  });
});

describe("hideBankRepeats", () => {
  const sheet = (kind: SheetQuality["kind"], bankOnly: number | null): SheetQuality => ({
    file: `${kind}.csv`,
    sheet: null,
    kind,
    rowsRead: 100,
    rowsUsed: 90,
    rowsExcluded: 10,
    exclusions: bankOnly === null ? { "no-ethnicity": 10 } : { "bank-only": bankOnly },
    unknownEthnicityPct: 2,
  });
  const doc = (sheets: SheetQuality[], hiddenInputs: string[]) =>
    ({
      dataQuality: { sheets, rowsExcluded: 17, exclusions: { "bank-only": 7, "no-ethnicity": 10 } },
      bank: {
        dataQuality: {
          inputs: Object.fromEntries(
            ["staff", "cases", "training"].map((i) => [
              i,
              hiddenInputs.includes(i) ? { records: null, suppressed: { records: "hidden" } } : { records: 40 },
            ]),
          ),
        },
      },
    }) as unknown as ResultsDocument<string, string>;
  const hiddenSheet = {
    rowsRead: null,
    rowsUsed: null,
    rowsExcluded: null,
    exclusions: {},
    unknownEthnicityPct: null,
  };

  it("hides the row counts of a sheet whose bank-only rows repeat hidden bank records, and the total with them", () => {
    const out = doc([sheet("cases", 4), sheet("training", 3), sheet("staff", null)], ["cases", "staff"]);
    hideBankRepeats(out);
    const [casesSheet, trainingSheet, staffSheet] = out.dataQuality.sheets;
    expect(casesSheet).toMatchObject({ kind: "cases", file: "cases.csv", ...hiddenSheet });
    // The bank copy shows its training records, and the staff sheet has no bank-only rows: both kept.
    expect(trainingSheet).toEqual(sheet("training", 3));
    expect(staffSheet).toEqual(sheet("staff", null));
    expect(out.dataQuality.exclusions).toEqual({ "no-ethnicity": 10 });
    // The total leaves out the bank-only rows with their reason: 17 less the 7 would otherwise give, less the
    // training sheet's 3 shown, the cases sheet's 4 hidden ones.
    expect(out.dataQuality.rowsExcluded).toBe(10);
  });

  it("keeps everything when the bank copy hides none of the records the sheets repeat", () => {
    const out = doc([sheet("cases", 4), sheet("staff", 5), sheet(null, 2), sheet("survey", 1)], []);
    hideBankRepeats(out);
    expect(out.dataQuality.sheets).toEqual([sheet("cases", 4), sheet("staff", 5), sheet(null, 2), sheet("survey", 1)]);
    expect(out.dataQuality.exclusions).toEqual({ "bank-only": 7, "no-ethnicity": 10 });
    expect(out.dataQuality.rowsExcluded).toBe(17);
  });

  it("keeps sheets of kinds the bank population does not repeat", () => {
    const out = doc([sheet(null, 2), sheet("survey", 1)], ["staff", "cases", "training"]);
    hideBankRepeats(out);
    expect(out.dataQuality.sheets).toEqual([sheet(null, 2), sheet("survey", 1)]);
    expect(out.dataQuality.exclusions).toHaveProperty("bank-only", 7);
  });

  it("does nothing to a document without bank figures", () => {
    const out = {
      dataQuality: { sheets: [sheet("cases", 4)], exclusions: { "bank-only": 4 } },
    } as unknown as ResultsDocument<string, string>;
    hideBankRepeats(out);
    expect(out.dataQuality.sheets).toEqual([sheet("cases", 4)]);
    expect(out.dataQuality.exclusions).toEqual({ "bank-only": 4 });
  });
});
