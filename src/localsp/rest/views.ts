// The default view of a list and its view fields (../views.ts holds the view model).
import { fieldNotFound, unsupported } from "../errors";
import { Entity, entityAt } from "../format";
import { listEntityPath } from "../items";
import { P } from "../permissions";
import type { ListRow } from "../store";
import { defaultViewOf, defaultViewTitle, defaultViewUrl, viewFieldName } from "../views";
import { type Ctx, requireList } from "./context";
import { type ApiResponse, empty } from "./http";

export function viewEntity(ctx: Ctx, list: ListRow): Entity {
  const view = defaultViewOf(list, ctx.store.storedView(list.guid));
  const path = `${listEntityPath(list)}/Views(guid'${view.guid}')`;
  return new Entity(entityAt(ctx.webUrl, "SP.View", path), {
    DefaultView: true,
    Hidden: false,
    Id: view.guid,
    PersonalView: false,
    ReadOnlyView: false,
    RowLimit: 30,
    ServerRelativeUrl: defaultViewUrl(ctx.sitePath, list),
    Title: defaultViewTitle(list),
    ViewQuery: "",
  });
}

/** addViewField / removeViewField (POST, Manage Lists on the list), as SP.ViewFieldCollection.add and remove. */
export async function changeViewFields(
  ctx: Ctx,
  list: ListRow,
  how: "add" | "remove",
  name: string,
): Promise<ApiResponse> {
  if (ctx.method !== "POST") throw unsupported(`${ctx.method} on ViewFields`);
  requireList(ctx, list, P.ManageLists);
  const view = defaultViewOf(list, ctx.store.storedView(list.guid));
  const internal = viewFieldName(ctx.store.fields(list.guid), name);
  if (!internal) throw fieldNotFound(name);
  const fields =
    how === "add"
      ? view.fields.includes(internal)
        ? view.fields
        : [...view.fields, internal]
      : view.fields.filter((f) => f !== internal);
  await ctx.store.commit(() => ctx.store.saveView({ ...view, fields }));
  return empty(200);
}
