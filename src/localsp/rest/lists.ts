// Lists: the SP.List entity, creating a list and changing its title, description, attachments
// setting and item-level security.
import { randomUUID } from "node:crypto";
import { attachmentsOffKey } from "../attachments";
import { accessDenied, badRequest, noSuchProperty, SpError, unsupported } from "../errors";
import { builtInFields, encodeInternalName, listIsLibrary } from "../fields";
import { Entity, entityAt, entityDocument } from "../format";
import { itemEntityType, listEntityPath } from "../items";
import { has, P } from "../permissions";
import { listScope } from "../security";
import { type ListRow, nowIso } from "../store";
import { checkIfMatch, type Ctx, requireList } from "./context";
import { folderEntity } from "./files";
import { type ApiResponse, empty, json, parseJsonBody } from "./http";
import { metadataUrl } from "./projection";

/** ReadSecurity (1, 2) and WriteSecurity (1, 2, 4) of a list MERGE, checked as SharePoint does. */
export function listSecurityPatch(
  body: Record<string, unknown>,
): { readSecurity?: number; writeSecurity?: number } | null {
  const patch: { readSecurity?: number; writeSecurity?: number } = {};
  if (body.ReadSecurity !== undefined) {
    if (body.ReadSecurity !== 1 && body.ReadSecurity !== 2) throw badRequest("ReadSecurity must be 1 or 2.");
    patch.readSecurity = body.ReadSecurity;
  }
  if (body.WriteSecurity !== undefined) {
    if (body.WriteSecurity !== 1 && body.WriteSecurity !== 2 && body.WriteSecurity !== 4)
      throw badRequest("WriteSecurity must be 1, 2 or 4.");
    patch.writeSecurity = body.WriteSecurity;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

export function listEntity(ctx: Ctx, list: ListRow): Entity {
  const path = listEntityPath(list);
  const library = listIsLibrary(list);
  const items = ctx.store.items(list.guid);
  return new Entity(entityAt(ctx.webUrl, "SP.List", path, `"${list.modified}"`), {
    AllowContentTypes: true,
    BaseTemplate: list.baseTemplate,
    BaseType: library ? 1 : 0,
    ContentTypesEnabled: false,
    Created: list.created,
    Description: list.description,
    EnableAttachments: !library && ctx.store.getMeta(attachmentsOffKey(list.guid)) === undefined,
    EnableVersioning: true,
    EntityTypeName: list.entityName.replace(/(List)?Item$/, library ? "" : "List"),
    HasUniqueRoleAssignments: ctx.security.hasUnique(ctx.site.id, listScope(list.guid)),
    Hidden: false,
    Id: list.guid,
    ItemCount: items.size,
    LastItemDeletedDate: list.modified,
    LastItemModifiedDate: list.modified,
    LastItemUserModifiedDate: list.modified,
    ListItemEntityTypeFullName: itemEntityType(list),
    ParentWebUrl: ctx.sitePath || "/",
    Title: list.title,
    ReadSecurity: ctx.security.listSecurity(list.guid).readSecurity,
    WriteSecurity: ctx.security.listSecurity(list.guid).writeSecurity,
    RootFolder: folderEntity(ctx, list, `${ctx.sitePath}/${list.urlName}`),
  });
}

export async function createList(ctx: Ctx): Promise<ApiResponse> {
  if (!has(ctx.guard.web(), P.ManageLists)) throw accessDenied();
  const body = parseJsonBody(ctx.req);
  const title = body.Title;
  if (typeof title !== "string" || title.trim() === "") throw badRequest("A list needs a Title.");
  const template = Number(body.BaseTemplate ?? 100);
  if (template !== 100 && template !== 101) throw unsupported(`BaseTemplate ${template} (only 100 and 101)`);
  if (ctx.store.listByTitle(ctx.site.id, title)) {
    throw new SpError(
      500,
      "-2130575342, Microsoft.SharePoint.SPException",
      "A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.",
    );
  }
  const urlName = template === 101 ? title : `Lists/${title}`;
  const encoded = encodeInternalName(title);
  const now = nowIso();
  const list: ListRow = {
    guid: randomUUID(),
    siteId: ctx.site.id,
    title,
    description: typeof body.Description === "string" ? body.Description : "",
    baseTemplate: template,
    urlName,
    entityName: template === 101 ? `${encoded}Item` : `${encoded}ListItem`,
    created: now,
    modified: now,
    lastItemId: 0,
  };
  await ctx.store.commit(() => {
    ctx.store.insertList(list);
    for (const field of builtInFields(list)) ctx.store.insertField(field);
  });
  return json(201, entityDocument(listEntity(ctx, list), ctx.format, metadataUrl(ctx, "SP.List/@Element")), ctx.format);
}

export async function updateList(ctx: Ctx, list: ListRow): Promise<ApiResponse> {
  requireList(ctx, list, P.ManageLists);
  checkIfMatch(ctx, `"${list.modified}"`, true);
  const body = parseJsonBody(ctx.req);
  const patch: { title?: string; description?: string } = {};
  const itemSecurity = listSecurityPatch(body);
  let attachments: boolean | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (key === "__metadata" || key === "ReadSecurity" || key === "WriteSecurity") continue;
    if (key === "Title" && typeof value === "string") patch.title = value;
    else if (key === "Description" && typeof value === "string") patch.description = value;
    else if (key === "EnableAttachments" && typeof value === "boolean" && !listIsLibrary(list)) attachments = value;
    else if (
      [
        "ContentTypesEnabled",
        "EnableVersioning",
        "EnableAttachments",
        "AllowContentTypes",
        "Hidden",
        "OnQuickLaunch",
        "NoCrawl",
      ].includes(key)
    )
      continue;
    else throw noSuchProperty(key, "SP.List");
  }
  await ctx.store.commit(() => {
    ctx.store.updateList(list.guid, patch);
    if (itemSecurity) ctx.security.setListSecurity(list.guid, itemSecurity);
    if (attachments === true) ctx.store.deleteMeta(attachmentsOffKey(list.guid));
    if (attachments === false) ctx.store.setMeta(attachmentsOffKey(list.guid), "1");
  });
  return empty(204);
}
