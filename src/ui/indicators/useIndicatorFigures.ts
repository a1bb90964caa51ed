// The targets and comparison figures the Indicators screen shows and plan editors change: read once (and
// again after each change), saved with their ETag. A change made after someone else's is never saved
// over theirs: the conflict is said and the figures are read again. A site set up before schema 7 has no
// list for them yet (the tab's upgrade banner offers it), so the screen leaves them out.
import { useCallback, useEffect, useState } from "react";
import type { IndicatorFigure, IndicatorFigureDraft } from "../../plan";
import type { PlanStore } from "../../sharepoint";
import { errorKind, isConflict } from "../state/errors";
import { STANDARD_ID } from "./headline";

/** "conflict": someone changed or removed the figure first (the figures are read again); "failed": see `failure`. */
export type ChangeOutcome = "saved" | "conflict" | "failed";

export interface FiguresState {
  figures: IndicatorFigure[];
  /** True once the first read has ended (until then the list is unknown, not empty). */
  loaded: boolean;
  /** False on a site whose lists are older than schema 7. */
  available: boolean;
  failure: unknown;
  /** The last change was refused because someone changed or removed the figure first. */
  conflict: boolean;
  /** Saves a new figure, or a change to `existing`. */
  save(existing: IndicatorFigure | null, draft: IndicatorFigureDraft): Promise<ChangeOutcome>;
  remove(figure: IndicatorFigure): Promise<ChangeOutcome>;
  dismiss(): void;
}

export function useIndicatorFigures(store: PlanStore): FiguresState {
  const [figures, setFigures] = useState<IndicatorFigure[]>([]);
  const [available, setAvailable] = useState(true);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    try {
      setFigures(await store.indicatorFigures(STANDARD_ID));
      setAvailable(true);
    } catch (error) {
      if (errorKind(error) === "notProvisioned") setAvailable(false);
      else setFailure(error);
    } finally {
      setLoaded(true);
    }
  }, [store]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function change(work: () => Promise<unknown>): Promise<ChangeOutcome> {
    setFailure(null);
    setConflict(false);
    try {
      await work();
      await reload();
      return "saved";
    } catch (error) {
      if (isConflict(error)) {
        setConflict(true);
        await reload();
        return "conflict";
      }
      setFailure(error);
      return "failed";
    }
  }

  return {
    figures,
    loaded,
    available,
    failure,
    conflict,
    save: (existing, draft) =>
      change(() =>
        existing ? store.updateIndicatorFigure(existing.id, existing.etag, draft) : store.addIndicatorFigure(draft),
      ),
    remove: (figure) => change(() => store.deleteIndicatorFigure(figure.id, figure.etag)),
    dismiss: () => {
      setFailure(null);
      setConflict(false);
    },
  };
}
