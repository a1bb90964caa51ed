// The plan shell's state, out of its render (src/ui/App.tsx): which view and item are open, which
// editor or dialog is up, and the plan-wide changes the shell runs (renumbering, deleting).
import { useEffect, useMemo, useState } from "react";
import { renumber, type Action, type Objective, type ObjectiveRenumbering } from "../../plan";
import { isActionsTab, withoutActionsView } from "./actionsAddress";
import { currentSearch, replaceAddress } from "./address";
import type { OpenItem } from "./openItem";
import { usePlanContext, type PlanData } from "./PlanContext";
import { actionsOf, isLead } from "./planView";
import { useBusy } from "./useBusy";

export type ShellTab = "overview" | "mine" | "actions" | "indicators";

/** The view (tab), the objective open in the overview and the action open in its panel. */
export function useShellNavigation(
  initial: { actionId: number | null; objectiveId: number | null },
  data: PlanData | null,
) {
  // A link to a view of all actions (?tab=actions&…) opens that view.
  const [tab, setTab] = useState<ShellTab>(() => (isActionsTab(currentSearch()) ? "actions" : "overview"));
  const [objectiveId, setObjectiveId] = useState<number | null>(initial.objectiveId);
  const [actionId, setActionId] = useState<number | null>(initial.actionId);
  // A mention of an action elsewhere in the tab (an indicator's linked actions) opens its panel; of an objective, the objective.
  const openItem = useMemo<OpenItem>(
    () => ({
      openAction: (id) => setActionId(id),
      openObjective: (id) => {
        setTab("overview");
        setObjectiveId(id);
      },
    }),
    [],
  );
  // An action owner who leads actions lands on My actions (once, on the first load); plan editors
  // and readers start on the overview, and a link to an objective opens that objective.
  const [landed, setLanded] = useState(false);
  useEffect(() => {
    if (landed || !data) return;
    setLanded(true);
    if (
      !data.capabilities.editPlan &&
      initial.objectiveId === null &&
      tab !== "actions" &&
      data.snapshot.actions.some((a) => isLead(a, data.me))
    )
      setTab("mine");
  }, [data, landed, initial.objectiveId, tab]);
  // The Actions view keeps itself in the address; leaving it takes it out, so other links do not carry it.
  useEffect(() => {
    if (tab !== "actions" && isActionsTab(currentSearch())) replaceAddress(withoutActionsView(location.href));
  }, [tab]);
  return {
    tab,
    /** Another view; an open objective closes (each view starts at its top). */
    selectTab: (next: ShellTab) => {
      setTab(next);
      setObjectiveId(null);
    },
    objectiveId,
    openObjective: setObjectiveId,
    closeObjective: () => setObjectiveId(null),
    actionId,
    openAction: setActionId,
    closeAction: () => setActionId(null),
    openItem,
  };
}

type Editing =
  | { kind: "objective"; objective: Objective | null }
  | { kind: "action"; objective: Objective; action: Action | null }
  | null;

/** The editor (objective or action form) and the dialogs the shell opens. */
export function useShellDialogs() {
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Objective | null>(null);
  const [renumbering, setRenumbering] = useState(false);
  return {
    editing,
    editObjective: (objective: Objective | null) => setEditing({ kind: "objective", objective }),
    editAction: (objective: Objective, action: Action | null) => setEditing({ kind: "action", objective, action }),
    closeEditor: () => setEditing(null),
    deleting,
    askDelete: setDeleting,
    closeDelete: () => setDeleting(null),
    renumbering,
    openRenumbering: () => setRenumbering(true),
    closeRenumbering: () => setRenumbering(false),
  };
}

/** The plan-wide changes the shell runs, with one busy flag and error; the plan is read again after each. */
export function usePlanChanges() {
  const context = usePlanContext();
  const { busy, error, run } = useBusy();

  // `after` runs once the task succeeded, before the plan is read again (as the shell did inline).
  async function change(task: () => Promise<unknown>, after?: () => void): Promise<boolean> {
    const done = await run(async () => {
      await task();
      after?.();
    });
    await context.reload().catch(() => undefined);
    return done;
  }

  return {
    busy,
    failure: error,
    /** Renumbers an objective's actions after it (1.1, 1.2, …), one action at a time. */
    renumberActions: (objective: Objective, data: PlanData) => {
      const changes = renumber(actionsOf(data.snapshot, objective.id), objective.number);
      return change(async () => {
        for (const moved of changes)
          await context.store.updateAction(moved.item.id, moved.item.etag, { number: moved.number });
      });
    },
    renumberObjectives: (plan: ObjectiveRenumbering<Objective, Action>) =>
      change(async () => {
        // Each objective's actions first, then the objective: a rerun after a failure part-way
        // finds the moved actions already consistent (see renumberObjectives).
        for (const moved of plan.objectives) {
          for (const action of plan.actions.filter((a) => a.item.objectiveId === moved.item.id)) {
            await context.store.updateAction(action.item.id, action.item.etag, { number: action.number });
          }
          await context.store.updateObjective(moved.item.id, moved.item.etag, { number: moved.number });
        }
      }),
    deleteObjective: (objective: Objective, after: () => void) =>
      change(() => context.store.deleteObjective(objective.id, objective.etag), after),
  };
}
