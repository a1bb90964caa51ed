// List items: the item JSON SharePoint returns ($select/$expand projections, lookups and people),
// the query engine ($filter, $orderby, $top, $skiptoken paging, the list view threshold) and the
// coercion of written values to each field's type.
import { SpError, badRequest, noSuchProperty, thresholdExceeded, unsupported } from "./errors";
import { Entity } from "./format";
import { KIND, SYSTEM_FIELDS, entityPropertyName, isMulti, isReferenceField, listIsLibrary } from "./fields";
import { compareForSort, evaluateFilter, filterPaths, leadingClause, parseFilter, type FilterNode } from "./odata-filter";
import { textLimit, textTooLong } from "./limits";
import type { FieldRow, ItemRecord, ListRow, Store, UserRow } from "./store";

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
function hasAttachments(scope: ListScope, item: ItemRecord): boolean {
  return !listIsLibrary(scope.list) && scope.store.filesIn(`${scope.sitePath}/${scope.list.urlName}/Attachments/${item.id}`).length > 0;
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
      { type: "SP.Data.UserInfoItem", id: `${scope.webUrl}/_api/Web/SiteUserInfoList/Items(${id})`, uri: `${scope.webUrl}/_api/Web/SiteUserInfoList/Items(${id})`, editLink: `Web/SiteUserInfoList/Items(${id})` },
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
  const wanted = subFields.length === 0 || subFields.includes("*") ? ["Id", field.props.LookupField ?? "Title"] : subFields;
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
    if (!isReferenceField(field)) throw badRequest(`The field '${raw}' cannot be expanded: it is not a lookup or person field.`);
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

function splitList(text: string | null): string[] {
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
      if (field.props.Hidden || (field.builtIn && field.internalName !== "Title" && field.internalName !== "FileLeafRef")) continue;
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
    { type: itemEntityType(scope.list), id: item.guid, uri: `${scope.webUrl}/_api/${path}`, editLink: path, etag: etagOf(item.version) },
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
    if (field.kind !== KIND.User) return { LookupId: id, LookupValue: value === null || value === undefined ? "" : String(value) };
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

// ---- querying

export interface ItemQuery {
  filter: string | null;
  orderby: string | null;
  top: string | null;
  skiptoken: string | null;
  expand: Map<string, FieldRow>;
}

interface OrderTerm {
  field: FieldRow;
  sub: string | null;
  descending: boolean;
}

function isIndexed(field: FieldRow): boolean {
  return field.internalName === "ID" || field.props.Indexed === true;
}

/** Resolves a $filter/$orderby path to a field and its sub-field (for `Lookup/Title`, `Owner/Id` or `OwnerId`). */
function resolvePath(scope: ListScope, path: string[], expand: Map<string, FieldRow>): { field: FieldRow; sub: string | null } {
  const [head, sub, ...rest] = path;
  if (rest.length > 0) throw unsupported(`field path '${path.join("/")}' (more than one level)`);
  const field = findField(scope.fields, head as string);
  if (field) {
    if (sub !== undefined) {
      if (!isReferenceField(field)) throw noSuchProperty(path.join("/"), itemEntityType(scope.list));
      if (!expand.has(field.internalName)) {
        throw new SpError(400, "-1, Microsoft.SharePoint.SPException", `The field '${head as string}' must be in $expand to filter or sort on '${path.join("/")}'.`);
      }
      return { field, sub: sub.toLowerCase() === "id" ? null : sub };
    }
    return { field, sub: isReferenceField(field) ? "$display" : null };
  }
  const m = /^(.*?)Id$/i.exec(head as string);
  const ref = m && sub === undefined ? findField(scope.fields, m[1] as string) : undefined;
  if (ref && isReferenceField(ref)) return { field: ref, sub: null };
  throw noSuchProperty(head as string, itemEntityType(scope.list));
}

function referenceSubValue(scope: ListScope, field: FieldRow, id: number, sub: string): unknown {
  if (sub === "$display") sub = field.kind === KIND.User ? "Title" : (field.props.LookupField ?? "Title");
  const entity = expandTarget(scope, field, id, [sub]);
  return Object.values(entity.props)[0];
}

function valueAt(scope: ListScope, item: ItemRecord, resolved: { field: FieldRow; sub: string | null }): unknown {
  const stored = storedValue(scope, item, resolved.field);
  if (resolved.sub === null || !isReferenceField(resolved.field)) return stored;
  const sub = resolved.sub;
  if (Array.isArray(stored)) return stored.map((id) => referenceSubValue(scope, resolved.field, id as number, sub));
  return stored === null ? null : referenceSubValue(scope, resolved.field, stored as number, sub);
}

function parseOrderBy(scope: ListScope, text: string | null, expand: Map<string, FieldRow>): OrderTerm[] {
  return splitList(text).map((term) => {
    const [name, direction, ...rest] = term.split(/\s+/);
    if (rest.length > 0 || (direction && !/^(asc|desc)$/i.test(direction))) throw badRequest(`Invalid $orderby term '${term}'.`);
    const resolved = resolvePath(scope, (name as string).split("/"), expand);
    return { ...resolved, descending: direction?.toLowerCase() === "desc" };
  });
}

interface Position {
  id: number;
  keys: Record<string, string>;
  previous: boolean;
}

function parseSkipToken(text: string | null): Position | null {
  if (!text) return null;
  const params = new URLSearchParams(text);
  const id = Number(params.get("p_ID"));
  if (params.get("Paged")?.toUpperCase() !== "TRUE" || !Number.isInteger(id)) throw badRequest(`Invalid $skiptoken '${text}'.`);
  const keys: Record<string, string> = {};
  for (const [k, v] of params) if (k.startsWith("p_") && k !== "p_ID") keys[k.slice(2)] = v;
  return { id, keys, previous: params.get("PagedPrev")?.toUpperCase() === "TRUE" };
}

function sortKeyToken(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return sortKeyToken(value[0]);
  return String(value);
}

function tokenKey(value: string, sample: FieldRow): unknown {
  if (value === "") return null;
  if ([KIND.Number, KIND.Integer, KIND.Currency, KIND.Counter, KIND.Lookup, KIND.User].includes(sample.kind as never) && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  if (sample.kind === KIND.Boolean) return value === "true";
  return value;
}

export interface QueryResult {
  items: ItemRecord[];
  /** $skiptoken for the next page, or null on the last page. */
  nextToken: string | null;
}

export function queryItems(scope: ListScope, query: ItemQuery, threshold: number): QueryResult {
  const stored = [...scope.store.items(scope.list.guid).values()];
  const all = scope.visible ? stored.filter(scope.visible) : stored;
  const filter: FilterNode | null = query.filter ? parseFilter(query.filter) : null;
  const order = parseOrderBy(scope, query.orderby, query.expand);
  const resolvedPaths = new Map<string, { field: FieldRow; sub: string | null }>();
  const resolve = (path: string[]) => {
    const key = path.join("/");
    let found = resolvedPaths.get(key);
    if (!found) {
      found = resolvePath(scope, path, query.expand);
      resolvedPaths.set(key, found);
    }
    return found;
  };
  if (filter) for (const path of filterPaths(filter)) resolve(path);

  // The list view threshold (docs/sharepoint.md §3.2): over `threshold` items, the first clause must use
  // an index and narrow the rows below the threshold, and sorting must use an index.
  if (all.length > threshold) {
    if (order.some((t) => !isIndexed(t.field) || (t.sub !== null && t.sub !== "$display"))) throw thresholdExceeded();
    if (filter) {
      const lead = leadingClause(filter);
      if (!filterPaths(lead).every((p) => isIndexed(resolve(p).field)) || lead.kind === "not") throw thresholdExceeded();
      const candidates = all.filter((item) => evaluateFilter(lead, (p) => valueAt(scope, item, resolve(p))));
      if (candidates.length > threshold) throw thresholdExceeded();
    }
  }

  let rows = filter ? all.filter((item) => evaluateFilter(filter, (p) => valueAt(scope, item, resolve(p)))) : all;
  const keyOf = (item: ItemRecord, term: OrderTerm) => valueAt(scope, item, term);
  const compare = (a: ItemRecord, b: ItemRecord): number => {
    for (const term of order) {
      const c = compareForSort(keyOf(a, term), keyOf(b, term));
      if (c !== 0) return term.descending ? -c : c;
    }
    const onlyIdDesc = order.length === 1 && order[0]?.field.internalName === "ID" && order[0].descending;
    return onlyIdDesc ? b.id - a.id : a.id - b.id;
  };
  if (order.length > 0) rows = [...rows].sort(compare);

  let top = query.top === null ? 100 : Number(query.top);
  if (!Number.isInteger(top) || top < 0) throw badRequest(`Invalid $top value '${query.top ?? ""}'.`);
  top = Math.min(top, 5000);

  const position = parseSkipToken(query.skiptoken);
  if (position) {
    const pseudo: ItemRecord = { listGuid: scope.list.guid, id: position.id, version: 0, guid: "", values: {}, created: "", modified: "", authorId: 0, editorId: 0 };
    const pivot = (item: ItemRecord): number => {
      for (const term of order) {
        const token = position.keys[term.field.internalName];
        const key = token === undefined ? null : tokenKey(token, term.field);
        const c = compareForSort(keyOf(item, term), key);
        if (c !== 0) return term.descending ? -c : c;
      }
      const onlyIdDesc = order.length === 1 && order[0]?.field.internalName === "ID" && order[0].descending;
      return onlyIdDesc ? pseudo.id - item.id : item.id - pseudo.id;
    };
    if (position.previous) {
      const before = rows.filter((item) => pivot(item) < 0);
      rows = before.slice(Math.max(0, before.length - top));
      return { items: rows, nextToken: null };
    }
    rows = rows.filter((item) => pivot(item) > 0);
  }
  const page = rows.slice(0, top);
  let nextToken: string | null = null;
  if (rows.length > top && page.length > 0) {
    const last = page[page.length - 1] as ItemRecord;
    const params = [`Paged=TRUE`, `p_ID=${last.id}`];
    for (const term of order) {
      if (term.field.internalName === "ID") continue;
      params.push(`p_${term.field.internalName}=${encodeURIComponent(sortKeyToken(keyOf(last, term)))}`);
    }
    nextToken = params.join("&");
  }
  return { items: page, nextToken };
}

// ---- writing

function normaliseDate(value: unknown, name: string): string | null {
  if (value === null || value === "") return null;
  if (typeof value !== "string") throw badRequest(`Cannot convert a primitive value to the expected type 'Edm.DateTime' for '${name}'.`);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badRequest(`Cannot convert '${value}' to the expected type 'Edm.DateTime' for '${name}'.`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function unwrap(value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value) && "results" in value) return (value as { results: unknown }).results;
  return value;
}

function toNumber(value: unknown, name: string): number | null {
  if (value === null || value === "") return null;
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw badRequest(`Cannot convert '${String(value)}' to a number for '${name}'.`);
  return n;
}

/**
 * Validates and converts a write body (JSON light or verbose) into stored values, merged over the
 * previous values. Unknown properties are refused with SharePoint's InvalidClientQueryException.
 */
export function applyWrite(scope: ListScope, previous: Record<string, unknown>, body: Record<string, unknown>): Record<string, unknown> {
  const values = { ...previous };
  for (const [key, raw] of Object.entries(body)) {
    if (key === "__metadata" || key.startsWith("odata.") || key.includes("@odata.")) continue;
    let field = findField(scope.fields, key);
    let asId = false;
    if (!field || isReferenceField(field)) {
      const m = /^(.*?)(String)?Id$/i.exec(key);
      const ref = m ? findField(scope.fields, m[1] as string) : undefined;
      if (ref && isReferenceField(ref)) {
        field = ref;
        asId = true;
      }
    }
    if (!field) throw noSuchProperty(key, itemEntityType(scope.list));
    if (isReferenceField(field) && !asId) throw badRequest(`Write '${key}Id' with the id(s) of the ${field.kind === KIND.User ? "person" : "lookup"} value, not '${key}'.`);
    if (SYSTEM_FIELDS.has(field.internalName) || field.props.ReadOnlyField) {
      if (field.internalName === "ID") continue;
      throw unsupported(`writing the read-only field '${key}'`);
    }
    const value = unwrap(raw);
    const name = field.internalName;
    switch (field.kind) {
      case KIND.Text:
      case KIND.Note:
      case KIND.Choice:
      case KIND.File:
        if (value !== null && typeof value !== "string" && typeof value !== "number") throw badRequest(`'${key}' expects text.`);
        values[name] = value === null ? null : String(value);
        if (field.kind === KIND.Text && typeof values[name] === "string") {
          const length = (values[name] as string).length;
          const max = textLimit(field.props.MaxLength);
          if (length > max) throw textTooLong();
        }
        break;
      case KIND.Number:
      case KIND.Integer:
      case KIND.Currency:
        values[name] = toNumber(value, key);
        break;
      case KIND.DateTime:
        values[name] = normaliseDate(value, key);
        break;
      case KIND.Boolean:
        values[name] = value === null ? null : value === true || value === 1 || value === "1" || value === "true";
        break;
      case KIND.MultiChoice: {
        let choices: unknown = value;
        if (typeof value === "string") choices = value.split(";#").filter((s) => s.length > 0);
        if (choices !== null && (!Array.isArray(choices) || !choices.every((c) => typeof c === "string"))) throw badRequest(`'${key}' expects a list of choices.`);
        values[name] = choices ?? [];
        break;
      }
      case KIND.Lookup:
      case KIND.User: {
        const storeKey = `${name}Id`;
        if (isMulti(field)) {
          const ids = value === null ? [] : value;
          if (!Array.isArray(ids)) throw badRequest(`'${key}' is a multi-value field: send an array of ids.`);
          values[storeKey] = ids.map((v) => toNumber(v, key)).filter((v): v is number => v !== null);
        } else {
          if (Array.isArray(value)) throw badRequest(`'${key}' takes a single id.`);
          values[storeKey] = toNumber(value, key);
        }
        if (field.kind === KIND.User) {
          const ids = Array.isArray(values[storeKey]) ? (values[storeKey] as number[]) : values[storeKey] === null ? [] : [values[storeKey] as number];
          // A SharePoint group is a valid value only where the field's SelectionMode is 1
          // (PeopleAndGroups); PeopleOnly (0) takes individual users only
          // (https://learn.microsoft.com/previous-versions/office/sharepoint-server/ms442119(v=office.15)).
          const groupsAllowed = Number(field.props.SelectionMode ?? 0) === 1;
          for (const id of ids) {
            if (scope.store.userById(id)) continue;
            const group = scope.groupById?.(id);
            if (group && !groupsAllowed) {
              throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPFieldValidationException", `'${key}' takes people only: '${group.title}' is a SharePoint group.`);
            }
            if (!group) throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", `The user with id ${id} does not exist.`);
          }
        }
        break;
      }
      default:
        throw unsupported(`writing fields of type '${field.typeAsString}'`);
    }
  }
  return values;
}
