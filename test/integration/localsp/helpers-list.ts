// Builds small lists on a fresh site over HTTP, as @pnp/sp would.
import { call } from "./support";

export async function createList(
  site: string,
  title: string,
  fields: { Title: string; FieldTypeKind: number; type: string; Indexed?: boolean }[] = [],
  upn = "admin@wres.test",
): Promise<string> {
  const created = await call(`${site}/_api/web/lists`, {
    method: "POST",
    upn,
    body: { Title: title, BaseTemplate: 100, AllowContentTypes: false, ContentTypesEnabled: false, Description: "" },
  });
  if (created.status !== 201) throw new Error(`list create failed ${created.status} ${created.text}`);
  for (const field of fields) {
    const { type, ...rest } = field;
    const added = await call(`${site}/_api/web/lists/getByTitle('${title}')/fields`, {
      method: "POST",
      upn,
      headers: { Accept: "application/json;odata=verbose", "Content-Type": "application/json;odata=verbose" },
      body: { __metadata: { type }, ...rest },
    });
    if (added.status !== 201) throw new Error(`field create failed ${added.status} ${added.text}`);
  }
  return (created.json() as { Id: string }).Id;
}
