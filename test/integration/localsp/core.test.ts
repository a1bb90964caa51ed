import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, EDITOR, call, freshSite, spAs, startTestServer, type TestServer } from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("local SharePoint core through @pnp/sp", () => {
  it("provisions a list with fields and does item CRUD with ETags", async () => {
    const site = freshSite(server);
    const sp = spAs(site, EDITOR);
    const web = await sp.web();
    expect(web.Url).toBe(site);
    const me = await sp.web.currentUser();
    expect(me.Email).toBe(EDITOR);

    const ensured = await sp.web.lists.ensure("Tasks", "desc", 100);
    expect(ensured.created).toBe(true);
    const again = await sp.web.lists.ensure("tasks", "desc", 100);
    expect(again.created).toBe(false);
    const list = sp.web.lists.getByTitle("Tasks");
    const status = await list.fields.addChoice("Status", { Choices: ["New", "Done"] });
    expect(status.InternalName).toBe("Status");
    await list.fields.addUser("Owner", {});
    await list.fields.addDateTime("Due", {});
    await list.fields.addNumber("Score", {});
    await list.fields.addMultilineText("Notes", {});
    const listInfo = await list.select("Id")();
    await list.fields.addLookup("Parent", { LookupListId: listInfo.Id, LookupFieldName: "Title" });

    const admin = await sp.web.ensureUser(`i:0#.f|membership|${ADMIN}`);
    const created = await list.items.add({
      Title: "a",
      Status: "New",
      OwnerId: admin.Id,
      Due: "2026-03-01T00:00:00Z",
      Score: 3,
    });
    expect(created.Id).toBe(1);
    expect(created["odata.etag"]).toBe('"1"');
    const child = await list.items.add({ Title: "b", ParentId: created.Id });

    const updated = await list.items.getById(created.Id).update({ Title: "a2" }, '"1"');
    expect(updated.etag).toBe('"2"');
    await expect(list.items.getById(created.Id).update({ Title: "stale" }, '"1"')).rejects.toMatchObject({
      status: 412,
    });
    const reread = await list.items.getById(created.Id)();
    expect(reread.Title).toBe("a2");

    const rows = await list.items
      .select("Id", "Title", "Owner/Title", "Owner/EMail", "Parent/Title")
      .expand("Owner", "Parent")
      .filter("Status eq 'New' and Due ge datetime'2026-01-01T00:00:00Z'")
      .orderBy("Due", false)
      .top(2)();
    expect(rows).toHaveLength(1);
    expect(rows[0].Owner.EMail).toBe(ADMIN);

    const kids = await list.items.select("Id", "Parent/Title").expand("Parent").filter(`Parent/Id eq ${created.Id}`)();
    expect(kids.map((k: { Id: number }) => k.Id)).toEqual([child.Id]);
    expect(kids[0].Parent.Title).toBe("a2");

    await list.items.getById(child.Id).delete();
    await expect(list.items.getById(child.Id)()).rejects.toMatchObject({ status: 404 });
  });

  it("accepts verbose write bodies (__metadata, {results} multi-values) and answers verbose reads", async () => {
    const site = freshSite(server);
    const sp = spAs(site, EDITOR);
    await sp.web.lists.add("People", "", 100);
    const list = sp.web.lists.getByTitle("People");
    const leads = await list.fields.addUser("Leads", {});
    await list.fields.getById(leads.Id as string).update({ AllowMultipleValues: true }, "SP.FieldUser");
    await list.fields.addMultiChoice("Tags", { Choices: ["a", "b", "c"] });
    const a = await sp.web.ensureUser(ADMIN);
    const b = await sp.web.ensureUser(EDITOR);
    const verbose = { Accept: "application/json;odata=verbose", "Content-Type": "application/json;odata=verbose" };
    const created = await call(`${site}/_api/web/lists/getByTitle('People')/items`, {
      method: "POST",
      upn: EDITOR,
      headers: verbose,
      body: {
        __metadata: { type: "SP.Data.PeopleListItem" },
        Title: "v",
        LeadsId: { results: [a.Id, b.Id] },
        Tags: { results: ["a", "c"] },
      },
    });
    expect(created.status).toBe(201);
    const d = (created.json() as { d: Record<string, unknown> }).d;
    expect(d).toMatchObject({
      __metadata: { type: "SP.Data.PeopleListItem", etag: '"1"' },
      LeadsId: { results: [a.Id, b.Id] },
      Tags: { results: ["a", "c"] },
    });
    const light = await list.items
      .getById(d.Id as number)
      .select("LeadsId", "Tags", "Leads/EMail")
      .expand("Leads")();
    expect(light).toMatchObject({
      LeadsId: [a.Id, b.Id],
      Tags: ["a", "c"],
      Leads: [{ EMail: ADMIN }, { EMail: EDITOR }],
    });
    const byLead = await list.items.select("Id").filter(`LeadsId eq ${b.Id}`)();
    expect(byLead).toHaveLength(1);
    await expect(list.items.add({ Title: "bad", LeadsId: 99 })).rejects.toMatchObject({ status: 400 });
    await expect(list.items.add({ Title: "bad", Nope: 1 })).rejects.toMatchObject({ status: 400 });
  });

  it("refuses requests without a valid token", async () => {
    const site = freshSite(server);
    const none = await call(`${site}/_api/web`, { upn: null });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
    const unknown = await call(`${site}/_api/web`, { upn: "nobody@wres.test" });
    expect(unknown.status).toBe(401);
  });
});
