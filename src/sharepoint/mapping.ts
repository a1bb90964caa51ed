// SharePoint list items <-> the plain types of src/plan. The only place that knows how each
// field looks in JSON light (multi-values as arrays or {results}, people expanded, dates in UTC).
import {
  type Action,
  type DataFile,
  type IndicatorFigure,
  type IndicatorFigureDraft,
  type IndicatorResultRow,
  type Objective,
  type Person,
  type ProgressUpdate,
  type ActionVersion,
  type VersionFields,
  type ActionPatch,
  type ObjectivePatch,
  AUDIT_FIELDS,
} from "../plan";
import { F, SCHEMA, type ListKey, type ListSpec } from "./schema";
import { UTC_ZONE, type SiteTimeZone } from "./time-zone";
import { many, rag, text, toPerson } from "./fields/codecs";
import { readColumns, writeColumns } from "./fields/column";
import { OBJECTIVE_COLUMNS } from "./fields/objectives";
import { ACTION_COLUMNS } from "./fields/actions";
import { RESULT_COLUMNS } from "./fields/indicator-results";
import { FIGURE_COLUMNS } from "./fields/indicator-figures";
import { UPDATE_COLUMNS, UPDATE_KIND, type UpdateRecord } from "./fields/progress-updates";

export { toPerson, type UpdateRecord };

export type SpItem = Record<string, unknown>;

const PERSON_PROJECTION = ["Id", "Title", "EMail", "Name"] as const;

function personSelect(field: string): string[] {
  return PERSON_PROJECTION.map((p) => `${field}/${p}`);
}

/** The item's version label: at 1.0 an action's leads have not changed since it was created. */
export const VERSION_LABEL = "OData__UIVersionString";

/**
 * The $select of a list's own fields, from the schema (src/sharepoint/schema.ts), so that a column
 * added there is read without a second list here: a person as its projection, a lookup as its id.
 */
function fieldSelect(key: ListKey): string[] {
  return listSpec(key).fields.flatMap((f) =>
    f.type === "person" || f.type === "multiPerson"
      ? personSelect(f.name)
      : f.type === "lookup"
        ? [`${f.name}Id`]
        : [f.name],
  );
}

/** The $expand a list's person fields need. */
function personExpand(key: ListKey): string[] {
  return listSpec(key).fields.flatMap((f) => (f.type === "person" || f.type === "multiPerson" ? [f.name] : []));
}

function listSpec(key: ListKey): ListSpec {
  const spec = SCHEMA.find((l) => l.key === key);
  if (!spec) throw new Error(`no list ${key} in the schema`);
  return spec;
}

// Modified By (Editor): the conflict view names who saved first.
export const OBJECTIVE_SELECT = ["Id", F.title, ...fieldSelect("objectives"), "Modified", ...personSelect("Editor")];
export const OBJECTIVE_EXPAND = [...personExpand("objectives"), "Editor"];

export const ACTION_SELECT = [
  "Id",
  F.title,
  ...fieldSelect("actions"),
  "Modified",
  ...personSelect("Editor"),
  VERSION_LABEL,
];
export const ACTION_EXPAND = [...personExpand("actions"), "Editor"];

export const UPDATE_SELECT = [
  "Id",
  `${F.action}Id`,
  F.planYear,
  // Who wrote a row and when are SharePoint's own Author and Created, which no browser can set
  // (UpdateAuthor and UpdateDate are written by the tab and never trusted).
  ...personSelect("Author"),
  F.rag,
  F.previousRag,
  F.note,
  F.progress,
  F.updateKind,
  "Created",
  // Schema 5: replies, and what an edited comment or an evidence row needs.
  F.title,
  F.replyTo,
  "Modified",
  "Attachments",
];
export const UPDATE_EXPAND = ["Author"];

/** The history's fields on a site set up before schema 5 (no ReplyTo): its plan still loads until someone upgrades. */
export const UPDATE_SELECT_BEFORE_REPLIES = UPDATE_SELECT.filter((field) => field !== F.replyTo);

/** The Title of a comment row that carries evidence files as its attachments. */
export const EVIDENCE_TITLE = "Evidence";

export const RESULT_SELECT = ["Id", ...fieldSelect("indicatorResults"), "Modified"];

export const FIGURE_SELECT = ["Id", ...fieldSelect("indicatorFigures"), "Modified"];

export function etagOf(item: SpItem): string {
  const etag = item["odata.etag"] ?? (item["__metadata"] as { etag?: string } | undefined)?.etag;
  return typeof etag === "string" ? etag : "*";
}

const beforeModified = (c: { afterModified?: true }) => !c.afterModified;
const afterModified = (c: { afterModified?: true }) => c.afterModified === true;

/** Objectives have no date-only field, so their reader needs no site time zone (it reads as UTC). */
export function toObjective(item: SpItem): Objective {
  return {
    id: Number(item["Id"]),
    etag: etagOf(item),
    ...(readColumns(OBJECTIVE_COLUMNS.filter(beforeModified), item, UTC_ZONE) as Omit<
      Objective,
      "id" | "etag" | "modified" | "modifiedBy"
    >),
    modified: String(item["Modified"] ?? ""),
    modifiedBy: toPerson(item["Editor"]),
    ...readColumns(OBJECTIVE_COLUMNS.filter(afterModified), item, UTC_ZONE),
  };
}

/** The columns a version records that read alike from an item and from one of its versions (not the objective and the leads). */
const RECORDED_COLUMNS = ACTION_COLUMNS.filter(
  (c) =>
    c.key !== undefined &&
    c.key !== "objectiveId" &&
    c.key !== "leads" &&
    (AUDIT_FIELDS as readonly string[]).includes(c.key),
);

/**
 * The action's fields a version records, read alike from an item and from one of its versions; only the
 * objective and the leads come in different shapes (`…Id` and expanded people, or lookup values).
 */
function recordedFields(entity: SpItem, objectiveId: number, leads: Person[], zone: SiteTimeZone): VersionFields {
  return {
    ...(readColumns(RECORDED_COLUMNS, entity, zone) as Omit<VersionFields, "objectiveId" | "leads">),
    objectiveId,
    leads,
  };
}

/** `zone`: the site's time zone (RegionalSettings/TimeZone), which date-only values are kept in. */
export function toAction(item: SpItem, zone: SiteTimeZone = UTC_ZONE): Action {
  return {
    id: Number(item["Id"]),
    etag: etagOf(item),
    ...(readColumns(ACTION_COLUMNS.filter(beforeModified), item, zone) as Omit<
      Action,
      "id" | "etag" | "modified" | "modifiedBy"
    >),
    modified: String(item["Modified"] ?? ""),
    modifiedBy: toPerson(item["Editor"]),
    ...readColumns(ACTION_COLUMNS.filter(afterModified), item, zone),
  };
}

/** A person or lookup value in a version: SP.FieldUserValue / SP.FieldLookupValue ({LookupId, LookupValue, Email}). */
function versionPerson(value: unknown): Person | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (v["LookupId"] === undefined) return toPerson(value);
  const id = Number(v["LookupId"]);
  if (!Number.isFinite(id) || id <= 0) return null;
  return { id, title: String(v["LookupValue"] ?? ""), email: text(v["Email"]) };
}

/**
 * One entry of `items(id)/versions`: fields under their names, people and lookups as
 * {LookupId, LookupValue}; a server that sends `…Id` properties instead is read too.
 */
export function toActionVersion(entity: SpItem, zone: SiteTimeZone = UTC_ZONE): ActionVersion {
  const leadValues =
    entity[F.leads] !== undefined
      ? many(entity[F.leads])
      : many(entity[`${F.leads}Id`]).map((id) => ({ LookupId: id }));
  const objective = entity[F.objective];
  const objectiveId =
    objective && typeof objective === "object"
      ? Number((objective as { LookupId?: unknown }).LookupId ?? 0)
      : Number(entity[`${F.objective}Id`] ?? 0);
  return {
    label: String(entity["VersionLabel"] ?? ""),
    saved: String(entity["Modified"] ?? ""),
    editor: versionPerson(entity["Editor"]),
    fields: recordedFields(
      entity,
      objectiveId,
      leadValues.map(versionPerson).filter((p): p is Person => p !== null),
      zone,
    ),
  };
}

export function toProgressUpdate(item: SpItem): ProgressUpdate {
  const kind = UPDATE_KIND.read(item[F.updateKind], UTC_ZONE);
  return {
    id: Number(item["Id"]),
    actionId: Number(item[`${F.action}Id`] ?? 0),
    author: toPerson(item["Author"]),
    date: String(item["Created"] ?? ""),
    rag: rag(item[F.rag]),
    previousRag: rag(item[F.previousRag]),
    note: text(item[F.note]),
    progress: text(item[F.progress]),
    kind,
    ...(typeof item[F.replyTo] === "number" ? { replyTo: item[F.replyTo] as number } : {}),
    ...(typeof item["Modified"] === "string" ? { modified: item["Modified"] } : {}),
    ...(kind === "comment" && item[F.title] === EVIDENCE_TITLE ? { evidence: true } : {}),
  };
}

export function toIndicatorResult(item: SpItem): IndicatorResultRow {
  return {
    id: Number(item["Id"]),
    etag: etagOf(item),
    ...(readColumns(RESULT_COLUMNS, item, UTC_ZONE) as Omit<IndicatorResultRow, "id" | "etag" | "modified">),
    modified: String(item["Modified"] ?? ""),
  };
}

export function toDataFile(file: SpItem): DataFile {
  const by = file["ModifiedBy"] as { Title?: string } | undefined;
  return {
    name: String(file["Name"] ?? ""),
    serverRelativeUrl: String(file["ServerRelativeUrl"] ?? ""),
    size: Number(file["Length"] ?? 0),
    modified: String(file["TimeLastModified"] ?? ""),
    modifiedBy: by?.Title ?? null,
  };
}

/** The item fields a change to an objective writes (only the keys present in the patch). */
export function objectiveFields(patch: ObjectivePatch): SpItem {
  return writeColumns<Objective>(OBJECTIVE_COLUMNS, patch, UTC_ZONE);
}

/** The item fields a change to an action writes (only the keys present in the patch). */
export function actionFields(patch: ActionPatch, zone: SiteTimeZone = UTC_ZONE): SpItem {
  return writeColumns<Action>(ACTION_COLUMNS, patch, zone);
}

export function progressUpdateFields(record: UpdateRecord): SpItem {
  return {
    [F.title]: record.kind === "comment" ? "Comment" : record.kind === "import" ? "Import" : `RAG ${record.rag ?? "-"}`,
    ...writeColumns<UpdateRecord>(UPDATE_COLUMNS, record, UTC_ZONE),
  };
}

export function indicatorResultFields(row: Omit<IndicatorResultRow, "id" | "etag" | "modified">): SpItem {
  return {
    [F.title]: `${row.year} ${row.standard} indicator ${row.indicator}`,
    ...writeColumns<IndicatorResultRow>(RESULT_COLUMNS, row, UTC_ZONE),
  };
}

export function toIndicatorFigure(item: SpItem): IndicatorFigure {
  return {
    id: Number(item["Id"]),
    etag: etagOf(item),
    modified: String(item["Modified"] ?? ""),
    ...(readColumns(FIGURE_COLUMNS, item, UTC_ZONE) as IndicatorFigureDraft),
  };
}

/** The item fields a new or changed target or comparison writes (only the keys present), with a Title people can read in SharePoint. */
export function indicatorFigureFields(patch: Partial<IndicatorFigureDraft>): SpItem {
  const title =
    patch.kind && patch.indicator !== undefined && patch.value !== undefined && patch.year
      ? patch.kind === "target"
        ? `Target: indicator ${patch.indicator} ${patch.value} by ${patch.year}`
        : `${patch.name ?? patch.comparator ?? "Comparison"}: indicator ${patch.indicator} ${patch.value} (${patch.year})`
      : null;
  return {
    ...(title ? { [F.title]: title.slice(0, 255) } : {}),
    ...writeColumns<IndicatorFigure>(FIGURE_COLUMNS, patch, UTC_ZONE),
  };
}

/** An OData string literal, with quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
