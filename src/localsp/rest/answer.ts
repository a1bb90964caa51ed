// Answering a resolved resource by HTTP method: GET reads, POST creates, MERGE/PATCH/PUT update,
// DELETE removes; the handlers live in the files named after the resource.
import { attachmentFolder } from "../attachments";
import { unsupported } from "../errors";
import { fieldEntity } from "../fields";
import { Entity, entityAt } from "../format";
import { itemEntity, parseProjection } from "../item-projection";
import { listEntityPath } from "../items";
import { P } from "../permissions";
import { regionalSettingsProps, siteTimeZone, timeZoneProps } from "../regional";
import { listScope } from "../security";
import { answerSecurity, basePermissionsDocument } from "../security-answers";
import { defaultViewOf, viewFieldsSchemaXml } from "../views";
import { attachmentEntity, deleteAttachment } from "./attachments";
import { type Ctx, requireList, type Resource } from "./context";
import { addField, fieldRequest } from "./fields";
import { deleteFile, fileEntity, folderEntity, listFiles } from "./files";
import { type ApiResponse, empty, json } from "./http";
import { addItem, deleteItem, getItems, updateItem, versions } from "./items";
import { createList, listEntity, updateList } from "./lists";
import { securityHost } from "./security";
import { scopeOf, visibleAttachment, visibleFile, visibleItem, visibleList } from "./lookup";
import { collection, single } from "./projection";
import { viewEntity } from "./views";
import { userEntity, webEntity } from "./web";

export async function answer(ctx: Ctx, r: Resource): Promise<ApiResponse> {
  const { method } = ctx;
  switch (r.kind) {
    case "web":
      if (method === "GET") return single(ctx, webEntity(ctx), "SP.Web");
      break;
    case "siteUsers":
      if (method === "GET")
        return collection(
          ctx,
          ctx.store.siteUsers(ctx.site.id).map((u) => userEntity(ctx, u)),
          "SP.User",
        );
      break;
    case "regionalSettings":
      if (method === "GET") {
        const path = "Web/RegionalSettings";
        return single(
          ctx,
          new Entity(entityAt(ctx.webUrl, "SP.RegionalSettings", path), regionalSettingsProps()),
          "SP.RegionalSettings",
        );
      }
      break;
    case "timeZone":
      if (method === "GET") {
        const path = "Web/RegionalSettings/TimeZone";
        const entity = new Entity(
          entityAt(ctx.webUrl, "SP.TimeZone", path),
          timeZoneProps(siteTimeZone(ctx.store, ctx.site.id)),
        );
        return single(ctx, entity, "SP.TimeZone");
      }
      break;
    case "user":
      if (method === "GET") return single(ctx, userEntity(ctx, r.user), "SP.User");
      break;
    case "lists":
      if (method === "GET") {
        const lists = ctx.store.lists(ctx.site.id).filter((l) => visibleList(ctx, l));
        return collection(
          ctx,
          lists.map((l) => listEntity(ctx, l)),
          "SP.List",
        );
      }
      if (method === "POST") return createList(ctx);
      break;
    case "list":
      if (method === "GET") return single(ctx, listEntity(ctx, r.list), "SP.List");
      if (method === "MERGE" || method === "PATCH") return updateList(ctx, r.list);
      if (method === "DELETE") {
        requireList(ctx, r.list, P.ManageLists);
        await ctx.store.commit(() => {
          ctx.store.deleteList(r.list.guid);
          ctx.security.forgetScope(ctx.site.id, listScope(r.list.guid));
        });
        return empty(200);
      }
      break;
    case "fields":
      if (method === "GET")
        return collection(
          ctx,
          ctx.store.fields(r.list.guid).map((f) => fieldEntity(f, ctx.webUrl)),
          "SP.Field",
        );
      if (method === "POST") return addField(ctx, r.list, "add");
      break;
    case "field":
      return fieldRequest(ctx, r.list, r.name, r.by);
    case "items":
      if (method === "GET") return getItems(ctx, r.list);
      if (method === "POST") return addItem(ctx, r.list);
      break;
    case "item":
      if (method === "GET") {
        const scope = scopeOf(ctx, r.list);
        const projection = parseProjection(scope, ctx.query.get("$select"), ctx.query.get("$expand"));
        return single(
          ctx,
          itemEntity(scope, visibleItem(ctx, r.list, r.id), projection),
          `SP.ListData.${r.list.entityName}s/@Element`,
        );
      }
      if (method === "MERGE" || method === "PATCH" || method === "PUT") return updateItem(ctx, r.list, r.id);
      if (method === "DELETE") return deleteItem(ctx, r.list, r.id);
      if (method === "POST" && ctx.req.headers["x-http-method"] === undefined)
        throw unsupported("POST to an item without X-HTTP-Method");
      break;
    case "versions":
      if (method === "GET") return versions(ctx, r.list, r.id);
      break;
    case "permissions":
      if (method === "GET") return json(200, basePermissionsDocument(ctx, r.mask()), ctx.format);
      break;
    case "security":
      return answerSecurity(securityHost(ctx), r.res);
    case "folder":
      if (method === "GET") return single(ctx, folderEntity(ctx, r.list, r.path), "SP.Folder");
      break;
    case "files":
      if (method === "GET") return listFiles(ctx, r.list, r.folder);
      break;
    case "views":
      if (method === "GET") return collection(ctx, [viewEntity(ctx, r.list)], "SP.View");
      break;
    case "view":
      if (method === "GET") return single(ctx, viewEntity(ctx, r.list), "SP.View");
      break;
    case "viewFields":
      if (method === "GET") {
        const view = defaultViewOf(r.list, ctx.store.storedView(r.list.guid));
        const path = `${listEntityPath(r.list)}/Views(guid'${view.guid}')/ViewFields`;
        const entity = new Entity(entityAt(ctx.webUrl, "SP.ViewFieldCollection", path), {
          SchemaXml: viewFieldsSchemaXml(view.fields),
          Items: view.fields,
        });
        return single(ctx, entity, "SP.ViewFieldCollection");
      }
      break;
    case "attachments":
      if (method === "GET") {
        visibleItem(ctx, r.list, r.id);
        const files = ctx.store.filesIn(attachmentFolder(ctx.sitePath, r.list, r.id));
        return collection(
          ctx,
          files.map((f) => attachmentEntity(ctx, r.list, r.id, f.name)),
          "SP.Attachment",
        );
      }
      break;
    case "attachment":
      if (method === "GET")
        return single(
          ctx,
          attachmentEntity(ctx, r.list, r.id, visibleAttachment(ctx, r.list, r.id, r.name).name),
          "SP.Attachment",
        );
      if (method === "DELETE") return deleteAttachment(ctx, r.list, r.id, r.name);
      break;
    case "file":
      if (method === "GET") {
        return single(ctx, fileEntity(ctx, visibleFile(ctx, r.list, r.path)), "SP.File");
      }
      if (method === "DELETE") return deleteFile(ctx, r.list, r.path);
      break;
  }
  throw unsupported(`${method} on ${r.kind}`);
}
