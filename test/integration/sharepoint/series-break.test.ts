// A break in a series recorded on a saved year, through @pnp/sp against the local SharePoint server: it is
// written into that row's detail with the row's ETag and reads back for everyone (and the trend stops
// comparing across it); an edit made with a stale ETag is refused as a conflict, carrying the current row, and
// overwrites nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { IndicatorResultRow } from "../../../src/plan";
import { enteredFigure, parseSavedDetail } from "../../../src/ui/indicators/saved-results";
import { recordedBreak, withRecordedBreak } from "../../../src/ui/indicators/series";
import { trendTable } from "../../../src/ui/indicators/trend";
import { COMMITTEE, EDITOR, setUpPlan } from "./support";
import { useSite } from "../../support/local-site";

const STANDARD = "nhs-england-wres";

function figure(year: string, indicator: string, value: string) {
  const parsed = enteredFigure({ year, indicator, value });
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.row;
}

describe("a break in a series saved on a row of WRES Indicator Results", () => {
  const site = useSite();
  let saved: IndicatorResultRow[] = [];
  beforeAll(async () => {
    await setUpPlan(site);
    saved = await site
      .store(EDITOR)
      .saveIndicatorResults([
        figure("2016/17", "7", "44.1"),
        figure("2017/18", "7", "51.7"),
        figure("2018/19", "7", "47.4"),
      ]);
  }, 120_000);

  it("records the break with the row's ETag; everyone reads it back and the trend stops comparing across it", async () => {
    const editor = site.store(EDITOR);
    const target = saved.find((r) => r.year === "2017/18")!;
    const before = trendTable(await site.store(COMMITTEE).indicatorResults(STANDARD));
    expect(before.rows[0]!.cells[1]).toMatchObject({ trend: "improved", newSeries: null });

    const updated = await editor.updateIndicatorResultDetail(
      target.id,
      target.etag,
      withRecordedBreak(target.detail, { reason: "The calculation changed in 2017", by: "EDI Lead" }),
    );
    expect(updated.etag).not.toBe(target.etag);
    expect(updated).toMatchObject({ id: target.id, year: "2017/18", indicator: 7, value: 51.7, origin: "entered" });

    const read = await site.store(COMMITTEE).indicatorResults(STANDARD);
    const back = read.find((r) => r.id === target.id)!;
    expect(recordedBreak(back.detail)).toEqual({ reason: "The calculation changed in 2017", by: "EDI Lead" });
    // Nothing else in the row changed.
    expect(JSON.parse(withRecordedBreak(back.detail, null))).toEqual(JSON.parse(target.detail));
    const after = trendTable(read);
    expect(after.rows[0]!.cells[1]).toMatchObject({
      trend: "not-comparable",
      previous: null,
      newSeries: { recorded: { reason: "The calculation changed in 2017" } },
    });
    expect(after.rows[0]!.cells[2]).toMatchObject({ trend: "worsened", previous: 51.7 });
  });

  it("refuses an edit made with a stale ETag as a conflict, and keeps the other person's break", async () => {
    const first = (await site.store(EDITOR).indicatorResults(STANDARD)).find((r) => r.year === "2018/19")!;
    // Someone records a break first...
    await site
      .store(EDITOR)
      .updateIndicatorResultDetail(
        first.id,
        first.etag,
        withRecordedBreak(first.detail, { reason: "Theirs", by: null }),
      );
    // ...and an edit from the page opened before it is refused, not written over theirs.
    const stale = site
      .store(EDITOR)
      .updateIndicatorResultDetail(first.id, first.etag, withRecordedBreak(first.detail, { reason: "Mine", by: null }));
    await expect(stale).rejects.toMatchObject({ code: "conflict", status: 412 });
    const error = (await stale.then(
      () => null,
      (e: unknown) => e,
    )) as { theirs: IndicatorResultRow | null } | null;
    expect(recordedBreak(error!.theirs!.detail)?.reason).toBe("Theirs");
    const now = (await site.store(COMMITTEE).indicatorResults(STANDARD)).find((r) => r.id === first.id)!;
    expect(recordedBreak(now.detail)?.reason).toBe("Theirs");
  });

  it("refuses a reader: SharePoint, not the tab, keeps a committee member from recording a break", async () => {
    const row = (await site.store(COMMITTEE).indicatorResults(STANDARD)).find((r) => r.year === "2016/17")!;
    await expect(
      site
        .store(COMMITTEE)
        .updateIndicatorResultDetail(row.id, row.etag, withRecordedBreak(row.detail, { reason: "x", by: null })),
    ).rejects.toMatchObject({ code: "forbidden" });
    const again = (await site.store(EDITOR).indicatorResults(STANDARD)).find((r) => r.id === row.id)!;
    expect(recordedBreak(again.detail)).toBeNull();
    expect(parseSavedDetail(again.detail)).toBeNull(); // an entered figure has no result to draw, as before
  });
});
