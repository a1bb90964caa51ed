// The indicator module's notes in the reader's language: why a figure is not given and the cautions
// beside it (codes -> the catalogue's indicatorNotes), and a relative likelihood's method note. Method
// notes saved as keys (`methodKeys`) are translated; older saved results hold only the English sentence
// (`method`), which is shown as it was saved rather than guessed at.
import type { TFunction } from "i18next";
import type { MethodNotePart, Note, RelativeLikelihoodResult } from "../../indicators";

/** The indicator module's message keys -> this app's i18n keys. */
const MESSAGE_KEYS: Readonly<Record<string, string>> = {
  "method.rl": "methodNote.ratio",
  "method.rl.applications": "methodNote.applications",
  "method.rl.cases": "methodNote.cases",
  "method.rl.training": "methodNote.training",
  "method.basis.single-year": "methodNote.singleYear",
  "method.basis.two-year-pooled": "methodNote.twoYearPooled",
};

const GROUPS = new Set(["white", "bme", "unknown"]);
const CASE_TYPES = new Set(["disciplinary", "capability", "grievance", "other"]);

function sentence(part: MethodNotePart, t: TFunction): string | null {
  const key = MESSAGE_KEYS[part.key];
  if (!key) return null;
  const params: Record<string, string> = { ...part.params };
  for (const side of ["top", "bottom"] as const) {
    const code = part.params[side];
    if (code === undefined) continue;
    if (!GROUPS.has(code)) return null;
    params[side] = t(`indicators.group.${code}`);
  }
  if (part.params.caseType !== undefined) {
    if (!CASE_TYPES.has(part.params.caseType)) return null;
    params.caseType = t(`methodNote.caseType.${part.params.caseType}`);
  }
  return t(key, params);
}

/** The note to show: from its keys when every one is known, otherwise the English text it was saved with. */
export function methodNoteText(result: Pick<RelativeLikelihoodResult, "method" | "methodKeys">, t: TFunction): string {
  const parts = Array.isArray(result.methodKeys) ? result.methodKeys : [];
  if (parts.length === 0) return result.method;
  const sentences = parts.map((part) =>
    part && typeof part.key === "string" && part.params && typeof part.params === "object" ? sentence(part, t) : null,
  );
  return sentences.every((s): s is string => s !== null) ? sentences.join(" ") : result.method;
}

/** A reason or caution in the reader's language, its group named too; `framed`: in its sentence ("Not calculable: …"). */
export function noteText(
  t: (key: string, options?: Record<string, unknown>) => string,
  note: Note,
  framed = false,
): string {
  const text = t(
    note.key,
    note.params.group === undefined ? {} : { group: t(`indicators.group.${note.params.group}`) },
  );
  return framed && note.frame ? t(note.frame, { reason: text }) : text;
}
