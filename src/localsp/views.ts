// A list's default view, enough for a site owner to see the app's columns when they open a list
// in SharePoint: its title, URL and fields (SP.View, SP.ViewFieldCollection). Only the default view
// exists here; other views, queries and row limits are not supported (501 from the router).
//
// SharePoint Online:
// - a new custom list's default view is "All Items" showing the Title as a link to the item
//   (LinkTitle); a document library's is "All Documents" with Type (DocIcon), Name (LinkFilename),
//   Modified and Modified By (Editor);
// - a field added through the REST fields collection is not added to any view;
// - `views/getByTitle('All Items')/ViewFields/addViewField('<name>')` (POST) adds "the field with the
//   specified field internal name or display name" to the view
//   (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-visio/jj246043(v=office.15));
// - `ViewFields` answers SP.ViewFieldCollection: `Items` (the internal names, in order) and
//   `SchemaXml` (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-visio/jj244841(v=office.15)).
import { createHash } from "node:crypto";
import { listIsLibrary } from "./fields";
import { findField } from "./items";
import type { FieldRow, ListRow, ViewRow } from "./store";

export function defaultViewTitle(list: ListRow): string {
  return listIsLibrary(list) ? "All Documents" : "All Items";
}

export function defaultViewUrl(sitePath: string, list: ListRow): string {
  return `${sitePath}/${list.urlName}/${listIsLibrary(list) ? "Forms/" : ""}AllItems.aspx`;
}

/** The fields a new list's default view shows. */
export function initialViewFields(list: ListRow): string[] {
  return listIsLibrary(list) ? ["DocIcon", "LinkFilename", "Modified", "Editor"] : ["LinkTitle"];
}

/** A stable id for a view that has never been changed (derived from the list's id). */
function derivedGuid(listGuid: string): string {
  const hex = createHash("sha256").update(`view:${listGuid}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function defaultViewOf(list: ListRow, stored: ViewRow | undefined): ViewRow {
  return stored ?? { guid: derivedGuid(list.guid), listGuid: list.guid, fields: initialViewFields(list) };
}

/** Computed columns a view may show that are not fields of their own here. */
const VIEW_ONLY_COLUMNS = ["LinkTitle", "LinkTitleNoMenu", "DocIcon", "LinkFilename", "LinkFilenameNoMenu", "Edit"];

/**
 * The internal name of the field a view column names (internal name or display name, as
 * addViewField takes), or undefined when the list has no such field.
 */
export function viewFieldName(fields: FieldRow[], name: string): string | undefined {
  const computed = VIEW_ONLY_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
  if (computed) return computed;
  const field = findField(fields, name) ?? fields.find((f) => f.title === name);
  return field?.internalName;
}

export function viewFieldsSchemaXml(fields: readonly string[]): string {
  return fields.map((f) => `<FieldRef Name="${f}" />`).join("");
}
