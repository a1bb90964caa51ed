import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermissionKind } from "@pnp/sp/security/index.js";
import { ADMIN, CHAIR, COMMITTEE, EDITOR, OWNER_AMARA, OWNER_TOM, call, freshSite, spAs, startTestServer, type TestServer } from "./support";

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
    message: { lang: "en-US", value: "Access denied. You do not have permission to perform this action or access this resource." },
  },
};

/** A site with the plan's Actions and Progress Updates lists (the names the rules know). */
async function planSite(): Promise<{ site: string; actionId: number; otherActionId: number }> {
  const site = freshSite(server);
  const editor = spAs(site, EDITOR);
  await editor.web.lists.add("WRES Actions", "", 100, false);
  await editor.web.lists.add("WRES Progress Updates", "", 100, false);
  await editor.web.lists.getByTitle("WRES Actions").fields.addUser("Leads", {});
  const leads = await editor.web.lists.getByTitle("WRES Actions").fields.getByInternalNameOrTitle("Leads").select("Id")();
  await editor.web.lists.getByTitle("WRES Actions").fields.getById(leads.Id).update({ AllowMultipleValues: true }, "SP.FieldUser");
  await editor.web.lists.getByTitle("WRES Progress Updates").fields.addChoice("Kind", { Choices: ["Update", "Comment"] });
  const amara = await editor.web.ensureUser(`i:0#.f|membership|${OWNER_AMARA}`);
  const tom = await editor.web.ensureUser(OWNER_TOM);
  const mine = await editor.web.lists.getByTitle("WRES Actions").items.add({ Title: "Amara's", LeadsId: [amara.Id] });
  const other = await editor.web.lists.getByTitle("WRES Actions").items.add({ Title: "Tom's", LeadsId: [tom.Id] });
  return { site, actionId: mine.Id, otherActionId: other.Id };
}

describe("roles and permissions", () => {
  it("lets an action owner update only the actions they lead", async () => {
    const { site, actionId, otherActionId } = await planSite();
    const sp = spAs(site, OWNER_AMARA);
    const actions = sp.web.lists.getByTitle("WRES Actions");
    await expect(actions.items.getById(actionId).update({ Title: "mine, updated" })).resolves.toEqual({ etag: '"2"' });
    const refused = await call(`${site}/_api/web/lists/getByTitle('WRES Actions')/items(${otherActionId})`, {
      method: "POST",
      upn: OWNER_AMARA,
      headers: { "X-HTTP-Method": "MERGE", "IF-MATCH": "*" },
      body: { Title: "not mine" },
    });
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual(ACCESS_DENIED);
    // They may not add or delete actions, but may add progress updates.
    await expect(actions.items.add({ Title: "new" })).rejects.toMatchObject({ status: 403 });
    await expect(actions.items.getById(actionId).delete()).rejects.toMatchObject({ status: 403 });
    await expect(sp.web.lists.getByTitle("WRES Progress Updates").items.add({ Title: "progress", Kind: "Update" })).resolves.toMatchObject({ Kind: "Update" });
    // Item-level permissions tell the UI the same thing.
    expect(await actions.items.getById(actionId).currentUserHasPermissions(PermissionKind.EditListItems)).toBe(true);
    expect(await actions.items.getById(otherActionId).currentUserHasPermissions(PermissionKind.EditListItems)).toBe(false);
  });

  it("lets the network chair add comments only, and keeps the committee read-only", async () => {
    const { site, actionId } = await planSite();
    const chair = spAs(site, CHAIR).web.lists.getByTitle("WRES Progress Updates");
    await expect(chair.items.add({ Title: "comment", Kind: "Comment" })).resolves.toMatchObject({ Kind: "Comment" });
    await expect(chair.items.add({ Title: "sneaky update", Kind: "Update" })).rejects.toMatchObject({ status: 403 });
    await expect(spAs(site, CHAIR).web.lists.getByTitle("WRES Actions").items.getById(actionId).update({ Title: "x" })).rejects.toMatchObject({ status: 403 });
    const committee = spAs(site, COMMITTEE);
    expect((await committee.web.lists.getByTitle("WRES Actions").items.select("Id")()).length).toBe(2);
    await expect(committee.web.lists.getByTitle("WRES Progress Updates").items.add({ Title: "c", Kind: "Comment" })).rejects.toMatchObject({ status: 403 });
    await expect(committee.web.lists.add("Mine", "", 100)).rejects.toMatchObject({ status: 403 });
  });

  it("reports effective permissions as SharePoint encodes them", async () => {
    const { site } = await planSite();
    const masks = async (upn: string, path = "web") => (await call(`${site}/_api/${path}/EffectiveBasePermissions`, { upn })).json();
    expect(await masks(ADMIN)).toMatchObject({ High: "2147483647", Low: "4294967295" });
    expect(await masks(EDITOR)).toMatchObject({ High: "432", Low: "1011030767" });
    expect(await masks(COMMITTEE)).toMatchObject({ High: "176", Low: "138612833" });
    expect(await masks(OWNER_AMARA, "web/lists/getByTitle('WRES Actions')")).toMatchObject({ High: "432", Low: "1011028719" });
    const sp = spAs(site, EDITOR);
    expect(await sp.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(true);
    expect(await spAs(site, OWNER_TOM).web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
    const forUser = await call(`${site}/_api/web/getusereffectivepermissions(@u)?@u='${encodeURIComponent(`i:0#.f|membership|${COMMITTEE}`)}'`, { upn: ADMIN });
    expect(forUser.json()).toMatchObject({ High: "176", Low: "138612833" });
  });

  it("resolves users by id, e-mail, login alias and ensureUser", async () => {
    const site = freshSite(server);
    const sp = spAs(site, EDITOR);
    const ensured = await sp.web.ensureUser(`i:0#.f|membership|${OWNER_TOM}`);
    expect(ensured).toMatchObject({ Email: OWNER_TOM, LoginName: `i:0#.f|membership|${OWNER_TOM}`, PrincipalType: 1, Title: "Tom Hughes" });
    expect((await sp.web.siteUsers.getByEmail(OWNER_TOM)()).Id).toBe(ensured.Id);
    expect((await sp.web.siteUsers.getById(ensured.Id)()).Email).toBe(OWNER_TOM);
    expect((await sp.web.siteUsers.getByLoginName(`i:0#.f|membership|${OWNER_TOM}`)()).Id).toBe(ensured.Id);
    expect((await sp.web.getUserById(ensured.Id)()).Email).toBe(OWNER_TOM);
    await expect(sp.web.ensureUser("stranger@elsewhere.test")).rejects.toMatchObject({ status: 500 });
  });
});
