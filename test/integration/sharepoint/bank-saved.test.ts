// The bank workers' figures saved through @pnp/sp to the local SharePoint server as their own standard
// ("nhs-england-wres-bank") in WRES Indicator Results, and read back as the tab reads them: beside the
// substantive figures of the same year, never in the substantive rows or their trend.
import { beforeAll, describe, expect, it } from "vitest";
import { computeResults, suppressResults, type RepresentationResult } from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook";
import { generateTrust } from "../../../src/demo/trust";
import { rowsToSave, savedResults, withSavedBank } from "../../../src/ui/indicators/saved-results";
import { trendTable } from "../../../src/ui/indicators/trend";
import { BANK_STANDARD_ID, STANDARD_ID } from "../../../src/ui/indicators/headline";
import { COMMITTEE, EDITOR, seedSmallPlan } from "./support";
import { useSite } from "../../support/local-site";

describe("bank workers' figures saved to SharePoint as their own standard", () => {
  const site = useSite();
  beforeAll(async () => {
    await seedSmallPlan(site);
  });

  it("saves the bank rows under nhs-england-wres-bank, reads them back unchanged beside the substantive ones, and keeps them out of the substantive trend", async () => {
    const trust = generateTrust({ staff: 6000, seed: 29, year: "2024/25", compression: 1 });
    const published = suppressResults(computeResults(readWorkbooks(trust.files), { period: "2024/25" }), 10);
    const rows = rowsToSave(published, "2024/25", "Editor");
    expect(rows.filter((r) => r.standard === BANK_STANDARD_ID).map((r) => r.indicator)).toEqual([1, 3, 4]);
    await site.store(EDITOR).saveIndicatorResults(rows);

    const store = site.store(COMMITTEE);
    const main = await store.indicatorResults(STANDARD_ID);
    const bank = await store.indicatorResults(BANK_STANDARD_ID);
    expect(main.every((r) => r.standard === STANDARD_ID)).toBe(true);
    expect(main.map((r) => r.indicator)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(bank.map((r) => [r.standard, r.year, r.indicator, r.origin])).toEqual([
      [BANK_STANDARD_ID, "2024/25", 1, "computed"],
      [BANK_STANDARD_ID, "2024/25", 3, "computed"],
      [BANK_STANDARD_ID, "2024/25", 4, "computed"],
    ]);
    // Read back as the tab does: the bank copy comes back as it was saved, attached to the same year's results.
    const back = withSavedBank(savedResults(main), savedResults(bank, BANK_STANDARD_ID))!;
    expect(JSON.parse(JSON.stringify(back.doc.bank!.indicators))).toEqual(
      JSON.parse(JSON.stringify(published.bank!.indicators)),
    );
    expect(back.doc.bank!.standard).toBe(BANK_STANDARD_ID);
    const bankOverall = (back.doc.bank!.indicators["1"] as RepresentationResult).overall;
    const mainOverall = (back.doc.indicators["1"] as RepresentationResult).overall;
    expect(bankOverall.total).toBe((published.bank!.indicators["1"] as RepresentationResult).overall.total);
    expect(mainOverall.total).not.toBe(bankOverall.total);
    // The headline saved for bank indicator 1 is the bank workers' BME %, not the workforce's.
    expect(bank[0]!.value).toBe(bankOverall.bmePct);
    expect(main[0]!.value).toBe(mainOverall.bmePct);

    // Saving again overwrites the bank rows (one per year and indicator), and the trends stay apart.
    await site.store(EDITOR).saveIndicatorResults(rowsToSave(published, "2024/25", "Editor"));
    expect(await store.indicatorResults(BANK_STANDARD_ID)).toHaveLength(3);
    const all = await store.indicatorResults();
    expect(trendTable(all).rows.find((r) => r.indicator === 1)!.cells[0]!.value).toBe(mainOverall.bmePct);
    expect(trendTable(all, BANK_STANDARD_ID).rows.map((r) => r.indicator)).toEqual([1, 3, 4]);
    expect(trendTable(all, BANK_STANDARD_ID).rows[0]!.cells[0]!.value).toBe(bankOverall.bmePct);
  }, 120_000);

  it("results saved before bank figures existed read as they were: no bank figures", async () => {
    const trust = generateTrust({ staff: 800, seed: 31, year: "2023/24", compression: 1 });
    const { bank, ...old } = suppressResults(computeResults(readWorkbooks(trust.files), { period: "2023/24" }), 10);
    void bank;
    await site.store(EDITOR).saveIndicatorResults(rowsToSave(old, "2023/24"));
    const rows = (await site.store(COMMITTEE).indicatorResults(STANDARD_ID)).filter((r) => r.year === "2023/24");
    const bankRows = (await site.store(COMMITTEE).indicatorResults(BANK_STANDARD_ID)).filter(
      (r) => r.year === "2023/24",
    );
    expect(bankRows).toEqual([]);
    const again = withSavedBank(savedResults(rows), savedResults(bankRows, BANK_STANDARD_ID))!;
    expect(again.doc.period).toBe("2023/24");
    expect(again.doc).not.toHaveProperty("bank");
    expect(again.unreadable).toEqual([]);
  }, 120_000);
});
