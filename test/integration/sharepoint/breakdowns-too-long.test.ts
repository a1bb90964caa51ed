// A run whose breakdowns would make an indicator's detail longer than the Detail note column takes (63,999
// characters, docs/sharepoint.md) is still saved through @pnp/sp to the local SharePoint server: the breakdowns
// that fit, whole, and the names of those left out, which the tab reads back to say so on screen.
import { beforeAll, describe, expect, it } from "vitest";
import { computeResults, suppressResults, type BreakdownTable } from "../../../src/indicators";
import { MAX_NOTE_LENGTH } from "../../../src/plan";
import { readWorkbooks } from "../../../src/workbook";
import { generateTrust } from "../../../src/demo/trust";
import { rowsToSave, savedResults } from "../../../src/ui/indicators/saved-results";
import { COMMITTEE, EDITOR, seedSmallPlan } from "./support";
import { useSite } from "../../support/local-site";

describe("breakdowns too long for one list item", () => {
  const site = useSite();
  beforeAll(async () => {
    await seedSmallPlan(site);
  });

  it("saves what fits, names what was left out, and reads both back", async () => {
    const trust = generateTrust({ staff: 1500, seed: 23, year: "2024/25", compression: 1 });
    const published = suppressResults(
      computeResults(readWorkbooks(trust.files), { period: "2024/25", breakdowns: true }),
      10,
    );
    // A trust with 900 directorates (its cost centres mapped as directorates, say): far over the limit.
    const i1 = published.indicators["1"] as { breakdowns: BreakdownTable[] };
    const directorate = i1.breakdowns.find((t) => t.dimension === "directorate")!;
    const cell = directorate.cells[directorate.rows[0]!]!;
    directorate.rows = Array.from({ length: 900 }, (_, i) => `Cost centre ${1000 + i} mapped as a directorate`);
    directorate.cells = Object.fromEntries(directorate.rows.map((r) => [r, cell]));
    expect(JSON.stringify(published.indicators["1"]).length).toBeGreaterThan(MAX_NOTE_LENGTH);

    await site.store(EDITOR).saveIndicatorResults(rowsToSave(published, "2024/25", "Edi Lead"));
    const rows = await site.store(COMMITTEE).indicatorResults("nhs-england-wres");
    const detail = rows.find((r) => r.year === "2024/25" && r.indicator === 1)!.detail;
    expect(detail.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
    const back = savedResults(rows)!;
    expect(back.leftOut).toEqual({ 1: ["directorate"] });
    expect(back.unreadable).toEqual([]);
    const kept = (back.doc.indicators["1"] as { breakdowns: BreakdownTable[] }).breakdowns;
    expect(kept.map((t) => t.dimension)).not.toContain("directorate");
    // The rest came back as saved, figure for figure.
    for (const t of kept)
      expect(JSON.parse(JSON.stringify(t))).toEqual(
        JSON.parse(JSON.stringify(i1.breakdowns.find((x) => x.dimension === t.dimension))),
      );
    // Indicators 2-4 kept all their breakdowns.
    for (const id of ["2", "3", "4"])
      expect((back.doc.indicators[id] as { breakdowns?: unknown[] }).breakdowns).toEqual(
        (published.indicators[id] as { breakdowns?: unknown[] }).breakdowns,
      );
  }, 120_000);
});
