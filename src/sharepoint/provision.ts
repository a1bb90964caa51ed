// Provisioning: creates the data model's lists, fields and indexes idempotently and upgrades an
// older schema by adding what is missing (never dropping anything). Safe to run twice: a second
// run on an up-to-date site only reads.
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/fields/index.js";
import {
  DateTimeFieldFormatType,
  FieldUserSelectionMode,
  type IFieldInfo,
  type IFields,
} from "@pnp/sp/fields/index.js";
import type { IList } from "@pnp/sp/lists/index.js";
import { PermissionError, toAppError } from "./errors";
import { planList } from "./lists";
import { hasPermission, PermissionKind, webPermissions } from "./permissions";
import { applySecurityModel, securityModelInPlace, type SecurityReport } from "./security-model";
import "@pnp/sp/views/index.js";
import {
  choicesAt,
  describeList,
  DISPLAY_NAMES,
  fieldsAt,
  listsAt,
  SCHEMA_VERSION,
  schemaVersionOf,
  takesGroupsAt,
  VIEW_FIELDS_SINCE,
  withSchemaVersion,
  type FieldSpec,
  type ListKey,
  type ListSpec,
} from "./schema";

export interface ProvisionReport {
  schemaVersion: number;
  /** The lowest schema version found before this run (0 = none or unversioned). */
  previousVersion: number | null;
  createdLists: string[];
  /** "List title/FieldName" for each field added. */
  addedFields: string[];
  /** "List title/FieldName" for each index added. */
  indexedFields: string[];
  /** "List title/FieldName/Choice" for each choice added to an existing field. */
  addedChoices: string[];
  /** "List title/FieldName" for each person field that now takes SharePoint groups too (SelectionMode). */
  groupFields: string[];
  /** "List title/FieldName" for each column added to a list's default view. */
  viewFields: string[];
  /** Lists whose recorded schema version was raised. */
  upgradedLists: string[];
  /** Groups created and lists that stopped inheriting (the permission model, security-model.ts). */
  security: SecurityReport;
  /** True when nothing had to change. */
  upToDate: boolean;
}

export function emptyReport(version: number): ProvisionReport {
  return {
    schemaVersion: version,
    previousVersion: null,
    createdLists: [],
    addedFields: [],
    indexedFields: [],
    addedChoices: [],
    groupFields: [],
    viewFields: [],
    upgradedLists: [],
    security: { createdGroups: [], securedLists: [] },
    upToDate: true,
  };
}

export function finishReport(report: ProvisionReport): ProvisionReport {
  report.upToDate =
    report.createdLists.length === 0 &&
    report.addedFields.length === 0 &&
    report.indexedFields.length === 0 &&
    report.addedChoices.length === 0 &&
    report.groupFields.length === 0 &&
    report.viewFields.length === 0 &&
    report.upgradedLists.length === 0 &&
    report.security.createdGroups.length === 0 &&
    report.security.securedLists.length === 0;
  return report;
}

interface ExistingField {
  Id: string;
  InternalName: string;
  Indexed?: boolean;
  Choices?: string[] | { results: string[] };
}

async function addField(
  fields: IFields,
  spec: FieldSpec,
  listIds: Map<ListKey, string>,
  version: number,
): Promise<Partial<IFieldInfo>> {
  switch (spec.type) {
    case "text":
      return fields.addText(spec.name, { MaxLength: spec.maxLength ?? 255, Indexed: spec.indexed ?? false });
    case "note":
      return fields.addMultilineText(spec.name, {
        NumberOfLines: 6,
        RichText: false,
        AllowHyperlink: false,
        AppendOnly: false,
        RestrictedMode: false,
      });
    case "number":
      return fields.addNumber(spec.name, { Indexed: spec.indexed ?? false });
    case "boolean":
      return fields.addBoolean(spec.name);
    case "date":
      return fields.addDateTime(spec.name, {
        DisplayFormat: DateTimeFieldFormatType.DateOnly,
        Indexed: spec.indexed ?? false,
      });
    case "choice":
      return fields.addChoice(spec.name, { Choices: choicesAt(spec, version), Indexed: spec.indexed ?? false });
    case "multiChoice":
      return fields.addMultiChoice(spec.name, { Choices: choicesAt(spec, version) });
    case "person":
      return fields.addUser(spec.name, {
        SelectionMode: FieldUserSelectionMode.PeopleOnly,
        Indexed: spec.indexed ?? false,
      });
    case "multiPerson": {
      const mode = takesGroupsAt(spec, version)
        ? FieldUserSelectionMode.PeopleAndGroups
        : FieldUserSelectionMode.PeopleOnly;
      const added = await fields.addUser(spec.name, { SelectionMode: mode });
      if (added.Id) await fields.getById(added.Id).update({ AllowMultipleValues: true }, "SP.FieldUser");
      return added;
    }
    case "lookup": {
      const target = listIds.get(spec.list);
      if (!target) throw new Error(`Lookup ${spec.name} needs list ${spec.list} first`);
      return fields.addLookup(spec.name, { LookupListId: target, LookupFieldName: "Title" });
    }
  }
}

function fieldTypeName(spec: FieldSpec): string | undefined {
  if (spec.type === "lookup") return "SP.FieldLookup";
  if (spec.type === "person" || spec.type === "multiPerson") return "SP.FieldUser";
  if (spec.type === "choice") return "SP.FieldChoice";
  if (spec.type === "multiChoice") return "SP.FieldMultiChoice";
  return undefined;
}

function choicesOf(field: ExistingField): string[] {
  const raw = field.Choices;
  return Array.isArray(raw) ? raw : (raw?.results ?? []);
}

async function ensureList(
  sp: SPFI,
  spec: ListSpec,
  report: ProvisionReport,
  target: number,
): Promise<{ list: IList; id: string; version: number; description: string | null }> {
  // Found by URL: a list a site owner renamed is still this list, and is never created twice.
  const list = planList(sp.web, spec.key);
  try {
    const info = await list.select("Id", "Title", "Description")<{ Id: string; Description: string | null }>();
    return { list, id: info.Id, version: schemaVersionOf(info.Description), description: info.Description };
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw toAppError(error);
  }
  // Created with the current version's description: its fields are added just below. SharePoint
  // derives the URL (LIST_URLS) from the title given here.
  const created = await sp.web.lists.add(spec.title, describeList(spec, target), spec.template, false);
  report.createdLists.push(spec.title);
  return { list, id: created.Id, version: target, description: null };
}

/** Whether the permission model still has to be applied (a list or group is missing, or a list inherits). */
async function securityPending(sp: SPFI, version: number): Promise<boolean> {
  try {
    return !(await securityModelInPlace(sp, version));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return true;
    throw toAppError(error);
  }
}

/**
 * Brings one existing list up to `target`: adds missing fields (with their display titles) and
 * indexes, adds choices a later version brought, puts the app's columns in the default view, and
 * records the version in the description. Never removes or changes anything a person made.
 */
export async function upgradeList(
  list: IList,
  spec: ListSpec,
  listIds: Map<ListKey, string>,
  report: ProvisionReport,
  found: { version: number; description: string | null },
  target: number,
): Promise<void> {
  const wanted = fieldsAt(spec, target);
  if (wanted.length > 0) {
    const existing = await list.fields.select("Id", "InternalName", "Indexed")<ExistingField[]>();
    const byName = new Map(existing.map((f) => [f.InternalName, f]));
    for (const field of wanted) {
      let current = byName.get(field.name);
      const changes: Record<string, unknown> = {};
      if (!current) {
        const added = await addField(list.fields, field, listIds, target);
        report.addedFields.push(`${spec.title}/${field.name}`);
        current = {
          Id: added.Id ?? "",
          InternalName: added.InternalName ?? field.name,
          Indexed: added.Indexed ?? false,
          Choices: choicesAt(field, target),
        };
        const display = DISPLAY_NAMES[field.name];
        if (display && display !== field.name) changes["Title"] = display;
      }
      if ("indexed" in field && field.indexed && !current.Indexed) {
        changes["Indexed"] = true;
        report.indexedFields.push(`${spec.title}/${field.name}`);
      }
      const wantedChoices = choicesAt(field, target);
      // Choices belongs to SP.FieldChoice and SP.FieldMultiChoice, so it is read field by field.
      if (wantedChoices.length > 0 && current.Choices === undefined && current.Id) {
        current.Choices =
          (await list.fields.getById(current.Id).select("Choices")<{ Choices?: string[] | { results: string[] } }>())
            .Choices ?? [];
      }
      // SelectionMode belongs to SP.FieldUser, so it too is read field by field. Changing it from
      // PeopleOnly to PeopleAndGroups keeps every value (people stay valid in either mode).
      if (takesGroupsAt(field, target) && current.Id) {
        const mode = (await list.fields.getById(current.Id).select("SelectionMode")<{ SelectionMode?: number }>())
          .SelectionMode;
        if (mode !== FieldUserSelectionMode.PeopleAndGroups) {
          changes["SelectionMode"] = FieldUserSelectionMode.PeopleAndGroups;
          report.groupFields.push(`${spec.title}/${field.name}`);
        }
      }
      const have = choicesOf(current);
      const missing = wantedChoices.filter((c) => !have.includes(c));
      if (missing.length > 0) {
        // Choices a person added on the site stay, in their place; the app's missing ones follow.
        changes["Choices"] = { results: [...have, ...missing] };
        for (const choice of missing) report.addedChoices.push(`${spec.title}/${field.name}/${choice}`);
      }
      if (Object.keys(changes).length > 0) {
        const targetField = current.Id
          ? list.fields.getById(current.Id)
          : list.fields.getByInternalNameOrTitle(field.name);
        await targetField.update(changes, fieldTypeName(field));
      }
    }
    if (target >= VIEW_FIELDS_SINCE) {
      // Fields added through REST are in no view (docs/sharepoint.md §2.11): add the app's columns
      // to the default view so that people who open the list in SharePoint see them.
      const view = await list.defaultView.fields<{ Items?: string[] | { results: string[] } }>();
      const shown = Array.isArray(view.Items) ? view.Items : (view.Items?.results ?? []);
      for (const field of wanted) {
        if (shown.includes(field.name)) continue;
        await list.defaultView.fields.add(field.name);
        report.viewFields.push(`${spec.title}/${field.name}`);
      }
    }
  }
  if (found.version < target) {
    await list.update({ Description: withSchemaVersion(found.description, spec, target) });
    report.upgradedLists.push(spec.title);
  }
}

export interface ProvisionOptions {
  /** The schema version to set up (default: the app's). Older versions make older sites for tests of the upgrade. */
  version?: number;
}

/**
 * Creates or upgrades the lists of the data model and applies the permission model. Checks the
 * rights first, so a user without them gets a PermissionError before anything is touched:
 * "manageRequired" without Manage Lists; "fullControlRequired" when the permission model is not
 * in place yet and the user (or the token's scopes) lacks Manage Permissions or Create Groups.
 */
export async function provision(sp: SPFI, options: ProvisionOptions = {}): Promise<ProvisionReport> {
  const target = options.version ?? SCHEMA_VERSION;
  const perms = await webPermissions(sp);
  if (!hasPermission(perms, PermissionKind.ManageLists)) {
    throw new PermissionError(
      "manageRequired",
      "Setting up the plan's lists needs the Manage Lists permission on this site.",
    );
  }
  const needsSecurity = await securityPending(sp, target);
  if (
    needsSecurity &&
    !(hasPermission(perms, PermissionKind.ManagePermissions) && hasPermission(perms, PermissionKind.CreateGroups))
  ) {
    throw new PermissionError(
      "fullControlRequired",
      "Setting up the plan's permissions needs Full Control on this site (Manage Permissions and Create Groups) and a sign-in that carries AllSites.FullControl.",
    );
  }
  const report = emptyReport(target);
  const listIds = new Map<ListKey, string>();
  try {
    for (const spec of listsAt(target)) {
      const found = await ensureList(sp, spec, report, target);
      listIds.set(spec.key, found.id);
      if (!report.createdLists.includes(spec.title)) {
        report.previousVersion =
          report.previousVersion === null ? found.version : Math.min(report.previousVersion, found.version);
      }
      await upgradeList(found.list, spec, listIds, report, found, target);
    }
    if (needsSecurity) report.security = await applySecurityModel(sp, target);
  } catch (error) {
    throw toAppError(error);
  }
  return finishReport(report);
}
