// Saving an objective with its ETag, as useActionSave saves an action. A stale save opens the conflict
// view (nothing is overwritten until the user chooses); a failure keeps the form, and so the user's
// input, open with a plain message.
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Objective, Person } from "../../plan";
import type { ObjectiveDraft } from "../../sharepoint";
import type { ConflictField } from "./conflict";
import { isConflict } from "./errors";
import { usePlanContext } from "./PlanContext";
import { useSavedToast } from "../components/SavedToast";

// The conflict view is rare: it loads when a conflict happens.
const ConflictView = lazy(() =>
  import("../components/ConflictView").then((m) => ({ default: m.ConflictView<Objective> })),
);

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const person = (v: unknown) => (v && typeof v === "object" && "title" in v ? String((v as Person).title) : "");

/** The objective's fields as the conflict view shows them. */
export function objectiveConflictFields(t: (key: string) => string): ConflictField<Objective>[] {
  return [
    { key: "number", label: "field.number", show: text },
    { key: "title", label: "field.title", show: text },
    { key: "description", label: "field.description", show: text },
    { key: "owner", label: "field.owner", show: person },
    { key: "sponsor", label: "field.sponsor", show: person },
    { key: "indicators", label: "field.indicators", show: (v) => (v as number[]).join(", ") },
    { key: "ragOverride", label: "field.ragOverride", show: (v) => (v ? t(`rag.${String(v)}`) : "") },
    { key: "ragOverrideReason", label: "field.ragOverrideReason", show: text },
  ];
}

interface PendingConflict {
  /** One per conflict: keys the view, so a second conflict starts from its own suggestions. */
  seq: number;
  /** What the form asked to save (the conflict view's "yours"). */
  draft: ObjectiveDraft;
  mine: Objective;
  theirs: Objective;
}

/**
 * Add (base null) or edit an objective. `original` is the objective as the form opened it: the conflict
 * view's common ancestor. After a save, or after taking theirs, the plan is reloaded and onDone runs.
 */
export function useObjectiveSave(
  original: Objective | null,
  onDone: () => void,
): {
  save(draft: ObjectiveDraft): Promise<void>;
  saving: boolean;
  error: unknown;
  conflictView: ReactNode;
} {
  const { t } = useTranslation();
  const { store, reload } = usePlanContext();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const toastSaved = useSavedToast();

  /** Writes `patch` over `base` (an edit) or adds the draft (base null). */
  async function attempt(draft: ObjectiveDraft, base: Objective | null, patch: Partial<ObjectiveDraft>): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      await (base ? store.updateObjective(base.id, base.etag, patch) : store.addObjective(draft));
      toastSaved(t("saved.objective", { number: draft.number }));
      await reload().catch(() => undefined);
      onDone();
    } catch (caught) {
      if (isConflict<unknown>(caught) && base) {
        const theirs = (await store.loadPlan(base.planYear)).objectives.find((x) => x.id === base.id);
        if (theirs)
          setConflict((previous) => ({ seq: (previous?.seq ?? 0) + 1, draft, mine: { ...base, ...draft }, theirs }));
        else setError(caught);
      } else setError(caught);
    } finally {
      setSaving(false);
    }
  }

  function retry(patch: Partial<Objective>) {
    if (conflict) void attempt(conflict.draft, conflict.theirs, patch);
  }

  const conflictView = conflict ? (
    <Suspense fallback={null}>
      <ConflictView
        key={conflict.seq}
        subject="objective"
        fields={objectiveConflictFields(t)}
        mine={conflict.mine}
        theirs={conflict.theirs}
        base={original ?? undefined}
        lastSaved={{ by: conflict.theirs.modifiedBy?.title ?? null, at: conflict.theirs.modified || null }}
        saving={saving}
        onKeepMine={retry}
        onMerge={retry}
        onTakeTheirs={() => {
          setConflict(null);
          void reload().then(onDone, onDone);
        }}
        onCancel={() => setConflict(null)}
      />
    </Suspense>
  ) : null;

  return { save: (draft) => attempt(draft, original, draft), saving, error, conflictView };
}
