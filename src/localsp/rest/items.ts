// List items: querying, adding, updating (with If-Match), deleting and their versions.
import { attachmentFolder } from "../attachments";
import { accessDenied, unsupported } from "../errors";
import { listIsLibrary } from "../fields";
import { collectionDocument, Entity, entityAt, entityDocument } from "../format";
import { itemEntity, parseProjection, versionFieldValues } from "../item-projection";
import { queryItems } from "../item-query";
import { applyWrite } from "../item-write";
import { etagOf, listEntityPath } from "../items";
import { has, P } from "../permissions";
import { itemScope } from "../security";
import type { ItemRecord, ListRow } from "../store";
import { checkIfMatch, type Ctx, requireList } from "./context";
import { type ApiResponse, empty, json, parseJsonBody } from "./http";
import { scopeOf, visibleItem } from "./lookup";
import { collection, metadataUrl } from "./projection";

export function getItems(ctx: Ctx, list: ListRow): ApiResponse {
  const scope = { ...scopeOf(ctx, list), visible: ctx.guard.itemFilter(list) };
  const projection = parseProjection(scope, ctx.query.get("$select"), ctx.query.get("$expand"));
  const result = queryItems(
    scope,
    {
      filter: ctx.query.get("$filter"),
      orderby: ctx.query.get("$orderby"),
      top: ctx.query.get("$top"),
      skiptoken: ctx.query.get("$skiptoken"),
      expand: projection.expand,
    },
    ctx.faults.threshold,
  );
  let nextLink: string | undefined;
  if (result.nextToken) {
    const params = new URLSearchParams(ctx.req.url.search);
    params.set("$skiptoken", result.nextToken);
    nextLink = `${ctx.origin}${ctx.req.url.pathname}?${params.toString()}`;
  }
  const entities = result.items.map((item) => itemEntity(scope, item, projection));
  return json(
    200,
    collectionDocument(entities, ctx.format, metadataUrl(ctx, `SP.ListData.${list.entityName}s`), nextLink),
    ctx.format,
  );
}

export async function addItem(ctx: Ctx, list: ListRow): Promise<ApiResponse> {
  const scope = scopeOf(ctx, list);
  requireList(ctx, list, P.AddListItems);
  const values = applyWrite(scope, {}, parseJsonBody(ctx.req));
  if (listIsLibrary(list))
    throw unsupported("adding items to a document library without a file (upload a file instead)");
  const item = await ctx.store.commit(() => ctx.store.insertItem(list.guid, values, ctx.user.id));
  const entity = itemEntity(scope, item, { select: null, expand: new Map() });
  return json(
    201,
    entityDocument(entity, ctx.format, metadataUrl(ctx, `SP.ListData.${list.entityName}s/@Element`)),
    ctx.format,
    { ETag: etagOf(item.version) },
  );
}

export async function updateItem(ctx: Ctx, list: ListRow, id: number): Promise<ApiResponse> {
  const scope = scopeOf(ctx, list);
  const body = parseJsonBody(ctx.req);
  // Check, write and commit in one immediate transaction, so two racing writers with the same
  // ETag cannot both win.
  const updated = await ctx.store.commit(() => {
    const item = visibleItem(ctx, list, id);
    if (!ctx.guard.mayWriteItem(list, item, P.EditListItems)) throw accessDenied();
    checkIfMatch(ctx, etagOf(item.version));
    const values = applyWrite(scope, item.values, body);
    return ctx.store.updateItem(item, values, ctx.user.id);
  });
  return empty(204, { ETag: etagOf(updated.version) });
}

export async function deleteItem(ctx: Ctx, list: ListRow, id: number): Promise<ApiResponse> {
  await ctx.store.commit(() => {
    const item = visibleItem(ctx, list, id);
    if (!ctx.guard.mayWriteItem(list, item, P.DeleteListItems)) throw accessDenied();
    checkIfMatch(ctx, etagOf(item.version));
    ctx.security.forgetScope(ctx.site.id, itemScope(list.guid, id));
    const file = listIsLibrary(list) ? ctx.store.fileByItem(list.guid, id) : undefined;
    if (file) ctx.store.deleteFile(file.path);
    // An item's attachments go with it.
    if (!listIsLibrary(list))
      for (const f of ctx.store.filesIn(attachmentFolder(ctx.sitePath, list, id))) ctx.store.deleteFile(f.path);
    ctx.store.deleteItem(item);
  });
  return empty(200);
}

export function versions(ctx: Ctx, list: ListRow, id: number): ApiResponse {
  const item = visibleItem(ctx, list, id);
  if (!has(ctx.guard.item(list, item), P.ViewVersions)) throw accessDenied();
  const scope = scopeOf(ctx, list);
  const entities = ctx.store.versions(list.guid, id).map((v) => {
    const record: ItemRecord = {
      ...item,
      version: v.version,
      values: v.values,
      modified: v.modified,
      editorId: v.editorId,
    };
    const values = versionFieldValues(scope, record);
    const editor = ctx.store.userById(v.editorId);
    const path = `${listEntityPath(list)}/Items(${id})/Versions(${v.version * 512})`;
    return new Entity(entityAt(ctx.webUrl, "SP.ListItemVersion", path), {
      ...values,
      // Created is the item's (a field like any other); Modified and Editor are the version's.
      Created: item.created,
      Modified: v.modified,
      Author: {
        LookupId: item.authorId,
        LookupValue: ctx.store.userById(item.authorId)?.title ?? "",
        Email: ctx.store.userById(item.authorId)?.email ?? "",
      },
      Editor: { LookupId: v.editorId, LookupValue: editor?.title ?? "", Email: editor?.email ?? "" },
      IsCurrentVersion: v.version === item.version,
      VersionId: v.version * 512,
      VersionLabel: `${v.version}.0`,
    });
  });
  return collection(ctx, entities, "SP.ListItemVersion");
}
