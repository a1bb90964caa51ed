// The SharePoint data model (docs/architecture.md#data-model) as data: list titles, internal field names, field
// types and indexes. Provisioning creates it; the repositories read and write through these
// names only. Pure data, so the local server's seed can use it too.
import { displayNames, schemaFields } from "./fields/column";
import { OBJECTIVE_COLUMNS } from "./fields/objectives";
import { ACTION_COLUMNS } from "./fields/actions";
import { RESULT_COLUMNS } from "./fields/indicator-results";
import { UPDATE_COLUMNS } from "./fields/progress-updates";
import { CONSULTATION_COLUMNS, CYCLE_SINCE, PLAN_CYCLE_COLUMNS } from "./fields/cycle";
import { FIGURE_COLUMNS, FIGURES_SINCE } from "./fields/indicator-figures";
import { F, INDICATOR_CHOICES, UPDATE_KINDS, type FieldSpec } from "./fields/spec";

export { F, INDICATOR_CHOICES, UPDATE_KINDS, type FieldSpec };

/**
 * Bumped whenever the lists change; stored in each list's description as "[wres-schema:N]" (a list's
 * Description is writable with Manage Lists, where a site's property bag is closed on SharePoint
 * Online sites that do not allow custom script). The site's version is its lowest list's.
 *
 * 1: the lists, fields and indexes.
 * 2: ReadOnly on objectives (a year closed by roll-over).
 * 3: the history kind "Import"; the app's columns in each list's default view.
 * 4: Leads takes SharePoint groups as well as people (SelectionMode PeopleAndGroups), so a group
 *    such as a staff network's co-chairs can lead an action.
 * 5: comments that can be answered: ReplyTo and Mentions on the progress history
 *    (docs/comments-and-evidence.md).
 * 6: the plan year's cycle (docs/plan-cycle.md): WRES Plan Cycle (each state a year entered and the
 *    committee's decisions), WRES Consultation Comments (comments section by section and the
 *    editors' answers) and the WRES Approved Plans library (the frozen approved copy of each year).
 *    A site may go from 4 to 6 in one upgrade.
 * 7: targets and comparison figures for the indicators (docs/targets-and-comparisons.md): the WRES
 *    Targets and Comparisons list, read by everyone and written by plan editors. A new list with
 *    permissions of its own, so the upgrade is a site owner's, as for 6.
 *
 * A field or choice added after version 1 says `since`, so that set-up can also make an older
 * site exactly (tests of the upgrade) and the upgrade knows what each version added.
 */
export const SCHEMA_VERSION = 7;

export { CYCLE_SINCE, FIGURES_SINCE };

export const LIST_TITLES = {
  objectives: "WRES Objectives",
  actions: "WRES Actions",
  progressUpdates: "WRES Progress Updates",
  indicatorResults: "WRES Indicator Results",
  dataFiles: "WRES Data",
  planCycle: "WRES Plan Cycle",
  consultation: "WRES Consultation Comments",
  approvedPlans: "WRES Approved Plans",
  indicatorFigures: "WRES Targets and Comparisons",
} as const;

export type ListKey = keyof typeof LIST_TITLES;

/**
 * Each list's URL, relative to the site: what SharePoint derives from the title when the list is
 * created ("Lists/<title>" for a list, "<title>" for a library). The tab finds its lists by these
 * (src/sharepoint/lists.ts), so a list renamed in List settings keeps working and set-up never makes
 * a second copy. A list's URL does not change when its title does.
 */
export const LIST_URLS: Readonly<Record<ListKey, string>> = {
  objectives: `Lists/${LIST_TITLES.objectives}`,
  actions: `Lists/${LIST_TITLES.actions}`,
  progressUpdates: `Lists/${LIST_TITLES.progressUpdates}`,
  indicatorResults: `Lists/${LIST_TITLES.indicatorResults}`,
  dataFiles: LIST_TITLES.dataFiles,
  planCycle: `Lists/${LIST_TITLES.planCycle}`,
  consultation: `Lists/${LIST_TITLES.consultation}`,
  approvedPlans: LIST_TITLES.approvedPlans,
  indicatorFigures: `Lists/${LIST_TITLES.indicatorFigures}`,
};

/** Schema version 3 put the app's columns in each list's default view. */
export const VIEW_FIELDS_SINCE = 3;

/**
 * A person field's SelectionMode at a schema version (SP.FieldUser: 0 PeopleOnly, 1 PeopleAndGroups):
 * whether a SharePoint group may be a value.
 */
export function takesGroupsAt(field: FieldSpec, version: number): boolean {
  return field.type === "multiPerson" && field.groupsSince !== undefined && field.groupsSince <= version;
}

/** The fields a list has at a schema version. */
export function fieldsAt(spec: ListSpec, version: number): FieldSpec[] {
  return spec.fields.filter((f) => (f.since ?? 1) <= version);
}

/** A choice field's choices at a schema version, in order. */
export function choicesAt(field: FieldSpec, version: number): string[] {
  if (field.type !== "choice" && field.type !== "multiChoice") return [];
  return field.choices.filter((c) => (field.choicesSince?.[c] ?? 1) <= version);
}

/**
 * The longest text a single-line field of a list takes: its MaxLength, at most 255 (Title is 255);
 * undefined for other fields ("List and library column types and options",
 * https://support.microsoft.com/office/list-and-library-column-types-and-options-0d8ddb7b-7dc7-414d-a283-ee9dca891df7).
 */
export function textLimitOf(key: ListKey, field: string): number | undefined {
  if (field === "Title") return 255;
  const spec = SCHEMA.find((l) => l.key === key)?.fields.find((f) => f.name === field);
  return spec?.type === "text" ? Math.min(spec.maxLength ?? 255, 255) : undefined;
}

export interface ListSpec {
  key: ListKey;
  title: string;
  /** 100 = generic list, 101 = document library. */
  template: 100 | 101;
  /** The schema version that brought the list (1 when absent): set-up of an older version leaves it out. */
  since?: number;
  description: string;
  /** In creation order: lookups after the lists they point to exist. */
  fields: readonly FieldSpec[];
}

/**
 * Column titles people see when they open the lists in SharePoint itself, from the field tables
 * (src/sharepoint/fields). Set once when a field is created (the internal name stays); a title renamed
 * on the site later is left alone.
 */
export const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  ...displayNames(OBJECTIVE_COLUMNS),
  ...displayNames(ACTION_COLUMNS),
  ...displayNames(RESULT_COLUMNS),
  ...displayNames(UPDATE_COLUMNS),
  ...displayNames(PLAN_CYCLE_COLUMNS),
  ...displayNames(CONSULTATION_COLUMNS),
  ...displayNames(FIGURE_COLUMNS),
};

export const SCHEMA: readonly ListSpec[] = [
  {
    key: "objectives",
    title: LIST_TITLES.objectives,
    template: 100,
    description: "WRES action plan objectives",
    fields: schemaFields(OBJECTIVE_COLUMNS),
  },
  {
    key: "actions",
    title: LIST_TITLES.actions,
    template: 100,
    description: "WRES action plan actions",
    fields: schemaFields(ACTION_COLUMNS),
  },
  {
    key: "progressUpdates",
    title: LIST_TITLES.progressUpdates,
    template: 100,
    description: "WRES action progress history",
    fields: schemaFields(UPDATE_COLUMNS),
  },
  {
    key: "indicatorResults",
    title: LIST_TITLES.indicatorResults,
    template: 100,
    description: "WRES indicator results (aggregated figures only)",
    fields: schemaFields(RESULT_COLUMNS),
  },
  {
    key: "dataFiles",
    title: LIST_TITLES.dataFiles,
    template: 101,
    description: "WRES workbooks",
    fields: [],
  },
  {
    // Add-only for plan editors (security-model.ts): each entry is a state the year entered, a
    // decision among them; nobody but a site owner can change or delete one.
    key: "planCycle",
    title: LIST_TITLES.planCycle,
    template: 100,
    since: CYCLE_SINCE,
    description: "WRES plan year cycle: states and committee decisions",
    fields: schemaFields(PLAN_CYCLE_COLUMNS),
  },
  {
    // Comments during consultation (each person changes only their own: WriteSecurity 2) and the
    // plan editors' answers (AnswerTo: the comment's id).
    key: "consultation",
    title: LIST_TITLES.consultation,
    template: 100,
    since: CYCLE_SINCE,
    description: "WRES consultation comments and answers",
    fields: schemaFields(CONSULTATION_COLUMNS),
  },
  {
    // The approved copy of each year, one JSON file, add-only for plan editors.
    key: "approvedPlans",
    title: LIST_TITLES.approvedPlans,
    template: 101,
    since: CYCLE_SINCE,
    description: "WRES approved plans (frozen at approval)",
    fields: [],
  },
  {
    // Targets and comparison figures for the indicators' headline measures: plan editors write, everyone
    // reads. Not in a plan year, so they carry from year to year.
    key: "indicatorFigures",
    title: LIST_TITLES.indicatorFigures,
    template: 100,
    since: FIGURES_SINCE,
    description: "WRES indicator targets and comparison figures",
    fields: schemaFields(FIGURE_COLUMNS),
  },
];

/** The lists a site has at a schema version. */
export function listsAt(version: number): ListSpec[] {
  return SCHEMA.filter((l) => (l.since ?? 1) <= version);
}

const VERSION_TAG = /\[wres-schema:(\d+)\]/;

/** The description stored on each list, carrying the schema version. */
export function describeList(spec: ListSpec, version = SCHEMA_VERSION): string {
  return `${spec.description} [wres-schema:${version}]`;
}

/** A description with its version tag set to `version` (what a person wrote around it is kept). */
export function withSchemaVersion(
  description: string | null | undefined,
  spec: ListSpec,
  version = SCHEMA_VERSION,
): string {
  const text = description ?? "";
  return VERSION_TAG.test(text)
    ? text.replace(VERSION_TAG, `[wres-schema:${version}]`)
    : text.trim() === ""
      ? describeList(spec, version)
      : `${text} [wres-schema:${version}]`;
}

/** The schema version recorded in a list description, or 0 when none (created before versioning or by hand). */
export function schemaVersionOf(description: string | null | undefined): number {
  const match = VERSION_TAG.exec(description ?? "");
  return match ? Number(match[1]) : 0;
}
