// Provisioning: creates the data model's lists, fields and indexes idempotently and upgrades an
// older schema by adding what is missing (never dropping anything). Safe to run twice: a second
// run on an up-to-date site only reads.
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/fields/index.js";
import { DateTimeFieldFormatType, FieldUserSelectionMode, type IFieldInfo, type IFields } from "@pnp/sp/fields/index.js";
import type { IList } from "@pnp/sp/lists/index.js";
import { PermissionError, toAppError } from "./errors";
import { planList } from "./lists";
import { hasPermission, PermissionKind, webPermissions } from "./permissions";
import { applySecurityModel, securityModelInPlace, type SecurityReport } from "./security-model";
import { describeList, DISPLAY_NAMES, SCHEMA, SCHEMA_VERSION, schemaVersionOf, type FieldSpec, type ListKey, type ListSpec } from "./schema";

export interface ProvisionReport {
  schemaVersion: number;
  /** The lowest schema version found before this run (0 = none or unversioned). */
  previousVersion: number | null;
  createdLists: string[];
  /** "List title/FieldName" for each field added. */
  addedFields: string[];
  /** "List title/FieldName" for each index added. */
  indexedFields: string[];
  /** Lists whose recorded schema version was raised. */
  upgradedLists: string[];
  /** Groups created and lists that stopped inheriting (the permission model, security-model.ts). */
  security: SecurityReport;
  /** True when nothing had to change. */
  upToDate: boolean;
}

interface ExistingField {
  Id: string;
  InternalName: string;
  Indexed?: boolean;
}

async function addField(fields: IFields, spec: FieldSpec, listIds: Map<ListKey, string>): Promise<Partial<IFieldInfo>> {
  switch (spec.type) {
    case "text":
      return fields.addText(spec.name, { MaxLength: spec.maxLength ?? 255, Indexed: spec.indexed ?? false });
    case "note":
      return fields.addMultilineText(spec.name, { NumberOfLines: 6, RichText: false, AllowHyperlink: false, AppendOnly: false, RestrictedMode: false });
    case "number":
      return fields.addNumber(spec.name, { Indexed: spec.indexed ?? false });
    case "boolean":
      return fields.addBoolean(spec.name);
    case "date":
      return fields.addDateTime(spec.name, { DisplayFormat: DateTimeFieldFormatType.DateOnly, Indexed: spec.indexed ?? false });
    case "choice":
      return fields.addChoice(spec.name, { Choices: [...spec.choices], Indexed: spec.indexed ?? false });
    case "multiChoice":
      return fields.addMultiChoice(spec.name, { Choices: [...spec.choices] });
    case "person":
      return fields.addUser(spec.name, { SelectionMode: FieldUserSelectionMode.PeopleOnly, Indexed: spec.indexed ?? false });
    case "multiPerson": {
      const added = await fields.addUser(spec.name, { SelectionMode: FieldUserSelectionMode.PeopleOnly });
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
  return undefined;
}

async function ensureList(sp: SPFI, spec: ListSpec, report: ProvisionReport): Promise<{ list: IList; id: string; version: number }> {
  // Found by URL: a list a site owner renamed is still this list, and is never created twice.
  const list = planList(sp.web, spec.key);
  try {
    const info = await list.select("Id", "Title", "Description")<{ Id: string; Description: string | null }>();
    return { list, id: info.Id, version: schemaVersionOf(info.Description) };
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw toAppError(error);
  }
  // Created with the current version's description: its fields are added just below. SharePoint
  // derives the URL (LIST_URLS) from the title given here.
  const created = await sp.web.lists.add(spec.title, describeList(spec), spec.template, false);
  report.createdLists.push(spec.title);
  return { list, id: created.Id, version: SCHEMA_VERSION };
}

/** Whether the permission model still has to be applied (a list or group is missing, or a list inherits). */
async function securityPending(sp: SPFI): Promise<boolean> {
  try {
    return !(await securityModelInPlace(sp));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return true;
    throw toAppError(error);
  }
}

/**
 * Creates or upgrades the lists of the data model and applies the permission model. Checks the
 * rights first, so a user without them gets a PermissionError before anything is touched:
 * "manageRequired" without Manage Lists; "fullControlRequired" when the permission model is not
 * in place yet and the user (or the token's scopes) lacks Manage Permissions or Create Groups.
 */
export async function provision(sp: SPFI): Promise<ProvisionReport> {
  const perms = await webPermissions(sp);
  if (!hasPermission(perms, PermissionKind.ManageLists)) {
    throw new PermissionError("manageRequired", "Setting up the plan's lists needs the Manage Lists permission on this site.");
  }
  const needsSecurity = await securityPending(sp);
  if (needsSecurity && !(hasPermission(perms, PermissionKind.ManagePermissions) && hasPermission(perms, PermissionKind.CreateGroups))) {
    throw new PermissionError(
      "fullControlRequired",
      "Setting up the plan's permissions needs Full Control on this site (Manage Permissions and Create Groups) and a sign-in that carries AllSites.FullControl.",
    );
  }
  const report: ProvisionReport = {
    schemaVersion: SCHEMA_VERSION,
    previousVersion: null,
    createdLists: [],
    addedFields: [],
    indexedFields: [],
    upgradedLists: [],
    security: { createdGroups: [], securedLists: [] },
    upToDate: true,
  };
  const listIds = new Map<ListKey, string>();
  try {
    for (const spec of SCHEMA) {
      const { list, id, version } = await ensureList(sp, spec, report);
      listIds.set(spec.key, id);
      if (!report.createdLists.includes(spec.title)) {
        report.previousVersion = report.previousVersion === null ? version : Math.min(report.previousVersion, version);
      }
      if (spec.fields.length > 0) {
        const existing = await list.fields.select("Id", "InternalName", "Indexed")<ExistingField[]>();
        const byName = new Map(existing.map((f) => [f.InternalName, f]));
        for (const field of spec.fields) {
          let current = byName.get(field.name);
          const changes: Record<string, unknown> = {};
          if (!current) {
            const added = await addField(list.fields, field, listIds);
            report.addedFields.push(`${spec.title}/${field.name}`);
            current = { Id: added.Id ?? "", InternalName: added.InternalName ?? field.name, Indexed: added.Indexed ?? false };
            const display = DISPLAY_NAMES[field.name];
            if (display && display !== field.name) changes["Title"] = display;
          }
          if ("indexed" in field && field.indexed && !current.Indexed) {
            changes["Indexed"] = true;
            report.indexedFields.push(`${spec.title}/${field.name}`);
          }
          if (Object.keys(changes).length > 0) {
            const target = current.Id ? list.fields.getById(current.Id) : list.fields.getByInternalNameOrTitle(field.name);
            await target.update(changes, fieldTypeName(field));
          }
        }
      }
      if (version < SCHEMA_VERSION) {
        await list.update({ Description: describeList(spec) });
        report.upgradedLists.push(spec.title);
      }
    }
    if (needsSecurity) report.security = await applySecurityModel(sp);
  } catch (error) {
    throw toAppError(error);
  }
  report.upToDate =
    report.createdLists.length === 0 &&
    report.addedFields.length === 0 &&
    report.indexedFields.length === 0 &&
    report.upgradedLists.length === 0 &&
    report.security.createdGroups.length === 0 &&
    report.security.securedLists.length === 0;
  return report;
}
