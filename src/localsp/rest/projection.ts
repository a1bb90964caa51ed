// Plain entities (web, users, lists, fields, files) as OData documents: $select, $expand,
// $filter, $orderby and $top applied in memory. List items have their own engine
// (../item-projection.ts, ../item-query.ts).
import { badRequest, noSuchProperty } from "../errors";
import { collectionDocument, Entity, entityDocument } from "../format";
import { compareForSort, evaluateFilter } from "../odata-evaluate";
import { parseFilter } from "../odata-filter";
import type { Ctx } from "./context";
import { type ApiResponse, json } from "./http";

export function metadataUrl(ctx: Ctx, type: string): string {
  return `${ctx.webUrl}/_api/$metadata#${type}`;
}

export function single(ctx: Ctx, entity: Entity, type: string): ApiResponse {
  const projected = projectSimple(ctx, entity);
  return json(200, entityDocument(projected, ctx.format, metadataUrl(ctx, `${type}/@Element`)), ctx.format);
}

/** $select/$filter/$orderby/$top over the plain entities (users, lists, fields, files). */
export function collection(ctx: Ctx, entities: Entity[], type: string): ApiResponse {
  let rows = entities;
  const filterText = ctx.query.get("$filter");
  if (filterText) {
    const filter = parseFilter(filterText);
    rows = rows.filter((e) => evaluateFilter(filter, (path) => propertyAt(e, path, type)));
  }
  const orderby = ctx.query.get("$orderby");
  if (orderby) {
    const terms = orderby.split(",").map((t) => t.trim().split(/\s+/));
    rows = [...rows].sort((a, b) => {
      for (const [name, dir] of terms) {
        const c = compareForSort(
          propertyAt(a, (name as string).split("/"), type),
          propertyAt(b, (name as string).split("/"), type),
        );
        if (c !== 0) return dir?.toLowerCase() === "desc" ? -c : c;
      }
      return 0;
    });
  }
  const top = ctx.query.get("$top");
  if (top !== null) rows = rows.slice(0, Math.max(0, Number(top)));
  return json(
    200,
    collectionDocument(
      rows.map((e) => projectSimple(ctx, e)),
      ctx.format,
      metadataUrl(ctx, type),
    ),
    ctx.format,
  );
}

export function propertyAt(entity: Entity, path: string[], type: string): unknown {
  let value: unknown = entity;
  for (const name of path) {
    if (!(value instanceof Entity)) return null;
    const key = Object.keys(value.props).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw noSuchProperty(name, type);
    value = value.props[key];
  }
  return value;
}

/** Applies $select (and drops unexpanded navigation entities) on a plain entity. */
export function projectSimple(ctx: Ctx, entity: Entity): Entity {
  const expand = (ctx.query.get("$expand") ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const select = (ctx.query.get("$select") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const props: Record<string, unknown> = {};
  const keep = (key: string) => {
    const value = entity.props[key];
    if (value instanceof Entity && !expand.includes(key.toLowerCase())) return;
    props[key] = value;
  };
  if (select.length === 0 || select.includes("*")) {
    for (const key of Object.keys(entity.props)) keep(key);
  } else {
    for (const raw of select) {
      const [head, sub] = raw.split("/");
      const key = Object.keys(entity.props).find((k) => k.toLowerCase() === (head as string).toLowerCase());
      if (key === undefined) throw noSuchProperty(head as string, entity.meta.type);
      const value = entity.props[key];
      if (sub !== undefined && value instanceof Entity) {
        if (!expand.includes(key.toLowerCase())) throw badRequest(`The $select path '${raw}' needs ${key} in $expand.`);
        const existing = props[key] instanceof Entity ? (props[key] as Entity) : new Entity(value.meta, {});
        const subKey = Object.keys(value.props).find((k) => k.toLowerCase() === sub.toLowerCase());
        if (subKey === undefined) throw noSuchProperty(sub, value.meta.type);
        existing.props[subKey] = value.props[subKey];
        props[key] = existing;
      } else {
        keep(key);
      }
    }
  }
  const navigation = Object.keys(props).filter((k) => props[k] instanceof Entity);
  return new Entity(entity.meta, props, navigation);
}
