// ensureUser as SharePoint Online resolves it: by the claims login name (`i:0#.f|membership|<UPN>`),
// which carries the user principal name, not the e-mail address. Rukhsana Begum signs in as
// r.begum@wres.test; her e-mail address is rukhsana.begum@nhs.test.
//   SPWeb.EnsureUser: "SPException: The user with the specified logonName cannot be found"
//   https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ms473422(v=office.14)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@pnp/sp/site-users/index.js";
import { EDITOR, call, freshSite, spAs, startTestServer, type TestServer } from "./support";

const UPN = "r.begum@wres.test";
const MAIL = "rukhsana.begum@nhs.test";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("users whose sign-in name differs from their e-mail address", () => {
  it("ensures a user by their claims login (the UPN) and answers their e-mail address separately", async () => {
    const site = freshSite(server);
    const user = await spAs(site, EDITOR).web.ensureUser(`i:0#.f|membership|${UPN}`);
    expect(user.LoginName).toBe(`i:0#.f|membership|${UPN}`);
    expect(user.UserPrincipalName).toBe(UPN);
    expect(user.Email).toBe(MAIL);
    expect(user.Title).toBe("Rukhsana Begum");
  });

  it("refuses a claims login made from the e-mail address, with SharePoint's error", async () => {
    const site = freshSite(server);
    const response = await call(`${site}/_api/web/ensureuser`, {
      method: "POST",
      upn: EDITOR,
      body: { logonName: `i:0#.f|membership|${MAIL}` },
    });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { "odata.error": { code: string; message: { value: string } } };
    expect(body["odata.error"].code).toMatch(/SPException/);
    expect(body["odata.error"].message.value).toBe(`The specified user i:0#.f|membership|${MAIL} could not be found.`);
    // A bare e-mail address is not a login name either; nobody is added to the site.
    const bare = await call(`${site}/_api/web/ensureuser`, { method: "POST", upn: EDITOR, body: { logonName: MAIL } });
    expect(bare.status).toBe(500);
  });

  it("finds a site user by login name only by the UPN, and by e-mail only by the e-mail address", async () => {
    const site = freshSite(server);
    const web = spAs(site, EDITOR).web;
    await web.ensureUser(`i:0#.f|membership|${UPN}`);
    expect((await web.siteUsers.getByLoginName(`i:0#.f|membership|${UPN}`)()).Email).toBe(MAIL);
    expect((await web.siteUsers.getByEmail(MAIL)()).UserPrincipalName).toBe(UPN);
    await expect(web.siteUsers.getByLoginName(`i:0#.f|membership|${MAIL}`)()).rejects.toMatchObject({ status: 404 });
    await expect(web.siteUsers.getByEmail(UPN)()).rejects.toMatchObject({ status: 404 });
  });
});

describe("signing in", () => {
  it("knows a token's user by the UPN, not by the e-mail address", async () => {
    const site = freshSite(server);
    const me = await call(`${site}/_api/web/currentuser`, { upn: UPN });
    expect(me.status).toBe(200);
    expect((me.json() as { Email: string }).Email).toBe(MAIL);
    expect((await call(`${site}/_api/web/currentuser`, { upn: MAIL })).status).toBe(401);
  });
});
