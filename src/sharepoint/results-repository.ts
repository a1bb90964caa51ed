// Saved indicator figures (WRES Indicator Results): one row per year, standard and indicator,
// aggregated figures only; saving again overwrites the row (by its ETag) rather than adding one.
import type { PlanStore, IndicatorResultRow } from "../plan";
import { indicatorResultFields, odataString, RESULT_SELECT, toIndicatorResult, type SpItem } from "./mapping";
import { readAllPages, readFiltered } from "./paging";
import { planList } from "./lists";
import { F } from "./schema";
import { call, merge, type StoreContext } from "./store-context";

export type ResultsRepository = Pick<
  PlanStore,
  "indicatorResults" | "saveIndicatorResults" | "updateIndicatorResultDetail"
>;

export function createResultsRepository(ctx: StoreContext): ResultsRepository {
  async function indicatorResults(standard?: string): Promise<IndicatorResultRow[]> {
    const items = standard
      ? await readFiltered(() => ctx.results().items, {
          select: RESULT_SELECT,
          filter: `${F.standard} eq ${odataString(standard)}`,
          matches: (item) => item[F.standard] === standard,
        })
      : await readAllPages(() => ctx.results().items, { select: RESULT_SELECT });
    return items.map(toIndicatorResult).sort((a, b) => a.year.localeCompare(b.year) || a.indicator - b.indicator);
  }

  const readResult = (id: number) =>
    call(async () =>
      toIndicatorResult(
        await ctx
          .results()
          .items.getById(id)
          .select(...RESULT_SELECT)<SpItem>(),
      ),
    );

  return {
    indicatorResults,

    async updateIndicatorResultDetail(id, etag, detail) {
      // If-Match with the row's ETag: a row changed (or removed) since it was read is a conflict, never overwritten.
      await merge<IndicatorResultRow>(ctx.results(), id, etag, { [F.detail]: detail }, { detail }, () =>
        readResult(id),
      );
      return readResult(id);
    },

    async saveIndicatorResults(rows) {
      if (rows.length === 0) return [];
      // Upsert by (year, standard, indicator): one row each, overwritten by a fresh computation.
      const existing = new Map<string, IndicatorResultRow>();
      for (const standard of new Set(rows.map((r) => r.standard))) {
        for (const row of await indicatorResults(standard))
          existing.set(`${row.year}|${row.standard}|${row.indicator}`, row);
      }
      const [batched, execute] = ctx.sp.batched();
      const target = planList(batched.web, "indicatorResults");
      const parts = rows.map((row) => {
        const found = existing.get(`${row.year}|${row.standard}|${row.indicator}`);
        return found
          ? target.items.getById(found.id).update(indicatorResultFields(row), found.etag)
          : target.items.add(indicatorResultFields(row));
      });
      await ctx.runBatch(execute, parts);
      const keys = new Set(rows.map((r) => `${r.year}|${r.standard}|${r.indicator}`));
      const saved: IndicatorResultRow[] = [];
      for (const standard of new Set(rows.map((r) => r.standard))) {
        saved.push(
          ...(await indicatorResults(standard)).filter((r) => keys.has(`${r.year}|${r.standard}|${r.indicator}`)),
        );
      }
      return saved;
    },
  };
}
