// Column mappings a user made for sheets the reader did not recognise, remembered in this browser by
// the header row's signature so next year's file of the same shape is read without asking. Only header
// names are stored, never cell values.
import type { SheetKind } from "../../indicators";
import { type ColumnMapping, normaliseHeader, KIND_BY_NAME, KINDS, matchColumns } from "../../workbook";

export const MAPPINGS_KEY = "wres.indicators.columnMappings";
export const MAPPABLE_KINDS: SheetKind[] = KINDS.map((k) => k.kind);

type StorageLike = Pick<Storage, "getItem" | "setItem">;

export function loadMappings(storage: StorageLike | null): Record<string, ColumnMapping> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(MAPPINGS_KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const out: Record<string, ColumnMapping> = Object.create(null) as Record<string, ColumnMapping>;
    for (const [signature, value] of Object.entries(parsed as Record<string, unknown>)) {
      const m = value as Partial<ColumnMapping> | null;
      if (
        !m ||
        typeof m.kind !== "string" ||
        !KIND_BY_NAME.has(m.kind) ||
        typeof m.columns !== "object" ||
        m.columns === null
      )
        continue;
      const columns: Record<string, string> = {};
      for (const [field, header] of Object.entries(m.columns)) if (typeof header === "string") columns[field] = header;
      out[signature] = { kind: m.kind, columns };
    }
    return out;
  } catch {
    return {};
  }
}

export function rememberMapping(
  storage: StorageLike | null,
  signature: string,
  mapping: ColumnMapping,
): Record<string, ColumnMapping> {
  const all = { ...loadMappings(storage), [signature]: mapping };
  try {
    storage?.setItem(MAPPINGS_KEY, JSON.stringify(all));
  } catch {
    // Storage full or blocked: the mapping still applies to this run.
  }
  return all;
}

/** The fields of a kind, required ones first. */
export function fieldsOf(kind: SheetKind): { field: string; required: boolean }[] {
  const spec = KIND_BY_NAME.get(kind);
  if (!spec) return [];
  const required = new Set(spec.required.flat());
  const fields = Object.keys(spec.fields).map((field) => ({ field, required: required.has(field) }));
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}

/** What the reader would pick on its own for this kind: field -> header text. */
export function suggestMapping(kind: SheetKind, headers: string[]): Record<string, string> {
  const spec = KIND_BY_NAME.get(kind);
  if (!spec) return {};
  const match = matchColumns(
    spec,
    headers.map((h) => normaliseHeader(h)),
  );
  const out: Record<string, string> = {};
  for (const [field, c] of match.columns) if (headers[c]) out[field] = headers[c]!;
  return out;
}

/** Groups of required fields none of which is mapped yet (each group: "one of these"). */
export function missingRequired(kind: SheetKind, columns: Record<string, string>): string[][] {
  const spec = KIND_BY_NAME.get(kind);
  if (!spec) return [];
  return spec.required.filter((anyOf) => !anyOf.some((f) => Boolean(columns[f])));
}

/** The kind whose fields the headers match best (even without every required column), for the dialog's first guess. */
export function likelyKind(headers: string[]): SheetKind {
  const normalised = headers.map((h) => normaliseHeader(h));
  let best: { kind: SheetKind; size: number } = { kind: "staff", size: -1 };
  for (const spec of KINDS) {
    const size = matchColumns(spec, normalised).columns.size;
    if (size > best.size) best = { kind: spec.kind, size };
  }
  return best.kind;
}
