// The grown results document (schema 3, with breakdowns) saved through @pnp/sp to the local SharePoint server and
// read back as the tab reads it: every breakdown comes back as saved, with its hidden cells still hidden.
import { beforeAll, describe, expect, it } from "vitest";
import { computeResults, suppressResults } from "../../../src/indicators";
import { readWorkbooks } from "../../../src/workbook";
import { generateTrust } from "../../../src/demo/trust";
import { rowsToSave, savedResults } from "../../../src/ui/indicators/saved-results";
import { COMMITTEE, EDITOR, seedSmallPlan } from "./support";
import { useSite } from "../../support/local-site";
import { smallCountsShown, BOARD_MEMBERS } from "../../support/small-counts";

describe("breakdowns saved to SharePoint and read back", () => {
  const site = useSite();
  beforeAll(async () => {
    await seedSmallPlan(site);
  });

  it("saves the protected breakdowns with each indicator and reads them back unchanged, and a schema-2 detail still reads", async () => {
    const trust = generateTrust({ staff: 1500, seed: 23, year: "2024/25", compression: 1 });
    const published = suppressResults(
      computeResults(readWorkbooks(trust.files), { period: "2024/25", breakdowns: true }),
      10,
    );
    const i1 = published.indicators["1"] as { breakdowns?: unknown[] };
    expect(i1.breakdowns!.length).toBeGreaterThanOrEqual(5);
    await site.store(EDITOR).saveIndicatorResults(rowsToSave(published, "2024/25"));
    const back = savedResults(await site.store(COMMITTEE).indicatorResults("nhs-england-wres"))!;
    for (const id of ["1", "2", "3", "4"]) {
      expect(JSON.parse(JSON.stringify((back.doc.indicators[id] as { breakdowns?: unknown }).breakdowns))).toEqual(
        JSON.parse(JSON.stringify((published.indicators[id] as { breakdowns?: unknown }).breakdowns)),
      );
    }
    // Hidden cells stay hidden on the way back, marked.
    expect(smallCountsShown(back.doc.indicators, 10, [BOARD_MEMBERS])).toEqual([]);
    expect(JSON.stringify((back.doc.indicators["3"] as { breakdowns?: unknown }).breakdowns)).toContain('"hidden"');
    // A detail saved before breakdowns (schema 2) reads as it was: no breakdowns, nothing lost.
    const old = rowsToSave(
      suppressResults(computeResults(readWorkbooks(trust.files), { period: "2023/24", breakdowns: false }), 10),
      "2023/24",
    );
    await site.store(EDITOR).saveIndicatorResults(old);
    const rows = (await site.store(COMMITTEE).indicatorResults("nhs-england-wres")).filter((r) => r.year === "2023/24");
    const again = savedResults(rows)!;
    expect(again.doc.period).toBe("2023/24");
    expect(again.doc.indicators["1"]).not.toHaveProperty("breakdowns");
    expect(again.unreadable).toEqual([]);
  }, 120_000);
});
