// Path resolution: one `/_api/...` segment at a time, from the resource reached so far to the next
// one, or straight to an answer for the segments that are methods (add, ensureuser, $value, ...).
import { fileNotFound, unsupported, viewNotFound } from "../errors";
import { firstArg, type Segment } from "../segments";
import { defaultViewTitle } from "../views";
import { addAttachment, attachmentContent, deleteAttachment } from "./attachments";
import { guardFor } from "./auth";
import type { Ctx, Resource } from "./context";
import { addField } from "./fields";
import { addFile, chunkedUpload, fileContent } from "./files";
import { type ApiResponse, fileContentInBatch } from "./http";
import {
  fileByPath,
  folderByPath,
  listByGuid,
  listByTitle,
  listByUrl,
  siteUserByEmail,
  siteUserById,
  siteUserByLogin,
  viewById,
  visibleFile,
  visibleItem,
} from "./lookup";
import { securityStepAt } from "./security";
import { changeViewFields } from "./views";
import { ensureUser } from "./web";

export function step(
  ctx: Ctx,
  at: Resource,
  seg: Segment,
  rest: Segment[],
): { resource: Resource } | { response: ApiResponse | Promise<ApiResponse> } {
  const arg = firstArg(seg);
  const str = (v: unknown) => String(v ?? "");
  const done = (resource: Resource) => ({ resource });
  switch (at.kind) {
    case "root":
      if (seg.name === "web" && !seg.args) return done({ kind: "web" });
      break;
    case "web":
      switch (seg.name) {
        case "lists":
          if (seg.args && arg !== undefined) return done({ kind: "list", list: listByGuid(ctx, str(arg)) });
          return done({ kind: "lists" });
        case "getlist":
          return done({ kind: "list", list: listByUrl(ctx, str(arg)) });
        case "currentuser":
          return done({ kind: "user", user: ctx.user });
        case "siteusers":
          if (seg.args && arg !== undefined) return done({ kind: "user", user: siteUserByLogin(ctx, str(arg)) });
          return done({ kind: "siteUsers" });
        case "getuserbyid":
          return done({ kind: "user", user: siteUserById(ctx, Number(arg)) });
        case "ensureuser":
          if (rest.length === 0) return { response: ensureUser(ctx, arg === undefined ? undefined : str(arg)) };
          break;
        case "effectivebasepermissions":
          return done({ kind: "permissions", mask: () => ctx.guard.web() });
        case "getusereffectivepermissions": {
          const who = guardFor(ctx, str(arg));
          return done({ kind: "permissions", mask: () => who.web() });
        }
        case "regionalsettings":
          if (!seg.args) return done({ kind: "regionalSettings" });
          break;
        case "getfolderbyserverrelativepath":
        case "getfolderbyserverrelativeurl":
          return done(folderByPath(ctx, str(arg)));
        case "getfilebyserverrelativepath":
        case "getfilebyserverrelativeurl":
          return done(fileByPath(ctx, str(arg)));
      }
      break;
    case "regionalSettings":
      if (seg.name === "timezone" && !seg.args) return done({ kind: "timeZone" });
      break;
    case "user":
      if (seg.name === "groups" && !seg.args)
        return done({ kind: "security", res: { kind: "userGroups", userId: at.user.id } });
      break;
    case "siteUsers":
      switch (seg.name) {
        case "getbyid":
          return done({ kind: "user", user: siteUserById(ctx, Number(arg)) });
        case "getbyemail":
          return done({ kind: "user", user: siteUserByEmail(ctx, str(arg)) });
        case "getbyloginname":
          return done({ kind: "user", user: siteUserByLogin(ctx, str(arg)) });
      }
      break;
    case "lists":
      switch (seg.name) {
        case "getbytitle":
          return done({ kind: "list", list: listByTitle(ctx, str(arg)) });
        case "getbyid":
          return done({ kind: "list", list: listByGuid(ctx, str(arg)) });
      }
      break;
    case "list": {
      const list = at.list;
      switch (seg.name) {
        case "items":
          if (seg.args && arg !== undefined) return done({ kind: "item", list, id: Number(arg) });
          return done({ kind: "items", list });
        case "getitembyid":
          return done({ kind: "item", list, id: Number(arg) });
        case "fields":
          if (seg.args && arg !== undefined) return done({ kind: "field", list, name: str(arg), by: "id" });
          return done({ kind: "fields", list });
        case "effectivebasepermissions":
          return done({ kind: "permissions", mask: () => ctx.guard.list(list) });
        case "getusereffectivepermissions": {
          const who = guardFor(ctx, str(arg), list);
          return done({ kind: "permissions", mask: () => who.list(list) });
        }
        case "rootfolder":
          return done({ kind: "folder", list, path: `${ctx.sitePath}/${list.urlName}` });
        case "defaultview":
          return done({ kind: "view", list });
        case "views":
          if (seg.args && arg !== undefined) return done({ kind: "view", list: viewById(ctx, list, str(arg)) });
          return done({ kind: "views", list });
      }
      break;
    }
    case "views":
      switch (seg.name) {
        case "getbytitle":
          // Only the default view exists here; view titles compare as SharePoint's do (case-sensitive, per @pnp/sp).
          if (str(arg) !== defaultViewTitle(at.list)) throw viewNotFound();
          return done({ kind: "view", list: at.list });
        case "getbyid":
          return done({ kind: "view", list: viewById(ctx, at.list, str(arg)) });
      }
      break;
    case "view":
      if (seg.name === "viewfields") return done({ kind: "viewFields", list: at.list });
      break;
    case "viewFields":
      switch (seg.name) {
        case "addviewfield":
        case "removeviewfield":
          if (rest.length === 0)
            return {
              response: changeViewFields(ctx, at.list, seg.name === "addviewfield" ? "add" : "remove", str(arg)),
            };
          break;
      }
      break;
    case "fields":
      switch (seg.name) {
        case "getbyid":
          return done({ kind: "field", list: at.list, name: str(arg), by: "id" });
        case "getbytitle":
          return done({ kind: "field", list: at.list, name: str(arg), by: "title" });
        case "getbyinternalnameortitle":
          return done({ kind: "field", list: at.list, name: str(arg), by: "nameOrTitle" });
        case "addfield":
          if (rest.length === 0) return { response: addField(ctx, at.list, "addfield") };
          break;
        case "createfieldasxml":
          if (rest.length === 0) return { response: addField(ctx, at.list, "xml") };
          break;
      }
      break;
    case "item":
      switch (seg.name) {
        case "versions":
          return done({ kind: "versions", list: at.list, id: at.id });
        case "effectivebasepermissions": {
          const item = visibleItem(ctx, at.list, at.id);
          return done({ kind: "permissions", mask: () => ctx.guard.item(at.list, item) });
        }
        case "getusereffectivepermissions": {
          const item = visibleItem(ctx, at.list, at.id);
          const who = guardFor(ctx, str(arg), at.list);
          return done({ kind: "permissions", mask: () => who.item(at.list, item) });
        }
        case "attachmentfiles":
          if (seg.args && arg !== undefined)
            return done({ kind: "attachment", list: at.list, id: at.id, name: str(arg) });
          return done({ kind: "attachments", list: at.list, id: at.id });
        case "file": {
          const file = ctx.store.fileByItem(at.list.guid, at.id);
          if (!file) throw fileNotFound();
          return done({ kind: "file", list: at.list, path: file.path });
        }
      }
      break;
    case "folder":
      if (seg.name === "files") {
        if (seg.args && arg !== undefined) return done({ kind: "file", list: at.list, path: `${at.path}/${str(arg)}` });
        return done({ kind: "files", list: at.list, folder: at.path });
      }
      break;
    case "files":
      switch (seg.name) {
        case "getbyurl":
          return done({ kind: "file", list: at.list, path: `${at.folder}/${str(arg)}` });
        case "addusingpath":
        case "add":
          if (ctx.inBatch) throw fileContentInBatch();
          if (rest.length === 0) return { response: addFile(ctx, at.list, at.folder, seg) };
          break;
      }
      break;
    case "attachments":
      switch (seg.name) {
        case "getbyfilename":
        case "getbyfilenameaspath":
          return done({ kind: "attachment", list: at.list, id: at.id, name: str(arg) });
        case "add":
        case "addusingpath":
          if (ctx.inBatch) throw fileContentInBatch();
          if (rest.length === 0) return { response: addAttachment(ctx, at.list, at.id, seg) };
          break;
      }
      break;
    case "attachment":
      switch (seg.name) {
        case "$value":
          if (ctx.inBatch) throw fileContentInBatch();
          if (rest.length === 0) return { response: attachmentContent(ctx, at.list, at.id, at.name) };
          break;
        case "recycleobject":
          if (rest.length === 0) return { response: deleteAttachment(ctx, at.list, at.id, at.name) };
          break;
      }
      break;
    case "file":
      switch (seg.name) {
        case "$value":
          if (ctx.inBatch) throw fileContentInBatch();
          if (rest.length === 0) return { response: fileContent(ctx, at.list, at.path) };
          break;
        case "startupload":
        case "continueupload":
        case "finishupload":
        case "cancelupload":
          if (ctx.inBatch) throw fileContentInBatch();
          if (rest.length === 0) return { response: chunkedUpload(ctx, at.list, at.path, seg) };
          break;
        case "listitemallfields": {
          const file = visibleFile(ctx, at.list, at.path);
          return done({ kind: "item", list: at.list, id: file.itemId });
        }
      }
      break;
  }
  const secured = securityStepAt(ctx, at, seg, rest);
  if (secured) return secured;
  throw unsupported(`the REST path segment '${seg.raw}'${at.kind === "root" ? "" : ` on ${at.kind}`}`);
}
