// List item attachments (../attachments.ts holds their rules): add, read, replace and delete.
import {
  attachmentEmpty,
  attachmentExists,
  attachmentFolder,
  attachmentProps,
  attachmentsDisabled,
  attachmentsOffKey,
} from "../attachments";
import { accessDenied, fileNotFound, unsupported } from "../errors";
import { listIsLibrary } from "../fields";
import { Entity, entityAt } from "../format";
import { listEntityPath } from "../items";
import { assertValidFileName } from "../limits";
import { P } from "../permissions";
import { firstArg, type Segment } from "../segments";
import type { FileRecord, ItemRecord, ListRow } from "../store";
import type { Ctx } from "./context";
import { type ApiResponse, empty } from "./http";
import { visibleAttachment, visibleItem } from "./lookup";
import { single } from "./projection";

export function attachmentEntity(ctx: Ctx, list: ListRow, id: number, name: string): Entity {
  const api = `${listEntityPath(list)}/Items(${id})/AttachmentFiles('${name.replace(/'/g, "''")}')`;
  return new Entity(
    entityAt(ctx.webUrl, "SP.Attachment", api),
    attachmentProps(`${attachmentFolder(ctx.sitePath, list, id)}/${name}`, name),
  );
}

/**
 * Adding or removing an attachment changes the item: Edit Items on it (with the list's
 * WriteSecurity, so under WriteSecurity 2 only on one's own items), and a new version of the item.
 */
export async function changeAttachments(
  ctx: Ctx,
  list: ListRow,
  id: number,
  change: (item: ItemRecord) => void,
): Promise<void> {
  if (listIsLibrary(list)) throw unsupported("attachments in a document library (its items are files)");
  await ctx.store.commit(() => {
    const item = visibleItem(ctx, list, id);
    if (!ctx.guard.mayWriteItem(list, item, P.EditListItems)) throw accessDenied();
    change(item);
    ctx.store.updateItem(item, item.values, ctx.user.id);
  });
}

export async function addAttachment(ctx: Ctx, list: ListRow, id: number, seg: Segment): Promise<ApiResponse> {
  if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ${seg.raw}`);
  const named = seg.args?.named ?? {};
  const name = String(named.filename ?? named.decodedurl ?? firstArg(seg) ?? "");
  const folder = attachmentFolder(ctx.sitePath, list, id);
  const path = `${folder}/${name}`;
  let added: FileRecord | undefined;
  await changeAttachments(ctx, list, id, () => {
    if (ctx.store.getMeta(attachmentsOffKey(list.guid)) !== undefined) throw attachmentsDisabled();
    assertValidFileName(name, path);
    if (ctx.store.file(path)) throw attachmentExists(path.slice(ctx.sitePath.length + 1));
    if (ctx.req.body.length === 0) throw attachmentEmpty();
    added = ctx.store.putFile(
      { path, listGuid: list.guid, itemId: id, folder, name, authorId: ctx.user.id, editorId: ctx.user.id },
      ctx.req.body,
    );
  });
  return single(ctx, attachmentEntity(ctx, list, id, (added as FileRecord).name), "SP.Attachment");
}

export async function attachmentContent(ctx: Ctx, list: ListRow, id: number, name: string): Promise<ApiResponse> {
  const file = visibleAttachment(ctx, list, id, name);
  if (ctx.method === "GET") {
    const bytes = ctx.store.fileBytes(file.path);
    if (!bytes) throw fileNotFound();
    return {
      status: 200,
      headers: { "Content-Type": "application/octet-stream", ETag: `"{${file.guid.toUpperCase()}},${file.version}"` },
      body: bytes,
    };
  }
  if (ctx.method === "PUT" || ctx.method === "POST") {
    if (ctx.req.body.length === 0) throw attachmentEmpty();
    await changeAttachments(ctx, list, id, () => {
      ctx.store.putFile(
        {
          path: file.path,
          listGuid: list.guid,
          itemId: id,
          folder: file.folder,
          name: file.name,
          authorId: file.authorId,
          editorId: ctx.user.id,
        },
        ctx.req.body,
      );
    });
    return empty(204);
  }
  throw unsupported(`${ctx.method} on an attachment's $value`);
}

export async function deleteAttachment(ctx: Ctx, list: ListRow, id: number, name: string): Promise<ApiResponse> {
  if (ctx.method !== "DELETE" && ctx.method !== "POST") throw unsupported(`${ctx.method} on an attachment`);
  const file = visibleAttachment(ctx, list, id, name);
  await changeAttachments(ctx, list, id, () => ctx.store.deleteFile(file.path));
  return empty(200);
}
