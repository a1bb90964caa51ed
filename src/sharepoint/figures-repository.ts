// Targets and comparison figures (WRES Targets and Comparisons, schema 7): read by everyone who reads the
// plan, added, changed with their ETag and deleted by plan editors (SharePoint refuses anyone else: Read
// on the list, security-model.ts). Not in a plan year: a figure stays until someone changes it.
import type { IndicatorFigure, IndicatorFigureDraft, PlanStore } from "../plan";
import { FIGURE_SELECT, indicatorFigureFields, odataString, toIndicatorFigure, type SpItem } from "./mapping";
import { readAllPages, readFiltered } from "./paging";
import { planList } from "./lists";
import { F } from "./schema";
import { withinLimits } from "./text-limits";
import { ConflictError } from "./errors";
import { call, current, merge, remove, type StoreContext } from "./store-context";

export type FiguresRepository = Pick<
  PlanStore,
  "indicatorFigures" | "addIndicatorFigure" | "updateIndicatorFigure" | "deleteIndicatorFigure"
>;

/** Oldest year first, then indicator, targets before comparisons, then by id. */
function byYear(a: IndicatorFigure, b: IndicatorFigure): number {
  return (
    a.year.localeCompare(b.year) ||
    a.indicator - b.indicator ||
    (a.kind === b.kind ? 0 : a.kind === "target" ? -1 : 1) ||
    a.id - b.id
  );
}

export function createFiguresRepository(ctx: StoreContext): FiguresRepository {
  const list = () => planList(ctx.sp.web, "indicatorFigures");
  const readFigure = (id: number) =>
    call(async () =>
      toIndicatorFigure(
        await list()
          .items.getById(id)
          .select(...FIGURE_SELECT)<SpItem>(),
      ),
    );
  const fields = (patch: Partial<IndicatorFigureDraft>) =>
    withinLimits("indicatorFigures", indicatorFigureFields(patch));

  return {
    async indicatorFigures(standard?: string) {
      const items = await call(() =>
        standard
          ? readFiltered(() => list().items, {
              select: FIGURE_SELECT,
              filter: `${F.standard} eq ${odataString(standard)}`,
              matches: (item) => item[F.standard] === standard,
            })
          : readAllPages(() => list().items, { select: FIGURE_SELECT }),
      );
      return items.map(toIndicatorFigure).sort(byYear);
    },

    async addIndicatorFigure(draft: IndicatorFigureDraft) {
      const added = await call(() => list().items.add(fields(draft)));
      return readFigure(Number((added as SpItem)["Id"]));
    },

    async updateIndicatorFigure(id, etag, patch) {
      // The Title is made from the whole figure, so a change writes it again from the figure as it will be.
      // Removed meanwhile: a conflict with nothing on their side, as a MERGE's 404 is (store-context.ts merge).
      const found = await current(() => readFigure(id));
      if (found === null) throw new ConflictError<IndicatorFigure>(patch, null);
      const { id: _id, etag: _etag, modified: _modified, ...figure } = found;
      await merge<IndicatorFigure>(list(), id, etag, fields({ ...figure, ...patch }), patch, () => readFigure(id));
      return readFigure(id);
    },

    async deleteIndicatorFigure(id, etag) {
      return remove<IndicatorFigure>(list(), id, etag, () => readFigure(id));
    },
  };
}
