// The item query engine: $filter, $orderby, $top, $skiptoken paging and the list view threshold.
import { badRequest, noSuchProperty, SpError, thresholdExceeded, unsupported } from "./errors";
import { isReferenceField, KIND } from "./fields";
import { referenceSubValue, splitList } from "./item-projection";
import { findField, itemEntityType, type ListScope, storedValue } from "./items";
import { compareForSort, evaluateFilter } from "./odata-evaluate";
import { type FilterNode, filterPaths, leadingClause, parseFilter } from "./odata-filter";
import type { FieldRow, ItemRecord } from "./store";

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
function resolvePath(
  scope: ListScope,
  path: string[],
  expand: Map<string, FieldRow>,
): { field: FieldRow; sub: string | null } {
  const [head, sub, ...rest] = path;
  if (rest.length > 0) throw unsupported(`field path '${path.join("/")}' (more than one level)`);
  const field = findField(scope.fields, head as string);
  if (field) {
    if (sub !== undefined) {
      if (!isReferenceField(field)) throw noSuchProperty(path.join("/"), itemEntityType(scope.list));
      if (!expand.has(field.internalName)) {
        throw new SpError(
          400,
          "-1, Microsoft.SharePoint.SPException",
          `The field '${head as string}' must be in $expand to filter or sort on '${path.join("/")}'.`,
        );
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
    if (rest.length > 0 || (direction && !/^(asc|desc)$/i.test(direction)))
      throw badRequest(`Invalid $orderby term '${term}'.`);
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
  if (params.get("Paged")?.toUpperCase() !== "TRUE" || !Number.isInteger(id))
    throw badRequest(`Invalid $skiptoken '${text}'.`);
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
  if (
    [KIND.Number, KIND.Integer, KIND.Currency, KIND.Counter, KIND.Lookup, KIND.User].includes(sample.kind as never) &&
    !Number.isNaN(Number(value))
  ) {
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
      if (!filterPaths(lead).every((p) => isIndexed(resolve(p).field)) || lead.kind === "not")
        throw thresholdExceeded();
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
    const pseudo: ItemRecord = {
      listGuid: scope.list.guid,
      id: position.id,
      version: 0,
      guid: "",
      values: {},
      created: "",
      modified: "",
      authorId: 0,
      editorId: 0,
    };
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
