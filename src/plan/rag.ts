// Objective RAG roll-up: an objective is as healthy as its worst open action.
import type { Action, Objective, Rag } from "./types";

/**
 * The four RAGs in the order every view lists them (and SharePoint's choice columns offer them): Red,
 * Amber, Green, then Blue for complete. The one list of them; the Rag type names the same four.
 */
export const RAGS: readonly Rag[] = ["Red", "Amber", "Green", "Blue"];

/** Severity of an open RAG: higher is worse. Blue (complete) is not open and ranks lowest. */
const SEVERITY: Record<Rag, number> = { Blue: 0, Green: 1, Amber: 2, Red: 3 };

export function ragSeverity(rag: Rag): number {
  return SEVERITY[rag];
}

/** The worst of the given RAGs (Red > Amber > Green > Blue), or null for none. */
export function worstRag(rags: Iterable<Rag>): Rag | null {
  let worst: Rag | null = null;
  for (const rag of rags) {
    if (worst === null || SEVERITY[rag] > SEVERITY[worst]) worst = rag;
  }
  return worst;
}

export type RollUpSource = "override" | "actions" | "none";

export interface RollUp {
  /** The objective's RAG as shown, or null when it has no actions yet ("not started"). */
  rag: Rag | null;
  /** What decided it. */
  source: RollUpSource;
  /** The RAG the actions alone give (shown next to an override). */
  computed: Rag | null;
  /** The override's reason when source is "override". */
  reason: string | null;
}

function hasText(value: string | null | undefined): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

/**
 * Rolls an objective's RAG up from its actions: Blue when every action is complete, otherwise
 * the worst open action. An explicit override wins only when it carries a reason, so an
 * unexplained override cannot hide a Red. Actions of other objectives are ignored, so the
 * whole plan's actions may be passed.
 */
export function rollUp(
  objective: Pick<Objective, "id" | "ragOverride" | "ragOverrideReason">,
  actions: readonly Pick<Action, "objectiveId" | "rag">[],
): RollUp {
  const own = actions.filter((a) => a.objectiveId === objective.id);
  const open = own.filter((a) => a.rag !== "Blue").map((a) => a.rag);
  const computed: Rag | null = own.length === 0 ? null : open.length === 0 ? "Blue" : worstRag(open);
  if (objective.ragOverride && hasText(objective.ragOverrideReason)) {
    return { rag: objective.ragOverride, source: "override", computed, reason: objective.ragOverrideReason.trim() };
  }
  return { rag: computed, source: computed === null ? "none" : "actions", computed, reason: null };
}

/** The objective's RAG as shown (see rollUp), or null when it has no actions. */
export function rollUpRag(
  objective: Pick<Objective, "id" | "ragOverride" | "ragOverrideReason">,
  actions: readonly Pick<Action, "objectiveId" | "rag">[],
): Rag | null {
  return rollUp(objective, actions).rag;
}
