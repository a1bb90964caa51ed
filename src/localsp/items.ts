// List items: the shared model of the item engine (the scope a request reads a list in, entity
// names and paths, ETags, stored values). The engine itself is split by concern: item-projection.ts
// (the item JSON SharePoint returns), item-query.ts (the query engine) and item-write.ts (coercion
// of written values to each field's type).
import { entityPropertyName, isMulti, isReferenceField, listIsLibrary } from "./fields";
import type { FieldRow, ItemRecord, ListRow, Store } from "./store";

export const CONTENT_TYPE_ITEM = "0x0100A1B2C3D4E5F60718293A4B5C6D7E8F90";
export const CONTENT_TYPE_DOCUMENT = "0x0101008A9B0C1D2E3F405162738495A6B7C8";

export interface ListScope {
  store: Store;
  list: ListRow;
  fields: FieldRow[];
  webUrl: string;
  /** Server-relative URL of the site, e.g. /sites/wres. */
  sitePath: string;
  siteId: number;
  /** Security trimming: the items the caller may see (all when absent). */
  visible?: (item: ItemRecord) => boolean;
  /** The site group with this principal id (a person field in PeopleAndGroups mode may hold one). */
  groupById?: (id: number) => { id: number; title: string } | undefined;
}

/** SharePoint's Attachments field: whether a list item has files in `<list>/Attachments/<id>` (attachments.ts). */
export function hasAttachments(scope: ListScope, item: ItemRecord): boolean {
  return (
    !listIsLibrary(scope.list) &&
    scope.store.filesIn(`${scope.sitePath}/${scope.list.urlName}/Attachments/${item.id}`).length > 0
  );
}

export function itemEntityType(list: ListRow): string {
  return `SP.Data.${list.entityName}`;
}

export function listEntityPath(list: ListRow): string {
  return `Web/Lists(guid'${list.guid}')`;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Finds a field by internal or entity property name, case-insensitively. */
export function findField(fields: FieldRow[], name: string): FieldRow | undefined {
  const lower = name.toLowerCase();
  if (lower === "id") return fields.find((f) => f.internalName === "ID");
  return fields.find((f) => f.internalName.toLowerCase() === lower || entityPropertyName(f).toLowerCase() === lower);
}

/** The stored value of a field on an item (reference fields give their id or ids). */
export function storedValue(scope: ListScope, item: ItemRecord, field: FieldRow): unknown {
  switch (field.internalName) {
    case "ID":
      return item.id;
    case "Created":
      return item.created;
    case "Modified":
      return item.modified;
    case "Author":
      return item.authorId;
    case "Editor":
      return item.editorId;
    case "_UIVersionString":
      return `${item.version}.0`;
    case "Attachments":
      return hasAttachments(scope, item);
    case "GUID":
      return item.guid;
    case "ContentTypeId":
      return listIsLibrary(scope.list) ? CONTENT_TYPE_DOCUMENT : CONTENT_TYPE_ITEM;
    case "FileRef":
      return `${scope.sitePath}/${scope.list.urlName}/${String(item.values.FileLeafRef ?? "")}`;
  }
  const key = isReferenceField(field) ? `${field.internalName}Id` : field.internalName;
  const raw = item.values[key];
  if (isMulti(field)) {
    if (raw === null || raw === undefined) return [];
    return Array.isArray(raw) ? raw : [raw];
  }
  if (Array.isArray(raw)) return raw[0] ?? null;
  return raw ?? null;
}
