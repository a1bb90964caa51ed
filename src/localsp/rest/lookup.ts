// Finding what a path names (lists, users, items, files, attachments, views) as the caller may see
// it: what they may not see answers 404, as if it did not exist.
import { attachmentFolder } from "../attachments";
import { fileNotFound, itemNotFound, listNotFound, SpError, unsupported, viewNotFound } from "../errors";
import { listIsLibrary } from "../fields";
import type { ListScope } from "../items";
import { has, P } from "../permissions";
import type { FileRecord, ItemRecord, ListRow, UserRow } from "../store";
import { defaultViewOf } from "../views";
import { isLoginOf } from "./auth";
import type { Ctx, Resource } from "./context";

/** Lists the caller cannot open are not there for them (SharePoint answers 404). */
export function visibleList(ctx: Ctx, list: ListRow | undefined): list is ListRow {
  if (!list) return false;
  const mask = ctx.guard.list(list);
  return has(mask, P.ViewListItems) || has(mask, P.Open);
}

export function listByTitle(ctx: Ctx, title: string): ListRow {
  const list = ctx.store.listByTitle(ctx.site.id, title);
  if (!visibleList(ctx, list)) throw listNotFound(title, ctx.webUrl);
  return list;
}

export function listByGuid(ctx: Ctx, guid: string): ListRow {
  const list = ctx.store.listByGuid(ctx.site.id, guid);
  if (!visibleList(ctx, list)) throw listNotFound(guid, ctx.webUrl);
  return list;
}

export function listByUrl(ctx: Ctx, url: string): ListRow {
  const path = url.replace(/^https?:\/\/[^/]+/i, "");
  const relative = path.startsWith(`${ctx.sitePath}/`) ? path.slice(ctx.sitePath.length + 1) : path.replace(/^\//, "");
  const list = ctx.store.listByUrlName(ctx.site.id, relative.replace(/\/$/, ""));
  if (!visibleList(ctx, list))
    throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
  return list;
}

/** Finds the library and folder of a server-relative path (only library root folders are supported). */
export function splitLibraryPath(ctx: Ctx, path: string): { list: ListRow; rest: string } {
  const clean = path.replace(/^https?:\/\/[^/]+/i, "").replace(/\/+$/, "");
  const prefix = `${ctx.sitePath}/`;
  const relative = clean.toLowerCase().startsWith(prefix.toLowerCase())
    ? clean.slice(prefix.length)
    : clean.replace(/^\//, "");
  for (const list of ctx.store.lists(ctx.site.id)) {
    const root = list.urlName.toLowerCase();
    const rel = relative.toLowerCase();
    if (rel === root || rel.startsWith(`${root}/`)) {
      if (!visibleList(ctx, list)) throw fileNotFound();
      return { list, rest: relative.slice(list.urlName.length).replace(/^\//, "") };
    }
  }
  throw fileNotFound();
}

export function folderByPath(ctx: Ctx, path: string): Resource {
  const { list, rest } = splitLibraryPath(ctx, path);
  if (rest !== "") throw unsupported(`sub-folders ('${path}')`);
  return { kind: "folder", list, path: `${ctx.sitePath}/${list.urlName}` };
}

export function fileByPath(ctx: Ctx, path: string): Resource {
  const { list, rest } = splitLibraryPath(ctx, path);
  // A list item's attachment (<list>/Attachments/<id>/<name>) is a file too: its properties (Length) read this way.
  const attached = /^Attachments\/(\d+)\/([^/]+)$/i.exec(rest);
  if (!listIsLibrary(list) && attached) {
    const file = visibleAttachment(ctx, list, Number(attached[1]), attached[2] as string);
    return { kind: "file", list, path: file.path };
  }
  if (rest === "" || rest.includes("/")) throw fileNotFound();
  return { kind: "file", list, path: `${ctx.sitePath}/${list.urlName}/${rest}` };
}

export function siteUserById(ctx: Ctx, id: number): UserRow {
  const user = ctx.store.siteUsers(ctx.site.id).find((u) => u.id === id);
  if (!user) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
  return user;
}

export function siteUserByLogin(ctx: Ctx, login: string): UserRow {
  const user = ctx.store.siteUsers(ctx.site.id).find((u) => isLoginOf(u, login));
  if (!user) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
  return user;
}

export function siteUserByEmail(ctx: Ctx, email: string): UserRow {
  const wanted = email.trim().toLowerCase();
  const user = ctx.store.siteUsers(ctx.site.id).find((u) => u.email.toLowerCase() === wanted);
  if (!user) throw new SpError(404, "-2146232832, Microsoft.SharePoint.SPException", "User cannot be found.");
  return user;
}

/** An item the caller may see; one they may not answers 404 as if it did not exist. */
export function visibleItem(ctx: Ctx, list: ListRow, id: number): ItemRecord {
  const item = itemOrThrow(ctx, list, id);
  if (!ctx.guard.canSeeItem(list, item)) throw itemNotFound();
  return item;
}

export function itemOrThrow(ctx: Ctx, list: ListRow, id: number): ItemRecord {
  const item = Number.isInteger(id) ? ctx.store.item(list.guid, id) : undefined;
  if (!item) throw itemNotFound();
  return item;
}

export function scopeOf(ctx: Ctx, list: ListRow): ListScope {
  const siteId = ctx.site.id;
  return {
    store: ctx.store,
    list,
    fields: ctx.store.fields(list.guid),
    webUrl: ctx.webUrl,
    sitePath: ctx.sitePath,
    siteId,
    groupById: (id) => ctx.security.group(siteId, id),
  };
}

export function viewById(ctx: Ctx, list: ListRow, id: string): ListRow {
  const view = defaultViewOf(list, ctx.store.storedView(list.guid));
  if (view.guid.toLowerCase() !== id.replace(/[{}]|^guid'|'$/gi, "").toLowerCase()) throw viewNotFound();
  return list;
}

/** A file whose item the caller may see, or 404. */
export function visibleFile(ctx: Ctx, list: ListRow, path: string): FileRecord {
  const file = ctx.store.file(path);
  const item = file ? ctx.store.item(list.guid, file.itemId) : undefined;
  if (!file || (item && !ctx.guard.canSeeItem(list, item))) throw fileNotFound();
  return file;
}

/** An attachment of an item the caller may see, or 404 (SharePoint answers a missing one "File Not Found."). */
export function visibleAttachment(ctx: Ctx, list: ListRow, id: number, name: string): FileRecord {
  visibleItem(ctx, list, id);
  const file = ctx.store.file(`${attachmentFolder(ctx.sitePath, list, id)}/${name}`);
  if (!file) throw fileNotFound();
  return file;
}
