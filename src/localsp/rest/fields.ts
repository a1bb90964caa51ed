// A list's fields: adding one (add, addfield, createFieldAsXml), reading, changing and deleting it.
import { badRequest, fieldNotFound, SpError, unsupported } from "../errors";
import {
  applyFieldProps,
  fieldBodyFromSchemaXml,
  fieldEntity,
  isMulti,
  KIND,
  newField,
  typeAsStringOf,
} from "../fields";
import { entityDocument } from "../format";
import { P } from "../permissions";
import type { ListRow } from "../store";
import { type Ctx, requireList } from "./context";
import { type ApiResponse, empty, json, parseJsonBody } from "./http";
import { metadataUrl, single } from "./projection";

export async function addField(ctx: Ctx, list: ListRow, how: "add" | "addfield" | "xml"): Promise<ApiResponse> {
  if (ctx.method !== "POST") throw unsupported(`${ctx.method} on fields`);
  requireList(ctx, list, P.ManageLists);
  const raw = parseJsonBody(ctx.req);
  let body: Record<string, unknown> = raw;
  let internalName: string | undefined;
  if (how === "addfield") body = (raw.parameters ?? {}) as Record<string, unknown>;
  if (how === "xml") {
    const params = (raw.parameters ?? {}) as Record<string, unknown>;
    if (typeof params.SchemaXml !== "string") throw badRequest("createFieldAsXml needs parameters.SchemaXml.");
    ({ body, internalName } = fieldBodyFromSchemaXml(params.SchemaXml));
  }
  const field = newField(list, ctx.store.fields(list.guid), body, internalName);
  if (field.kind === KIND.Lookup && !ctx.store.listByGuid(ctx.site.id, field.props.LookupList ?? "")) {
    throw badRequest(`The lookup list '${field.props.LookupList ?? ""}' does not exist.`);
  }
  await ctx.store.commit(() => ctx.store.insertField(field));
  const status = how === "add" ? 201 : 200;
  return json(
    status,
    entityDocument(
      fieldEntity(field, ctx.webUrl),
      ctx.format,
      metadataUrl(ctx, `${typeAsStringOf(field.kind, false)}/@Element`),
    ),
    ctx.format,
  );
}

export async function fieldRequest(
  ctx: Ctx,
  list: ListRow,
  name: string,
  by: "id" | "title" | "nameOrTitle",
): Promise<ApiResponse> {
  const fields = ctx.store.fields(list.guid);
  const lower = name.toLowerCase().replace(/[{}]/g, "");
  const found = fields.find((f) =>
    by === "id"
      ? f.guid === lower
      : by === "title"
        ? f.title.toLowerCase() === lower
        : f.internalName.toLowerCase() === lower || f.title.toLowerCase() === lower,
  );
  if (!found) throw fieldNotFound(name);
  // A copy: the store's cached rows must not change before the write commits.
  const field = { ...found, props: { ...found.props } };
  if (ctx.method === "GET")
    return single(ctx, fieldEntity(field, ctx.webUrl), fieldEntity(field, ctx.webUrl).meta.type);
  requireList(ctx, list, P.ManageLists);
  if (ctx.method === "MERGE" || ctx.method === "PATCH") {
    const body = parseJsonBody(ctx.req);
    if (typeof body.Title === "string") field.title = body.Title;
    const before = isMulti(field);
    field.props = applyFieldProps(field.props, body);
    field.typeAsString = typeAsStringOf(field.kind, isMulti(field));
    if (before && !isMulti(field)) throw unsupported("turning a multi-value field back into a single-value field");
    await ctx.store.commit(() => ctx.store.updateField(field));
    return empty(204);
  }
  if (ctx.method === "DELETE") {
    if (field.builtIn)
      throw new SpError(500, "-2146232832, Microsoft.SharePoint.SPException", "You cannot delete a built-in field.");
    await ctx.store.commit(() => ctx.store.deleteField(field.guid));
    return empty(200);
  }
  throw unsupported(`${ctx.method} on a field`);
}
