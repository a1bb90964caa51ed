// The item JSON SharePoint returns: $select/$expand projections, lookups, people and groups, and
// the field values of an item's versions.
import { badRequest, noSuchProperty, SpError, unsupported } from "./errors";
import { entityPropertyName, isReferenceField, KIND } from "./fields";
import { Entity } from "./format";
import {
  etagOf,
  findField,
  hasAttachments,
  itemEntityType,
  listEntityPath,
  type ListScope,
  storedValue,
} from "./items";
import type { FieldRow, ItemRecord, UserRow } from "./store";

/**
 * A site group as a person field's value shows it: its row in the User Information List, titled
 * with the group's name, whose login name is also its name (a SharePoint group has no e-mail).
 */
function groupProjection(group: { id: number; title: string }): Record<string, unknown> {
  return {
    Id: group.id,
    ID: group.id,
    Title: group.title,
    EMail: null,
    Name: group.title,
    UserName: null,
    JobTitle: null,
    Department: null,
    SipAddress: null,
  };
}

function userProjection(user: UserRow | undefined, id: number): Record<string, unknown> {
  return {
    Id: id,
    ID: id,
    Title: user?.title ?? null,
    EMail: user?.email ?? null,
    Name: user ? `i:0#.f|membership|${user.upn}` : null,
    UserName: user?.upn ?? null,
    JobTitle: user?.jobTitle ?? null,
    Department: null,
    SipAddress: user?.email ?? null,
  };
}

/** The expanded target of a reference field, projected to the requested sub-fields. */
function expandTarget(scope: ListScope, field: FieldRow, id: number, subFields: string[]): Entity {
  if (field.kind === KIND.User) {
    const user = scope.store.userById(id);
    const group = user ? undefined : scope.groupById?.(id);
    const all = group ? groupProjection(group) : userProjection(user, id);
    const props: Record<string, unknown> = {};
    const wanted = subFields.length === 0 || subFields.includes("*") ? ["Id", "Title", "EMail", "Name"] : subFields;
    for (const name of wanted) {
      const key = Object.keys(all).find((k) => k.toLowerCase() === name.toLowerCase());
      if (!key) throw noSuchProperty(name, "SP.Data.UserInfoItem");
      props[key] = all[key];
    }
    return new Entity(
      {
        type: "SP.Data.UserInfoItem",
        id: `${scope.webUrl}/_api/Web/SiteUserInfoList/Items(${id})`,
        uri: `${scope.webUrl}/_api/Web/SiteUserInfoList/Items(${id})`,
        editLink: `Web/SiteUserInfoList/Items(${id})`,
      },
      props,
    );
  }
  const targetList = scope.store.listByGuid(scope.siteId, field.props.LookupList ?? "");
  const path = targetList ? `Web/Lists(guid'${targetList.guid}')/Items(${id})` : `Items(${id})`;
  const meta = {
    type: targetList ? itemEntityType(targetList) : "SP.Data.ListItem",
    id: `${scope.webUrl}/_api/${path}`,
    uri: `${scope.webUrl}/_api/${path}`,
    editLink: path,
  };
  const props: Record<string, unknown> = {};
  const wanted =
    subFields.length === 0 || subFields.includes("*") ? ["Id", field.props.LookupField ?? "Title"] : subFields;
  if (!targetList) {
    for (const name of wanted) props[name] = name.toLowerCase() === "id" ? id : null;
    return new Entity(meta, props);
  }
  const targetScope: ListScope = { ...scope, list: targetList, fields: scope.store.fields(targetList.guid) };
  const target = scope.store.item(targetList.guid, id);
  for (const name of wanted) {
    const f = findField(targetScope.fields, name);
    if (!f) throw noSuchProperty(name, itemEntityType(targetList));
    const outName = name.toLowerCase() === "id" ? "Id" : entityPropertyName(f);
    props[outName] = target ? storedValue(targetScope, target, f) : name.toLowerCase() === "id" ? id : null;
  }
  return new Entity(meta, props);
}

/** One sub-field of a reference field's target (`Owner/Title`), or its display value (`$display`). */
export function referenceSubValue(scope: ListScope, field: FieldRow, id: number, sub: string): unknown {
  if (sub === "$display") sub = field.kind === KIND.User ? "Title" : (field.props.LookupField ?? "Title");
  const entity = expandTarget(scope, field, id, [sub]);
  return Object.values(entity.props)[0];
}

/** Parsed $select/$expand for items. */
export interface Projection {
  /** Null: the default field set. */
  select: { field: FieldRow; sub: string | null; raw: string }[] | null;
  expand: Map<string, FieldRow>;
}

export function parseProjection(scope: ListScope, selectText: string | null, expandText: string | null): Projection {
  const expand = new Map<string, FieldRow>();
  for (const raw of splitList(expandText)) {
    const field = findField(scope.fields, raw);
    if (!field) throw noSuchProperty(raw, itemEntityType(scope.list));
    if (!isReferenceField(field))
      throw badRequest(`The field '${raw}' cannot be expanded: it is not a lookup or person field.`);
    expand.set(field.internalName, field);
  }
  const entries = splitList(selectText);
  if (entries.length === 0 || entries.every((e) => e === "*")) return { select: null, expand };
  const select: { field: FieldRow; sub: string | null; raw: string }[] = [];
  for (const raw of entries) {
    if (raw === "*") continue;
    const [head, sub, ...rest] = raw.split("/");
    if (rest.length > 0) throw unsupported(`$select path '${raw}' (more than one level)`);
    let field = findField(scope.fields, head as string);
    // `OwnerId` / `OwnerStringId` select the id of a reference field.
    if (!field && sub === undefined) {
      const m = /^(.*?)(String)?Id$/i.exec(head as string);
      const ref = m ? findField(scope.fields, m[1] as string) : undefined;
      if (ref && isReferenceField(ref)) {
        select.push({ field: ref, sub: m?.[2] ? "$stringid" : "$id", raw });
        continue;
      }
    }
    if (!field) throw noSuchProperty(head as string, itemEntityType(scope.list));
    if (isReferenceField(field) && !expand.has(field.internalName)) {
      throw new SpError(
        400,
        "-1, Microsoft.SharePoint.SPException",
        `The query to field '${raw}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${head as string}.`,
      );
    }
    if (sub !== undefined && !isReferenceField(field)) throw noSuchProperty(raw, itemEntityType(scope.list));
    field = field as FieldRow;
    select.push({ field, sub: sub ?? null, raw });
  }
  return { select, expand };
}

export function splitList(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function idValue(value: unknown): unknown {
  return value;
}

function stringIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => String(v));
  return value === null || value === undefined ? null : String(value);
}

/** Builds the item entity SharePoint returns for a projection. */
export function itemEntity(scope: ListScope, item: ItemRecord, projection: Projection): Entity {
  const props: Record<string, unknown> = {};
  const navigation: string[] = [];
  const addReference = (field: FieldRow, subs: string[] | null) => {
    const name = entityPropertyName(field);
    const stored = storedValue(scope, item, field);
    if (subs !== null && projection.expand.has(field.internalName)) {
      navigation.push(name);
      if (Array.isArray(stored)) props[name] = stored.map((id) => expandTarget(scope, field, id as number, subs));
      else props[name] = stored === null ? null : expandTarget(scope, field, stored as number, subs);
    }
  };
  if (projection.select === null) {
    props.FileSystemObjectType = 0;
    props.Id = item.id;
    props.ServerRedirectedEmbedUri = null;
    props.ServerRedirectedEmbedUrl = "";
    props.ContentTypeId = storedValue(scope, item, findField(scope.fields, "ContentTypeId") as FieldRow);
    for (const field of scope.fields) {
      if (
        field.props.Hidden ||
        (field.builtIn && field.internalName !== "Title" && field.internalName !== "FileLeafRef")
      )
        continue;
      if (field.internalName === "FileLeafRef") continue;
      const name = entityPropertyName(field);
      if (isReferenceField(field)) {
        const stored = storedValue(scope, item, field);
        props[`${name}Id`] = idValue(stored);
        if (field.kind === KIND.User) props[`${name}StringId`] = stringIds(stored);
      } else {
        props[name] = storedValue(scope, item, field);
      }
    }
    props.ID = item.id;
    props.Modified = item.modified;
    props.Created = item.created;
    props.AuthorId = item.authorId;
    props.EditorId = item.editorId;
    props.OData__UIVersionString = `${item.version}.0`;
    props.Attachments = hasAttachments(scope, item);
    props.GUID = item.guid;
    for (const field of projection.expand.values()) addReference(field, []);
  } else {
    const subsByField = new Map<string, string[]>();
    for (const entry of projection.select) {
      const { field, sub } = entry;
      if (sub === "$id" || sub === "$stringid") {
        const stored = storedValue(scope, item, field);
        const base = entityPropertyName(field);
        if (sub === "$id") props[`${base}Id`] = stored;
        else props[`${base}StringId`] = stringIds(stored);
      } else if (isReferenceField(field)) {
        const list = subsByField.get(field.internalName) ?? [];
        if (sub) list.push(sub);
        subsByField.set(field.internalName, list);
      } else if (field.internalName === "ID") {
        props[entry.raw.toLowerCase() === "id" ? (entry.raw === "ID" ? "ID" : "Id") : "ID"] = item.id;
      } else {
        props[entityPropertyName(field)] = storedValue(scope, item, field);
      }
    }
    for (const [internalName, subs] of subsByField) addReference(projection.expand.get(internalName) as FieldRow, subs);
  }
  const path = `${listEntityPath(scope.list)}/Items(${item.id})`;
  return new Entity(
    {
      type: itemEntityType(scope.list),
      id: item.guid,
      uri: `${scope.webUrl}/_api/${path}`,
      editLink: path,
      etag: etagOf(item.version),
    },
    props,
    navigation,
  );
}

/**
 * A version's field values as SharePoint's `items(n)/versions` gives them: each field under its
 * name, a person as SP.FieldUserValue ({LookupId, LookupValue, Email}) and a lookup as
 * SP.FieldLookupValue ({LookupId, LookupValue}), one or an array (multi-value); no `…Id` properties.
 */
export function versionFieldValues(scope: ListScope, item: ItemRecord): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const reference = (field: FieldRow, id: number): Record<string, unknown> => {
    const value = referenceSubValue(scope, field, id, "$display");
    if (field.kind !== KIND.User)
      return { LookupId: id, LookupValue: value === null || value === undefined ? "" : String(value) };
    // A group has no e-mail: SharePoint gives it as "".
    return { LookupId: id, LookupValue: value ?? "", Email: scope.store.userById(id)?.email ?? "" };
  };
  for (const field of scope.fields) {
    if (field.props.Hidden || (field.builtIn && field.internalName !== "Title")) continue;
    const stored = storedValue(scope, item, field);
    const name = entityPropertyName(field);
    if (!isReferenceField(field)) props[name] = stored;
    else if (Array.isArray(stored)) props[name] = stored.map((id) => reference(field, id as number));
    else props[name] = stored === null ? null : reference(field, stored as number);
  }
  return props;
}
