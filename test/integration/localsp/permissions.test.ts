// SharePoint's permission rules on plain lists configured by hand the SharePoint way (no list the
// app knows): permission levels, site groups, inheritance, unique item permissions, WriteSecurity
// and ReadSecurity with the Override List Behaviors bypass, 404 for what one cannot see, server-set
// authorship, and delegated token scopes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermissionKind } from "@pnp/sp/security/index.js";
import "@pnp/sp/site-groups/index.js";
import {
  ADMIN,
  CHAIR,
  COMMITTEE,
  EDITOR,
  OWNER_AMARA,
  OWNER_TOM,
  call,
  freshSite,
  spAs,
  startTestServer,
  type TestServer,
} from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

const ACCESS_DENIED = {
  "odata.error": {
    code: "-2147024891, System.UnauthorizedAccessException",
    message: {
      lang: "en-US",
      value: "Access denied. You do not have permission to perform this action or access this resource.",
    },
  },
};

const MASKS = {
  full: { High: "2147483647", Low: "4294967295" },
  design: { High: "432", Low: "1012866047" },
  edit: { High: "432", Low: "1011030767" },
  contribute: { High: "432", Low: "1011028719" },
  read: { High: "176", Low: "138612833" },
  limited: { High: "48", Low: "134287360" },
};

const ROLE = {
  fullControl: 1073741829,
  design: 1073741828,
  edit: 1073741830,
  contribute: 1073741827,
  read: 1073741826,
};

async function masks(site: string, upn: string, path = "web", scopes?: string[]): Promise<unknown> {
  return (await call(`${site}/_api/${path}/EffectiveBasePermissions`, { upn, scopes })).json();
}

async function userId(site: string, upn: string): Promise<number> {
  return (await spAs(site, EDITOR).web.ensureUser(upn)).Id;
}

describe("a new site, as a team site starts", () => {
  it("has Owners (Full Control), Members (Edit) and Visitors (Read), with the demo users in them", async () => {
    const site = freshSite(server);
    const sp = spAs(site, EDITOR);
    const groups = await sp.web.siteGroups.select("Title")<{ Title: string }[]>();
    const name = new URL(site).pathname.split("/").pop() as string;
    expect(groups.map((g) => g.Title)).toEqual([`${name} Owners`, `${name} Members`, `${name} Visitors`]);
    expect(await masks(site, ADMIN)).toMatchObject(MASKS.full);
    expect(await masks(site, EDITOR)).toMatchObject(MASKS.full);
    expect(await masks(site, OWNER_AMARA)).toMatchObject(MASKS.edit);
    expect(await masks(site, CHAIR)).toMatchObject(MASKS.edit);
    expect(await masks(site, COMMITTEE)).toMatchObject(MASKS.read);
    const defs = await sp.web.roleDefinitions.select("Name", "Id", "BasePermissions")<
      { Name: string; Id: number; BasePermissions: { High: string; Low: string } }[]
    >();
    expect(defs.find((d) => d.Name === "Design")).toMatchObject({ Id: ROLE.design, BasePermissions: MASKS.design });
    expect(defs.find((d) => d.Name === "Contribute")).toMatchObject({
      Id: ROLE.contribute,
      BasePermissions: MASKS.contribute,
    });
    // On a team site every member may change lists: Edit carries Manage Lists.
    await expect(spAs(site, OWNER_AMARA).web.lists.add("Member's list", "", 100)).resolves.toBeTruthy();
    await expect(spAs(site, COMMITTEE).web.lists.add("Visitor's list", "", 100)).rejects.toMatchObject({ status: 403 });
  });

  it("asks Enumerate Permissions before telling one user another's permissions", async () => {
    const site = freshSite(server);
    const forUser = (caller: string) =>
      call(
        `${site}/_api/web/getusereffectivepermissions(@u)?@u='${encodeURIComponent(`i:0#.f|membership|${COMMITTEE}`)}'`,
        { upn: caller },
      );
    expect((await forUser(ADMIN)).json()).toMatchObject(MASKS.read);
    expect((await forUser(OWNER_TOM)).status).toBe(403);
  });
});

describe("delegated token scopes trim what the user has", () => {
  it("AllSites.Read views, AllSites.Write adds items, AllSites.Manage adds Manage Lists, AllSites.FullControl everything", async () => {
    const site = freshSite(server);
    expect(await masks(site, EDITOR, "web", ["AllSites.Read"])).toMatchObject(MASKS.read);
    expect(await masks(site, EDITOR, "web", ["AllSites.Write"])).toMatchObject(MASKS.contribute);
    expect(await masks(site, EDITOR, "web", ["AllSites.Write", "AllSites.Manage"])).toMatchObject(MASKS.design);
    expect(await masks(site, EDITOR, "web", ["https://contoso.sharepoint.com/AllSites.FullControl"])).toMatchObject(
      MASKS.full,
    );
    // The intersection: a token cannot give more than the user has.
    expect(await masks(site, COMMITTEE, "web", ["AllSites.FullControl"])).toMatchObject(MASKS.read);
    expect((await call(`${site}/_api/web`, { upn: EDITOR, scopes: ["User.Read"] })).status).toBe(403);

    const write = spAs(site, EDITOR, ["AllSites.Write"]);
    await expect(write.web.lists.add("Needs Manage", "", 100)).rejects.toMatchObject({ status: 403 });
    expect(await write.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
    const manage = spAs(site, EDITOR, ["AllSites.Manage"]);
    await manage.web.lists.add("Made with Manage", "", 100);
    await expect(write.web.lists.getByTitle("Made with Manage").items.add({ Title: "row" })).resolves.toMatchObject({
      Title: "row",
    });
    await expect(
      spAs(site, EDITOR, ["AllSites.Read"]).web.lists.getByTitle("Made with Manage").items.add({ Title: "no" }),
    ).rejects.toMatchObject({ status: 403 });
    // Changing permissions needs Manage Permissions, which only AllSites.FullControl carries.
    await expect(manage.web.lists.getByTitle("Made with Manage").breakRoleInheritance(false)).rejects.toMatchObject({
      status: 403,
    });
    await expect(manage.web.siteGroups.add({ Title: "Manage cannot" })).rejects.toMatchObject({ status: 403 });
    await spAs(site, EDITOR, ["AllSites.FullControl"])
      .web.lists.getByTitle("Made with Manage")
      .breakRoleInheritance(false);
  });

  it("Sites.Selected reaches only the sites a tenant admin granted to the app, at the granted role, added to any AllSites scope", async () => {
    const site = freshSite(server);
    const other = freshSite(server);
    await call(`${site}/_api/web`, { upn: ADMIN });
    expect((await call(`${site}/_api/web`, { upn: EDITOR, scopes: ["Sites.Selected"] })).status).toBe(403);
    const siteName = new URL(site).pathname.split("/").pop() as string;
    const grants = `${server.url}/_localsp/sites/${siteName}/permissions`;
    const grant = (roles: unknown) =>
      fetch(grants, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          roles,
          grantedToIdentities: [{ application: { id: "89ea5c94-7736-4e25-95ad-3fa95f62b66e", displayName: "WRES" } }],
        }),
      });
    expect((await grant(["owner-of-everything"])).status).toBe(400);
    const made = await grant(["fullcontrol"]);
    expect(made.status).toBe(201);
    expect(await made.json()).toMatchObject({ roles: ["fullcontrol"] });
    expect(((await (await fetch(grants)).json()) as { value: unknown[] }).value).toHaveLength(1);
    expect(await masks(site, EDITOR, "web", ["Sites.Selected"])).toMatchObject(MASKS.full);
    // Never more than the user has; and only on the granted site.
    expect(await masks(site, COMMITTEE, "web", ["Sites.Selected"])).toMatchObject(MASKS.read);
    expect((await call(`${other}/_api/web`, { upn: EDITOR, scopes: ["Sites.Selected"] })).status).toBe(403);
    // Scopes add up: the everyday AllSites.Write with Sites.Selected is Full Control here, Contribute elsewhere.
    expect(await masks(site, EDITOR, "web", ["AllSites.Write", "Sites.Selected"])).toMatchObject(MASKS.full);
    expect(await masks(other, EDITOR, "web", ["AllSites.Write", "Sites.Selected"])).toMatchObject(MASKS.contribute);
    expect((await grant(["write"])).status).toBe(201);
    expect(await masks(site, EDITOR, "web", ["Sites.Selected"])).toMatchObject(MASKS.contribute);
    expect((await fetch(grants, { method: "DELETE" })).status).toBe(204);
    expect((await call(`${site}/_api/web`, { upn: EDITOR, scopes: ["Sites.Selected"] })).status).toBe(403);
    expect((await fetch(`${server.url}/_localsp/sites/no-such-site/permissions`)).status).toBe(404);
  });
});

/**
 * Plain lists configured by hand: "Tasks" stops inheriting (only the Visitors and Members groups
 * read it, the editor keeps Full Control), and item 1 gives Amara Contribute on just that item.
 */
async function handConfiguredSite(): Promise<{ site: string; amaraItem: number; tomItem: number; secretItem: number }> {
  const site = freshSite(server);
  const sp = spAs(site, EDITOR);
  await sp.web.lists.add("Tasks", "", 100, false);
  const tasks = sp.web.lists.getByTitle("Tasks");
  const amaraItem = (await tasks.items.add({ Title: "Amara's task" })).Id;
  const tomItem = (await tasks.items.add({ Title: "Tom's task" })).Id;
  const secretItem = (await tasks.items.add({ Title: "For editors only" })).Id;
  await tasks.breakRoleInheritance(false, true);
  const members = await sp.web.associatedMemberGroup();
  const visitors = await sp.web.associatedVisitorGroup();
  await tasks.roleAssignments.add(members.Id, ROLE.read);
  await tasks.roleAssignments.add(visitors.Id, ROLE.read);
  const amara = await userId(site, OWNER_AMARA);
  await tasks.items.getById(amaraItem).breakRoleInheritance(true, false);
  await tasks.items.getById(amaraItem).roleAssignments.add(amara, ROLE.contribute);
  await tasks.items.getById(secretItem).breakRoleInheritance(false, false);
  return { site, amaraItem, tomItem, secretItem };
}

describe("unique permissions on lists and items", () => {
  it("lets a user change only the item they were given Contribute on, and no list setting", async () => {
    const { site, amaraItem, tomItem } = await handConfiguredSite();
    const tasks = spAs(site, OWNER_AMARA).web.lists.getByTitle("Tasks");
    await expect(tasks.items.getById(amaraItem).update({ Title: "mine, updated" })).resolves.toEqual({ etag: '"2"' });
    const refused = await call(`${site}/_api/web/lists/getByTitle('Tasks')/items(${tomItem})`, {
      method: "POST",
      upn: OWNER_AMARA,
      headers: { "X-HTTP-Method": "MERGE", "IF-MATCH": "*" },
      body: { Title: "not mine" },
    });
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual(ACCESS_DENIED);
    await expect(tasks.items.add({ Title: "new" })).rejects.toMatchObject({ status: 403 });
    await expect(tasks.items.getById(tomItem).delete()).rejects.toMatchObject({ status: 403 });
    await expect(tasks.fields.addText("Sneaky")).rejects.toMatchObject({ status: 403 });
    await expect(tasks.update({ Description: "changed" })).rejects.toMatchObject({ status: 403 });
    expect(await tasks.items.getById(amaraItem).currentUserHasPermissions(PermissionKind.EditListItems)).toBe(true);
    expect(await tasks.items.getById(tomItem).currentUserHasPermissions(PermissionKind.EditListItems)).toBe(false);
    expect(await masks(site, OWNER_AMARA, `web/lists/getByTitle('Tasks')/items(${amaraItem})`)).toMatchObject(
      MASKS.contribute,
    );
    expect(await masks(site, OWNER_AMARA, `web/lists/getByTitle('Tasks')`)).toMatchObject(MASKS.read);
    // Still Edit on the web itself: the list stopped inheriting, the site did not.
    expect(await masks(site, OWNER_AMARA)).toMatchObject(MASKS.edit);
  });

  it("answers 404 for an item one may not see, and leaves it out of queries", async () => {
    const { site, secretItem } = await handConfiguredSite();
    const committee = spAs(site, COMMITTEE).web.lists.getByTitle("Tasks");
    const titles = (await committee.items.select("Title")<{ Title: string }[]>()).map((i) => i.Title);
    expect(titles).toEqual(["Amara's task", "Tom's task"]);
    const direct = await call(`${site}/_api/web/lists/getByTitle('Tasks')/items(${secretItem})`, { upn: COMMITTEE });
    expect(direct.status).toBe(404);
    expect(direct.json()).toMatchObject({
      "odata.error": { message: { value: "Item does not exist. It may have been deleted by another user." } },
    });
    expect((await spAs(site, EDITOR).web.lists.getByTitle("Tasks").items.getById(secretItem)()).Title).toBe(
      "For editors only",
    );
  });

  it("hides a list nobody gave one access to, and gives Limited Access where one was given an item", async () => {
    const site = freshSite(server);
    const sp = spAs(site, EDITOR);
    await sp.web.lists.add("Private", "", 100, false);
    const first = await sp.web.lists.getByTitle("Private").items.add({ Title: "shared with Tom" });
    await sp.web.lists.getByTitle("Private").items.add({ Title: "not shared" });
    await sp.web.lists.getByTitle("Private").breakRoleInheritance(false, true);
    const get = (upn: string) => call(`${site}/_api/web/lists/getByTitle('Private')`, { upn });
    expect((await get(COMMITTEE)).status).toBe(404);
    expect(
      (await spAs(site, COMMITTEE).web.lists.select("Title")<{ Title: string }[]>()).map((l) => l.Title),
    ).not.toContain("Private");
    expect((await get(ADMIN)).status).toBe(200);
    // An item shared with Tom: he reaches the list (Limited Access) and sees that item only.
    await sp.web.lists.getByTitle("Private").items.getById(first.Id).breakRoleInheritance(false, false);
    await sp.web.lists
      .getByTitle("Private")
      .items.getById(first.Id)
      .roleAssignments.add(await userId(site, OWNER_TOM), ROLE.read);
    expect(await masks(site, OWNER_TOM, "web/lists/getByTitle('Private')")).toMatchObject(MASKS.limited);
    const seen = await spAs(site, OWNER_TOM).web.lists.getByTitle("Private").items.select("Title")<
      { Title: string }[]
    >();
    expect(seen.map((i) => i.Title)).toEqual(["shared with Tom"]);
  });

  it("resetroleinheritance and removeroleassignment take rights away again", async () => {
    const { site, amaraItem } = await handConfiguredSite();
    const editor = spAs(site, EDITOR).web.lists.getByTitle("Tasks");
    const amara = await userId(site, OWNER_AMARA);
    await editor.items.getById(amaraItem).roleAssignments.remove(amara, ROLE.contribute);
    expect(await masks(site, OWNER_AMARA, `web/lists/getByTitle('Tasks')/items(${amaraItem})`)).toMatchObject(
      MASKS.read,
    );
    await editor.items.getById(amaraItem).roleAssignments.add(amara, ROLE.contribute);
    await editor.items.getById(amaraItem).resetRoleInheritance();
    expect(await masks(site, OWNER_AMARA, `web/lists/getByTitle('Tasks')/items(${amaraItem})`)).toMatchObject(
      MASKS.read,
    );
    await editor.resetRoleInheritance();
    expect(await masks(site, OWNER_AMARA, "web/lists/getByTitle('Tasks')")).toMatchObject(MASKS.edit);
    // An object that inherits cannot take assignments of its own.
    const refused = await call(
      `${site}/_api/web/lists/getByTitle('Tasks')/roleassignments/addroleassignment(principalid=${amara},roledefid=${ROLE.edit})`,
      { method: "POST", upn: EDITOR },
    );
    expect(refused.status).toBe(400);
    // Only Manage Permissions may change assignments at all.
    const asMember = await call(
      `${site}/_api/web/lists/getByTitle('Tasks')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`,
      { method: "POST", upn: OWNER_AMARA },
    );
    expect(asMember.status).toBe(403);
  });
});

describe("site groups", () => {
  it("are created by those with Create Groups, and membership grants what the group holds", async () => {
    const site = freshSite(server);
    const sp = spAs(site, EDITOR);
    const group = await sp.web.siteGroups.add({ Title: "Reviewers", Description: "reviews things" });
    await sp.web.lists.add("Reviews", "", 100, false);
    const reviews = sp.web.lists.getByTitle("Reviews");
    await reviews.breakRoleInheritance(false, true);
    await reviews.roleAssignments.add(group.Id, ROLE.contribute);
    expect((await call(`${site}/_api/web/lists/getByTitle('Reviews')`, { upn: COMMITTEE })).status).toBe(404);
    await sp.web.siteGroups.getById(group.Id).users.add(`i:0#.f|membership|${COMMITTEE}`);
    await expect(
      spAs(site, COMMITTEE).web.lists.getByTitle("Reviews").items.add({ Title: "by a reviewer" }),
    ).resolves.toMatchObject({ Title: "by a reviewer" });
    const members = await sp.web.siteGroups.getById(group.Id).users.select("Email")<{ Email: string }[]>();
    expect(members.map((m) => m.Email)).toEqual([COMMITTEE]);
    await expect(spAs(site, OWNER_AMARA).web.siteGroups.add({ Title: "Members cannot" })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      spAs(site, OWNER_AMARA).web.siteGroups.getById(group.Id).users.add(`i:0#.f|membership|${OWNER_AMARA}`),
    ).rejects.toMatchObject({ status: 403 });
    await sp.web.siteGroups.getById(group.Id).users.removeByLoginName(`i:0#.f|membership|${COMMITTEE}`);
    expect((await call(`${site}/_api/web/lists/getByTitle('Reviews')`, { upn: COMMITTEE })).status).toBe(404);
  });
});

describe("WriteSecurity and ReadSecurity", () => {
  async function logSite(settings: { WriteSecurity?: number; ReadSecurity?: number }): Promise<string> {
    const site = freshSite(server);
    const sp = spAs(site, EDITOR);
    await sp.web.lists.add("Log", "", 100, false);
    await sp.web.lists.getByTitle("Log").update(settings);
    return site;
  }

  it("WriteSecurity 2: people edit only their own rows; Override List Behaviors (Design, Full Control) bypasses it", async () => {
    const site = await logSite({ WriteSecurity: 2 });
    const amaraRow = await spAs(site, OWNER_AMARA).web.lists.getByTitle("Log").items.add({ Title: "Amara wrote this" });
    await expect(
      spAs(site, OWNER_TOM).web.lists.getByTitle("Log").items.getById(amaraRow.Id).update({ Title: "Tom rewrote it" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      spAs(site, OWNER_TOM).web.lists.getByTitle("Log").items.getById(amaraRow.Id).delete(),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      spAs(site, OWNER_AMARA)
        .web.lists.getByTitle("Log")
        .items.getById(amaraRow.Id)
        .update({ Title: "Amara corrected it" }),
    ).resolves.toBeTruthy();
    // The editor holds Full Control (Cancel Checkout), but only a token that carries it bypasses.
    await expect(
      spAs(site, EDITOR, ["AllSites.Write"])
        .web.lists.getByTitle("Log")
        .items.getById(amaraRow.Id)
        .update({ Title: "x" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      spAs(site, EDITOR, ["AllSites.Manage"])
        .web.lists.getByTitle("Log")
        .items.getById(amaraRow.Id)
        .update({ Title: "moderated" }),
    ).resolves.toBeTruthy();
    const list = await spAs(site, EDITOR).web.lists.getByTitle("Log").select("WriteSecurity", "ReadSecurity")<{
      WriteSecurity: number;
      ReadSecurity: number;
    }>();
    expect(list).toMatchObject({ WriteSecurity: 2, ReadSecurity: 1 });
  });

  it("WriteSecurity 4 makes the list read-only to all but those who override; ReadSecurity 2 shows people their own rows", async () => {
    const readOnly = await logSite({ WriteSecurity: 4 });
    const row = await spAs(readOnly, OWNER_AMARA).web.lists.getByTitle("Log").items.add({ Title: "added" });
    await expect(
      spAs(readOnly, OWNER_AMARA).web.lists.getByTitle("Log").items.getById(row.Id).update({ Title: "edited" }),
    ).rejects.toMatchObject({ status: 403 });
    const mine = await logSite({ ReadSecurity: 2 });
    await spAs(mine, OWNER_AMARA).web.lists.getByTitle("Log").items.add({ Title: "Amara's" });
    const tomRow = await spAs(mine, OWNER_TOM).web.lists.getByTitle("Log").items.add({ Title: "Tom's" });
    expect(
      (await spAs(mine, OWNER_AMARA).web.lists.getByTitle("Log").items.select("Title")<{ Title: string }[]>()).map(
        (i) => i.Title,
      ),
    ).toEqual(["Amara's"]);
    expect(
      (await call(`${mine}/_api/web/lists/getByTitle('Log')/items(${tomRow.Id})`, { upn: OWNER_AMARA })).status,
    ).toBe(404);
    expect(
      (await spAs(mine, EDITOR).web.lists.getByTitle("Log").items.select("Title")<{ Title: string }[]>()).length,
    ).toBe(2);
    await expect(spAs(mine, EDITOR).web.lists.getByTitle("Log").update({ WriteSecurity: 3 })).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe("authorship", () => {
  it("Author, Editor, Created and Modified are the server's, whoever writes", async () => {
    const site = freshSite(server);
    await spAs(site, EDITOR).web.lists.add("Notes", "", 100, false);
    const notes = spAs(site, CHAIR).web.lists.getByTitle("Notes");
    const chairId = await userId(site, CHAIR);
    const editorId = await userId(site, EDITOR);
    const added = await notes.items.add({ Title: "from the chair" });
    const read = await notes.items.getById(added.Id).select("AuthorId", "EditorId", "Created", "Modified")<{
      AuthorId: number;
      EditorId: number;
      Created: string;
    }>();
    expect(read).toMatchObject({ AuthorId: chairId, EditorId: chairId });
    expect(Date.now() - Date.parse(read.Created)).toBeLessThan(60_000);
    for (const forged of [{ AuthorId: editorId }, { EditorId: editorId }, { Created: "2020-01-01T00:00:00Z" }]) {
      const answer = await call(`${site}/_api/web/lists/getByTitle('Notes')/items`, {
        method: "POST",
        upn: CHAIR,
        body: { Title: "forged", ...forged },
      });
      expect(answer.status).toBeGreaterThanOrEqual(400);
    }
    await spAs(site, EDITOR)
      .web.lists.getByTitle("Notes")
      .items.getById(added.Id)
      .update({ Title: "edited by the lead" });
    const after = await notes.items.getById(added.Id).select("AuthorId", "EditorId")<{
      AuthorId: number;
      EditorId: number;
    }>();
    expect(after).toEqual(expect.objectContaining({ AuthorId: chairId, EditorId: editorId }));
  });
});

describe("item versions", () => {
  it("every save is a version (its editor, time and fields; people as {LookupId, LookupValue, Email}), read by whoever can read the item and by nobody else", async () => {
    const { site, amaraItem, secretItem } = await handConfiguredSite();
    const editor = spAs(site, EDITOR);
    const tasks = editor.web.lists.getByTitle("Tasks");
    await tasks.fields.addUser("Owners", { SelectionMode: 0 });
    await tasks.fields.getByInternalNameOrTitle("Owners").update({ AllowMultipleValues: true });
    const tom = await userId(site, OWNER_TOM);
    await tasks.items.getById(amaraItem).update({ OwnersId: [tom] });
    await spAs(site, OWNER_AMARA)
      .web.lists.getByTitle("Tasks")
      .items.getById(amaraItem)
      .update({ Title: "Amara's task, renamed" });
    const answer = await call(`${site}/_api/web/lists/getByTitle('Tasks')/items(${amaraItem})/versions`, {
      upn: COMMITTEE,
    });
    expect(answer.status).toBe(200);
    const versions = (answer.json() as { value: Record<string, unknown>[] }).value;
    expect(versions.map((v) => v.VersionLabel)).toEqual(["3.0", "2.0", "1.0"]);
    expect(versions[0]).toMatchObject({
      Title: "Amara's task, renamed",
      IsCurrentVersion: true,
      Editor: { LookupValue: "Amara Okafor", Email: OWNER_AMARA },
    });
    expect(versions[1]).toMatchObject({
      Title: "Amara's task",
      Owners: [{ LookupId: tom, Email: OWNER_TOM }],
      Editor: { Email: EDITOR },
    });
    expect(versions[2]).toMatchObject({ Owners: [] });
    expect(Object.keys(versions[0] ?? {})).not.toContain("OwnersId");
    // An item one cannot see has no versions one can see either.
    expect(
      (await call(`${site}/_api/web/lists/getByTitle('Tasks')/items(${secretItem})/versions`, { upn: COMMITTEE }))
        .status,
    ).toBe(404);
    expect(
      (await call(`${site}/_api/web/lists/getByTitle('Tasks')/items(${secretItem})/versions`, { upn: EDITOR })).status,
    ).toBe(200);
  });
});
