// Document library files: folder and file entities, upload (whole or in chunks), content and delete.
import { accessDenied, badRequest, fileNotFound, SpError, unsupported } from "../errors";
import { listIsLibrary } from "../fields";
import { Entity, entityAt, primitiveDocument } from "../format";
import { assertValidFileName } from "../limits";
import { P } from "../permissions";
import { itemScope } from "../security";
import { firstArg, type Segment } from "../segments";
import type { FileRecord, ListRow } from "../store";
import { type Ctx, requireList } from "./context";
import { type ApiResponse, empty, json } from "./http";
import { visibleFile } from "./lookup";
import { collection, metadataUrl, single } from "./projection";
import { userEntity } from "./web";

export function folderEntity(ctx: Ctx, list: ListRow, path: string): Entity {
  const api = `Web/GetFolderByServerRelativePath(decodedurl='${path.replace(/'/g, "''")}')`;
  return new Entity(entityAt(ctx.webUrl, "SP.Folder", api), {
    Exists: true,
    IsWOPIEnabled: false,
    ItemCount: listIsLibrary(list) ? ctx.store.filesIn(path).length : ctx.store.items(list.guid).size,
    Name: list.urlName.split("/").pop() ?? list.urlName,
    ProgID: null,
    ServerRelativeUrl: path,
    TimeCreated: list.created,
    TimeLastModified: list.modified,
    UniqueId: list.guid,
    WelcomePage: "",
  });
}

export function fileEntity(ctx: Ctx, file: FileRecord): Entity {
  const api = `Web/GetFileByServerRelativePath(decodedurl='${file.path.replace(/'/g, "''")}')`;
  const author = ctx.store.userById(file.authorId);
  const editor = ctx.store.userById(file.editorId);
  return new Entity(entityAt(ctx.webUrl, "SP.File", api), {
    Author: author ? userEntity(ctx, author) : null,
    CheckInComment: "",
    CheckOutType: 2,
    ContentTag: `{${file.guid.toUpperCase()}},${file.version},${file.version}`,
    CustomizedPageStatus: 0,
    ETag: `"{${file.guid.toUpperCase()}},${file.version}"`,
    Exists: true,
    Length: String(file.length),
    Level: 1,
    MajorVersion: file.version,
    MinorVersion: 0,
    ModifiedBy: editor ? userEntity(ctx, editor) : null,
    Name: file.name,
    ServerRelativeUrl: file.path,
    TimeCreated: file.created,
    TimeLastModified: file.modified,
    Title: null,
    UIVersion: file.version * 512,
    UIVersionLabel: `${file.version}.0`,
    UniqueId: file.guid,
  });
}

export function listFiles(ctx: Ctx, list: ListRow, folder: string): ApiResponse {
  const visible = ctx.guard.itemFilter(list);
  const files = ctx.store.filesIn(folder).filter((f) => {
    const item = ctx.store.item(list.guid, f.itemId);
    return !item || visible(item);
  });
  return collection(
    ctx,
    files.map((f) => fileEntity(ctx, f)),
    "SP.File",
  );
}

/** Writes file bytes and keeps the library item in step (a new item, or a new version of it). */
export async function writeFile(
  ctx: Ctx,
  list: ListRow,
  path: string,
  bytes: Uint8Array,
  mustBeNew: boolean,
): Promise<FileRecord> {
  return await ctx.store.commit(() => {
    const existing = ctx.store.file(path);
    if (existing && mustBeNew) {
      throw new SpError(
        400,
        "-2130575257, Microsoft.SharePoint.SPException",
        `A file with the name ${path.slice(ctx.sitePath.length + 1)} already exists. It was last modified by ${ctx.store.userById(existing.editorId)?.email ?? "unknown"} on ${existing.modified}.`,
      );
    }
    const name = path.slice(path.lastIndexOf("/") + 1);
    let itemId: number;
    if (existing) {
      const item = ctx.store.item(list.guid, existing.itemId);
      if (item) ctx.store.updateItem(item, item.values, ctx.user.id);
      itemId = existing.itemId;
    } else {
      itemId = ctx.store.insertItem(list.guid, { FileLeafRef: name, Title: null }, ctx.user.id).id;
    }
    return ctx.store.putFile(
      {
        path,
        listGuid: list.guid,
        itemId,
        folder: path.slice(0, path.lastIndexOf("/")),
        name,
        authorId: ctx.user.id,
        editorId: ctx.user.id,
      },
      bytes,
    );
  });
}

/**
 * Writing a file: a new one needs Add Items on the library; replacing or deleting one needs Edit
 * or Delete Items on its item (with the library's WriteSecurity).
 */
export function assertCanWriteLibrary(ctx: Ctx, list: ListRow, path?: string, bit: bigint = P.EditListItems): void {
  if (!listIsLibrary(list)) throw unsupported("files in a list that is not a document library");
  const existing = path === undefined ? undefined : ctx.store.file(path);
  const item = existing ? ctx.store.item(list.guid, existing.itemId) : undefined;
  if (!item) {
    requireList(ctx, list, P.AddListItems);
    return;
  }
  if (!ctx.guard.canSeeItem(list, item)) throw fileNotFound();
  if (!ctx.guard.mayWriteItem(list, item, bit)) throw accessDenied();
}

export async function addFile(ctx: Ctx, list: ListRow, folder: string, seg: Segment): Promise<ApiResponse> {
  if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ${seg.raw}`);
  const named = seg.args?.named ?? {};
  const name = String(named.decodedurl ?? named.url ?? firstArg(seg) ?? "");
  assertValidFileName(name, `${folder}/${name}`);
  const overwrite = named.overwrite === true;
  assertCanWriteLibrary(ctx, list, overwrite ? `${folder}/${name}` : undefined);
  const file = await writeFile(ctx, list, `${folder}/${name}`, ctx.req.body, !overwrite);
  return single(ctx, fileEntity(ctx, file), "SP.File");
}

export async function fileContent(ctx: Ctx, list: ListRow, path: string): Promise<ApiResponse> {
  if (ctx.method === "GET") {
    const file = visibleFile(ctx, list, path);
    const bytes = ctx.store.fileBytes(path);
    if (!bytes) throw fileNotFound();
    return {
      status: 200,
      headers: { "Content-Type": "application/octet-stream", ETag: `"{${file.guid.toUpperCase()}},${file.version}"` },
      body: bytes,
    };
  }
  if (ctx.method === "PUT" || ctx.method === "POST") {
    visibleFile(ctx, list, path);
    assertCanWriteLibrary(ctx, list, path);
    await writeFile(ctx, list, path, ctx.req.body, false);
    return empty(204);
  }
  throw unsupported(`${ctx.method} on $value`);
}

export async function chunkedUpload(ctx: Ctx, list: ListRow, path: string, seg: Segment): Promise<ApiResponse> {
  if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ${seg.raw}`);
  visibleFile(ctx, list, path);
  assertCanWriteLibrary(ctx, list, path);
  const named = seg.args?.named ?? {};
  const uploadId = String(named.uploadid ?? "").toLowerCase();
  if (uploadId === "") throw badRequest(`${seg.raw} needs an uploadId.`);
  const body = ctx.req.body;
  const offsetDoc = (name: string, value: number) =>
    json(200, primitiveDocument(name, String(value), ctx.format, metadataUrl(ctx, "Edm.Int64")), ctx.format);
  if (seg.name === "startupload") {
    ctx.uploads.set(uploadId, { path, chunks: [Buffer.from(body)], length: body.length });
    return offsetDoc("StartUpload", body.length);
  }
  const session = ctx.uploads.get(uploadId);
  if (!session || session.path.toLowerCase() !== path.toLowerCase()) {
    throw new SpError(400, "-2146233079, Microsoft.SharePoint.SPException", "The upload session was not found.");
  }
  if (seg.name === "cancelupload") {
    ctx.uploads.delete(uploadId);
    return empty(200);
  }
  const offset = Number(named.fileoffset);
  if (offset !== session.length)
    throw badRequest(
      `The file offset ${String(named.fileoffset)} does not match the uploaded length ${session.length}.`,
    );
  session.chunks.push(Buffer.from(body));
  session.length += body.length;
  if (seg.name === "continueupload") return offsetDoc("ContinueUpload", session.length);
  ctx.uploads.delete(uploadId);
  const file = await writeFile(ctx, list, session.path, Buffer.concat(session.chunks), false);
  return single(ctx, fileEntity(ctx, file), "SP.File");
}

export async function deleteFile(ctx: Ctx, list: ListRow, path: string): Promise<ApiResponse> {
  visibleFile(ctx, list, path);
  assertCanWriteLibrary(ctx, list, path, P.DeleteListItems);
  await ctx.store.commit(() => {
    const file = ctx.store.file(path);
    if (!file) throw fileNotFound();
    const item = ctx.store.item(list.guid, file.itemId);
    if (item) ctx.store.deleteItem(item);
    ctx.store.deleteFile(path);
    ctx.security.forgetScope(ctx.site.id, itemScope(list.guid, file.itemId));
  });
  return empty(200);
}
