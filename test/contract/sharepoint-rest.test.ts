// The SharePoint Online REST contract the app relies on, as recorded in
// docs/sharepoint.md (what @pnp/sp 4.21 sends, what SPO answers): status codes, headers and
// body shapes, checked against the local server. A change that drifts from SharePoint fails here.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalSharePoint, type LocalSharePoint } from "../../src/localsp/server";

let server: LocalSharePoint;
let dataDir: string;
let site: string;
let sitePath: string;
const api = (path: string) => `${site}/_api/${path}`;
const JSON_LIGHT = /^application\/json;odata=minimalmetadata;streaming=true;charset=utf-8$/;

async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array; token?: string | null } = {},
): Promise<{ status: number; headers: Headers; text: string; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Content-Type": "application/json;charset=utf-8",
    ...(init.token === null ? {} : { Authorization: `Bearer dev:${init.token ?? "edi.lead@wres.test"}` }),
    ...init.headers,
  };
  const res = await fetch(url, { method: init.method ?? "GET", headers, body: init.body as BodyInit | undefined });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  return { status: res.status, headers: res.headers, text, body };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "wres-contract-"));
  server = await startLocalSharePoint({ port: 0, dataDir, seed: "none" });
  site = server.createSite("contract");
  sitePath = "/sites/contract";
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("SharePoint REST contract (docs/sharepoint.md §2-3)", () => {
  const state: { listId?: string; ownerId?: number; itemId?: number } = {};

  it("contextinfo is top-level minimal metadata (pnpjs parses it with JSONParse)", async () => {
    const r = await send(api("contextinfo"), { method: "POST", headers: { "X-PnPjs-NoDigest": "1" } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      FormDigestTimeoutSeconds: 1800,
      WebFullUrl: site,
      SiteFullUrl: site,
      LibraryVersion: "16.0.0.0",
    });
    expect(r.body.FormDigestValue).toEqual(expect.stringMatching(/^0x[0-9A-F]+,/));
    expect(r.body).not.toHaveProperty("d");
  });

  it("a request without a valid bearer token gets 401 with WWW-Authenticate", async () => {
    const r = await send(api("web"), { token: null });
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(
      /^Bearer realm="[^"]+",client_id="00000003-0000-0ff1-ce00-000000000000"/,
    );
  });

  it("GET web answers an SP.Web entity with odata annotations", async () => {
    const r = await send(api("web"));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(JSON_LIGHT);
    expect(r.body).toMatchObject({
      "odata.type": "SP.Web",
      "odata.editLink": "Web",
      Url: site,
      ServerRelativeUrl: sitePath,
    });
    expect(Object.keys(r.body)).toEqual(
      expect.arrayContaining(["odata.metadata", "odata.id", "Id", "Title", "Created"]),
    );
  });

  it("a missing list is 404 with SharePoint's ArgumentException body", async () => {
    const r = await send(api("web/lists/getByTitle('Tasks')?$select=Title"));
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      "odata.error": {
        code: "-1, System.ArgumentException",
        message: { lang: "en-US", value: `List 'Tasks' does not exist at site with URL '${site}'.` },
      },
    });
  });

  it("POST web/lists creates a list: 201 with the SP.List JSON", async () => {
    const r = await send(api("web/lists"), {
      method: "POST",
      body: JSON.stringify({
        AllowContentTypes: false,
        BaseTemplate: 100,
        ContentTypesEnabled: false,
        Description: "desc",
        Title: "Tasks",
      }),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      "odata.type": "SP.List",
      Title: "Tasks",
      BaseTemplate: 100,
      ListItemEntityTypeFullName: "SP.Data.TasksListItem",
      Description: "desc",
    });
    state.listId = r.body.Id as string;
    expect(state.listId).toMatch(/^[0-9a-f-]{36}$/);
    // getByTitle is case-insensitive; list MERGE answers 204.
    const merge = await send(api("web/lists/getByTitle('tasks')"), {
      method: "POST",
      headers: { "X-HTTP-Method": "MERGE", "IF-Match": "*" },
      body: JSON.stringify({ Title: "Tasks", Description: "desc", ContentTypesEnabled: false }),
    });
    expect(merge.status).toBe(204);
    expect(merge.text).toBe("");
  });

  it("fields.add* is verbose both ways and answers 201 in a d envelope", async () => {
    const verbose = { Accept: "application/json;odata=verbose", "Content-Type": "application/json;odata=verbose" };
    const text = await send(api("web/lists/getByTitle('Tasks')/fields"), {
      method: "POST",
      headers: verbose,
      body: JSON.stringify({ __metadata: { type: "SP.FieldText" }, Title: "Code", FieldTypeKind: 2, MaxLength: 50 }),
    });
    expect(text.status).toBe(201);
    expect(text.headers.get("content-type")).toMatch(/^application\/json;odata=verbose/);
    expect(text.body.d).toMatchObject({
      __metadata: { type: "SP.FieldText" },
      InternalName: "Code",
      StaticName: "Code",
      TypeAsString: "Text",
      FieldTypeKind: 2,
      MaxLength: 50,
    });
    const choice = await send(api("web/lists/getByTitle('Tasks')/fields"), {
      method: "POST",
      headers: verbose,
      body: JSON.stringify({
        __metadata: { type: "SP.FieldChoice" },
        Title: "Status",
        FieldTypeKind: 6,
        Choices: { results: ["New", "Done"] },
      }),
    });
    expect(choice.status).toBe(201);
    expect(choice.body.d).toMatchObject({ TypeAsString: "Choice", Choices: { results: ["New", "Done"] } });
    const user = await send(api("web/lists/getByTitle('Tasks')/fields"), {
      method: "POST",
      headers: verbose,
      body: JSON.stringify({
        __metadata: { type: "SP.FieldUser" },
        Title: "Owner",
        FieldTypeKind: 20,
        SelectionMode: 0,
      }),
    });
    expect(user.body.d).toMatchObject({ TypeAsString: "User", __metadata: { type: "SP.FieldUser" } });
    const date = await send(api("web/lists/getByTitle('Tasks')/fields"), {
      method: "POST",
      headers: verbose,
      body: JSON.stringify({
        __metadata: { type: "SP.FieldDateTime" },
        Title: "Due",
        FieldTypeKind: 4,
        DateTimeCalendarType: 1,
        DisplayFormat: 1,
        FriendlyDisplayFormat: 0,
      }),
    });
    expect(date.body.d).toMatchObject({ TypeAsString: "DateTime", DisplayFormat: 1 });
    // A plain title with a space gets SharePoint's encoded internal name.
    const spaced = await send(api("web/lists/getByTitle('Tasks')/fields"), {
      method: "POST",
      headers: verbose,
      body: JSON.stringify({
        __metadata: { type: "SP.FieldMultiLineText" },
        Title: "Work Notes",
        FieldTypeKind: 3,
        NumberOfLines: 6,
        RichText: false,
      }),
    });
    expect(spaced.body.d).toMatchObject({ InternalName: "Work_x0020_Notes", TypeAsString: "Note" });
  });

  it("fields/AddField creates a lookup with LookupList in braces", async () => {
    const r = await send(api("web/lists/getByTitle('Tasks')/fields/AddField"), {
      method: "POST",
      body: JSON.stringify({
        parameters: { Title: "Project", FieldTypeKind: 7, LookupListId: state.listId, LookupFieldName: "Title" },
      }),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      "odata.type": "SP.FieldLookup",
      LookupList: `{${state.listId}}`,
      LookupField: "Title",
      TypeAsString: "Lookup",
    });
  });

  it("ensureuser answers an SP.User", async () => {
    const r = await send(api("web/ensureuser"), {
      method: "POST",
      body: JSON.stringify({ logonName: "i:0#.f|membership|tom.hughes@wres.test" }),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      "odata.type": "SP.User",
      IsHiddenInUI: false,
      LoginName: "i:0#.f|membership|tom.hughes@wres.test",
      Title: "Tom Hughes",
      PrincipalType: 1,
      Email: "tom.hughes@wres.test",
      IsSiteAdmin: false,
      UserPrincipalName: "tom.hughes@wres.test",
      UserId: { NameIdIssuer: "urn:federation:microsoftonline" },
    });
    state.ownerId = r.body.Id as number;
    const alias = await send(
      `${api("web/siteUsers(@v)")}?%40v=%27${encodeURIComponent("i:0#.f|membership|tom.hughes@wres.test")}%27`,
    );
    expect(alias.status).toBe(200);
    expect(alias.body.Id).toBe(state.ownerId);
    expect((await send(api("web/siteUsers/getByEmail('nobody@wres.test')"))).status).toBe(404);
  });

  it('items.add answers 201 with the whole item, odata.etag "1", XId and XStringId', async () => {
    const r = await send(api("web/lists/getByTitle('Tasks')/items"), {
      method: "POST",
      body: JSON.stringify({
        Title: "a",
        Status: "New",
        OwnerId: state.ownerId,
        Due: "2026-03-01T00:00:00Z",
        Work_x0020_Notes: "x",
      }),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      "odata.type": "SP.Data.TasksListItem",
      "odata.etag": '"1"',
      "odata.editLink": `Web/Lists(guid'${state.listId}')/Items(1)`,
      FileSystemObjectType: 0,
      Id: 1,
      ID: 1,
      Title: "a",
      Status: "New",
      OwnerId: state.ownerId,
      OwnerStringId: String(state.ownerId),
      Due: "2026-03-01T00:00:00Z",
      ProjectId: null,
      OData__UIVersionString: "1.0",
      Attachments: false,
    });
    expect(Object.keys(r.body)).toEqual(
      expect.arrayContaining([
        "odata.metadata",
        "odata.id",
        "ContentTypeId",
        "Created",
        "Modified",
        "AuthorId",
        "EditorId",
        "GUID",
      ]),
    );
    state.itemId = 1;
    await send(api("web/lists/getByTitle('Tasks')/items"), {
      method: "POST",
      body: JSON.stringify({ Title: "b", ProjectId: 1 }),
    });
  });

  it("$select/$expand projects people as SP.Data.UserInfoItem with a navigation link", async () => {
    const q = new URLSearchParams({
      $select: "Id,Title,Owner/Title,Owner/EMail,Project/Title",
      $expand: "Owner,Project",
      $filter: "Status eq 'New' and Due ge datetime'2026-01-01T00:00:00Z'",
      $orderby: "Due desc",
      $top: "2",
    });
    const r = await send(`${api("web/lists/getByTitle('Tasks')/items")}?${q.toString()}`);
    expect(r.status).toBe(200);
    const value = r.body.value as Record<string, unknown>[];
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({
      "odata.etag": '"1"',
      "Owner@odata.navigationLinkUrl": `Web/Lists(guid'${state.listId}')/Items(1)/Owner`,
      Owner: { "odata.type": "SP.Data.UserInfoItem", Title: "Tom Hughes", EMail: "tom.hughes@wres.test" },
      Project: null,
      Id: 1,
      Title: "a",
    });
    const unexpanded = await send(`${api("web/lists/getByTitle('Tasks')/items")}?$select=Owner/Title`);
    expect(unexpanded.status).toBe(400);
  });

  it("pages carry an absolute odata.nextLink with $skiptoken=Paged=TRUE&p_ID=N", async () => {
    const first = await send(`${api("web/lists/getByTitle('Tasks')/items")}?%24top=1&%24select=Id%2CTitle`);
    expect(first.body["odata.nextLink"]).toBe(
      `${api("web/lists/getByTitle('Tasks')/items")}?%24top=1&%24select=Id%2CTitle&%24skiptoken=Paged%3DTRUE%26p_ID%3D1`,
    );
    const last = await send(first.body["odata.nextLink"] as string);
    expect((last.body.value as { Id: number }[]).map((v) => v.Id)).toEqual([2]);
    expect(last.body).not.toHaveProperty("odata.nextLink");
    // $skip is ignored on items, as on SharePoint Online.
    const skipped = await send(`${api("web/lists/getByTitle('Tasks')/items")}?$skip=1&$select=Id`);
    expect((skipped.body.value as { Id: number }[]).map((v) => v.Id)).toEqual([1, 2]);
  });

  it("nometadata drops annotations; verbose wraps in d with __metadata and results", async () => {
    const none = await send(`${api("web/lists/getByTitle('Tasks')/items")}?$select=Id,Title&$top=1`, {
      headers: { Accept: "application/json;odata=nometadata" },
    });
    expect(none.body).toEqual({
      value: [{ Id: 1, Title: "a" }],
      "odata.nextLink": expect.stringContaining("%24skiptoken="),
    });
    const verbose = await send(`${api("web/lists/getByTitle('Tasks')/items")}?$select=Id,Title&$top=1`, {
      headers: { Accept: "application/json;odata=verbose" },
    });
    const d = verbose.body.d as { results: Record<string, unknown>[]; __next: string };
    expect(d.results[0]).toMatchObject({
      __metadata: { type: "SP.Data.TasksListItem", etag: '"1"' },
      Id: 1,
      Title: "a",
    });
    expect(d.__next).toContain("%24skiptoken=");
    const missing = await send(api("web/lists/getByTitle('Nope')"), {
      headers: { Accept: "application/json;odata=verbose" },
    });
    expect(missing.body).toHaveProperty("error.code", "-1, System.ArgumentException");
  });

  it("MERGE with a matching ETag answers 204 and the new ETag; a stale one 412 with SharePoint's text", async () => {
    const url = api(`web/lists/getByTitle('Tasks')/items(${state.itemId})`);
    const ok = await send(url, {
      method: "POST",
      headers: { "X-HTTP-Method": "MERGE", "IF-Match": '"1"' },
      body: JSON.stringify({ Title: "b" }),
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("etag")).toBe('"2"');
    expect(ok.text).toBe("");
    expect(ok.headers.get("access-control-expose-headers")).toMatch(/ETag/);
    expect(ok.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
    const stale = await send(url, {
      method: "POST",
      headers: { "X-HTTP-Method": "MERGE", "IF-Match": '"1"' },
      body: JSON.stringify({ Title: "c" }),
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual({
      "odata.error": {
        code: "-1, Microsoft.SharePoint.Client.ClientServiceException",
        message: { lang: "en-US", value: `The request ETag value '"1"' does not match the object's ETag value '"2"'.` },
      },
    });
    const star = await send(url, {
      method: "POST",
      headers: { "X-HTTP-Method": "MERGE", "IF-Match": "*" },
      body: JSON.stringify({ Title: "d" }),
    });
    expect(star.status).toBe(204);
    expect(star.headers.get("etag")).toBe('"3"');
  });

  it("DELETE answers 200 with an empty body; a missing item is 404", async () => {
    const del = await send(api("web/lists/getByTitle('Tasks')/items(2)"), {
      method: "POST",
      headers: { "X-HTTP-Method": "DELETE", "IF-Match": "*" },
    });
    expect(del.status).toBe(200);
    expect(del.text).toBe("");
    const gone = await send(api("web/lists/getByTitle('Tasks')/items(2)"));
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      "odata.error": {
        code: "-2130575338, System.ArgumentException",
        message: { lang: "en-US", value: "Item does not exist. It may have been deleted by another user." },
      },
    });
  });

  it("effective permissions are High/Low strings at top level", async () => {
    // A member of a team site's Members group holds Edit on the web.
    const r = await send(api("web/EffectiveBasePermissions"), { token: "amara.okafor@wres.test" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ High: "432", Low: "1011030767" });
    const list = await send(api("web/lists/getByTitle('Tasks')/EffectiveBasePermissions"), {
      token: "committee@wres.test",
    });
    expect(list.body).toMatchObject({ High: "176", Low: "138612833" });
  });

  it("files: AddUsingPath takes raw bytes under a JSON content type; $value returns them", async () => {
    await send(api("web/lists"), {
      method: "POST",
      body: JSON.stringify({ Title: "Shared Documents", BaseTemplate: 101 }),
    });
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x7b, 0x22]);
    const folder = `web/getFolderByServerRelativePath(decodedUrl='${sitePath}/Shared Documents')`;
    const add = await send(api(`${folder}/files/AddUsingPath(decodedurl='Book.xlsx',Overwrite=true)`), {
      method: "POST",
      body: bytes,
    });
    expect(add.status).toBe(200);
    expect(add.body).toMatchObject({
      "odata.type": "SP.File",
      Name: "Book.xlsx",
      ServerRelativeUrl: `${sitePath}/Shared Documents/Book.xlsx`,
      Length: "6",
    });
    expect(add.body.ETag).toEqual(expect.stringMatching(/^"\{[0-9A-F-]{36}\},1"$/));
    const value = await fetch(
      api(`web/getFileByServerRelativePath(decodedUrl='${sitePath}/Shared Documents/Book.xlsx')/$value`),
      {
        headers: { Authorization: "Bearer dev:edi.lead@wres.test", Accept: "application/json" },
      },
    );
    expect(value.status).toBe(200);
    expect(value.headers.get("content-type")).toBe("application/octet-stream");
    expect(new Uint8Array(await value.arrayBuffer())).toEqual(bytes);
    const missing = await send(
      api(`web/getFileByServerRelativePath(decodedUrl='${sitePath}/Shared Documents/None.xlsx')/$value`),
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toHaveProperty(["odata.error", "code"], "-2147024894, System.IO.FileNotFoundException");
  });

  it("throttling answers carry Retry-After and clear after the configured count", async () => {
    server.faults.set({ throttle: { count: 1, status: 429, retryAfter: 1 } });
    const throttled = await send(api("web"));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("1");
    const after = await send(api("web"));
    expect(after.status).toBe(200);
  });

  it("$batch answers multipart/mixed with flat batchresponse parts", async () => {
    const body = `--batch_1\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\nGET ${api("web/lists/getByTitle('Tasks')/items?%24select=Id&%24top=1")} HTTP/1.1\naccept: application/json\ncontent-type: application/json;charset=utf-8\n\n--batch_1--\n`;
    const r = await send(api("$batch"), {
      method: "POST",
      headers: { "Content-Type": "multipart/mixed; boundary=batch_1" },
      body,
    });
    expect(r.status).toBe(200);
    expect(r.text).toMatch(
      /^--batchresponse_[0-9a-f-]+\r\nContent-Type: application\/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP\/1\.1 200 OK\r\n/,
    );
    expect(r.text).toMatch(/--batchresponse_[0-9a-f-]+--\r\n$/);
  });

  it("a list's default view: All Items, its fields, addViewField by internal or display name (docs/sharepoint.md §2.10)", async () => {
    const view = await send(api("web/lists/getByTitle('Tasks')/defaultView"));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      "odata.type": "SP.View",
      Title: "All Items",
      DefaultView: true,
      ServerRelativeUrl: "/sites/contract/Lists/Tasks/AllItems.aspx",
    });
    const before = await send(api("web/lists/getByTitle('Tasks')/views/getByTitle('All Items')/ViewFields"));
    expect(before.body).toMatchObject({ Items: ["LinkTitle"], SchemaXml: '<FieldRef Name="LinkTitle" />' });
    // Fields added through the fields collection are in no view until added to one.
    expect(
      await send(api("web/lists/getByTitle('Tasks')/defaultView/viewfields/addviewfield('Code')"), { method: "POST" }),
    ).toMatchObject({ status: 200 });
    const byDisplayName = await send(api("web/lists/getByTitle('Tasks')/fields/getByInternalNameOrTitle('Code')"), {
      method: "POST",
      headers: { "X-HTTP-Method": "MERGE" },
      body: JSON.stringify({ Title: "Task code" }),
    });
    expect(byDisplayName.status).toBe(204);
    await send(api("web/lists/getByTitle('Tasks')/defaultView/viewfields/addviewfield('Status')"), { method: "POST" });
    const after = await send(api(`web/lists/getByTitle('Tasks')/views('${view.body.Id as string}')/viewfields`));
    expect(after.body.Items).toEqual(["LinkTitle", "Code", "Status"]);
    expect(
      (await send(api("web/lists/getByTitle('Tasks')/defaultView/viewfields/addviewfield('Nope')"), { method: "POST" }))
        .status,
    ).toBe(404);
    expect((await send(api("web/lists/getByTitle('Tasks')/views/getByTitle('Other')"))).status).toBe(404);
    // Changing a view needs Manage Lists on the list.
    expect(
      (
        await send(api("web/lists/getByTitle('Tasks')/defaultView/viewfields/removeviewfield('Code')"), {
          method: "POST",
          token: "committee@wres.test",
        })
      ).status,
    ).toBe(403);
  });

  it("unsupported parts of the API are named in a 501", async () => {
    const r = await send(api("web/lists/getByTitle('Tasks')/contenttypes"));
    expect(r.status).toBe(501);
    expect((r.body["odata.error"] as { message: { value: string } }).message.value).toMatch(
      /^localsp: .* is not supported$/,
    );
  });
});
