// Saving an action with its ETag. A stale save opens the conflict view; a failure keeps the form
// (and so the user's input) open with a plain message.
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Action } from "../../plan";
import { type ActionPatch, type ProgressChange, NotFoundError } from "../../sharepoint";
import { formatDate } from "../../i18n";
import { actionConflictFields } from "./actionFields";
import { isConflict } from "./errors";
import { usePlanContext } from "./PlanContext";
import { useSavedToast } from "../components/SavedToast";

// The conflict view is rare: it loads when a conflict happens.
const ConflictView = lazy(() =>
  import("../components/ConflictView").then((m) => ({ default: m.ConflictView<Action> })),
);

export type ActionWrite =
  { kind: "edit"; patch: ActionPatch; note?: string | null } | { kind: "progress"; change: ProgressChange };

/** What a progress update writes: the conflict view offers a choice for these fields only. */
export const PROGRESS_FIELDS = ["rag", "progress"] as const satisfies readonly (keyof Action)[];

interface PendingConflict {
  /** One per conflict: keys the view, so a second conflict starts from its own suggestions. */
  seq: number;
  base: Action;
  mine: Action;
  theirs: Action;
  write: ActionWrite;
}

function looksLikeAction(value: unknown): value is Action {
  return Boolean(value && typeof value === "object" && "etag" in value && "objectiveId" in value);
}

function patchOf(write: ActionWrite): Partial<Action> {
  if (write.kind === "edit") return write.patch;
  const patch: Partial<Action> = {};
  if (write.change.rag !== undefined) patch.rag = write.change.rag;
  if (write.change.progress !== undefined) patch.progress = write.change.progress;
  return patch;
}

export function useActionSave(onSaved: (action: Action | null) => void): {
  save(base: Action, write: ActionWrite): Promise<void>;
  saving: boolean;
  error: unknown;
  clearError(): void;
  conflictView: ReactNode;
} {
  const { t } = useTranslation();
  const { store, reload, locale } = usePlanContext();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const toastSaved = useSavedToast();

  async function write(target: Action, what: ActionWrite): Promise<Action> {
    return what.kind === "edit"
      ? store.updateAction(target.id, target.etag, what.patch, what.note)
      : store.updateProgress(target.id, target.etag, what.change);
  }

  async function attempt(base: Action, target: Action, what: ActionWrite): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      const saved = await write(target, what);
      setConflict(null);
      toastSaved(t("saved.action", { number: saved.number }));
      await reload().catch(() => undefined);
      onSaved(saved);
    } catch (caught) {
      if (isConflict<unknown>(caught)) {
        const theirs = looksLikeAction(caught.theirs)
          ? caught.theirs
          : await store.getAction(target.id).catch(() => null);
        // Deleted by someone else: nothing to merge with; say so and keep the form open.
        if (theirs)
          setConflict((previous) => ({
            seq: (previous?.seq ?? 0) + 1,
            base,
            mine: { ...target, ...patchOf(what) },
            theirs,
            write: what,
          }));
        else setError(new NotFoundError());
      } else {
        setError(caught);
      }
    } finally {
      setSaving(false);
    }
  }

  function resolve(values: Partial<Action>) {
    if (!conflict) return;
    // A progress update sends exactly the fields the view offered (PROGRESS_FIELDS); nothing chosen is dropped.
    const what: ActionWrite =
      conflict.write.kind === "edit"
        ? { kind: "edit", patch: values, note: conflict.write.note }
        : {
            kind: "progress",
            change: {
              ...(values.rag !== undefined ? { rag: values.rag } : {}),
              ...("progress" in values ? { progress: values.progress ?? null } : {}),
              note: conflict.write.change.note ?? null,
            },
          };
    void attempt(conflict.base, conflict.theirs, what);
  }

  const conflictView = conflict ? (
    <Suspense fallback={null}>
      <ConflictView
        key={conflict.seq}
        fields={actionConflictFields(t, (iso) => formatDate(iso, locale))}
        mine={conflict.mine}
        theirs={conflict.theirs}
        base={conflict.base}
        lastSaved={{ by: conflict.theirs.modifiedBy?.title ?? null, at: conflict.theirs.modified || null }}
        savable={conflict.write.kind === "progress" ? PROGRESS_FIELDS : undefined}
        saving={saving}
        onKeepMine={resolve}
        onMerge={resolve}
        onTakeTheirs={() => {
          setConflict(null);
          void reload()
            .catch(() => undefined)
            .then(() => onSaved(null));
        }}
        onCancel={() => setConflict(null)}
      />
    </Suspense>
  ) : null;

  return {
    save: (base, what) => attempt(base, base, what),
    saving,
    error,
    clearError: () => setError(null),
    conflictView,
  };
}
