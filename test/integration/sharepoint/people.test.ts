// People are ensured on the site by their sign-in name (the UPN in SharePoint's claims login), never
// by a login made from their e-mail address, which SharePoint Online refuses wherever the two differ.
// Rukhsana Begum (demo directory) signs in as r.begum@wres.test; her e-mail is rukhsana.begum@nhs.test.
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../../src/sharepoint/errors";
import { EDITOR, setUpPlan } from "./support";
import { useSite } from "../../support/local-site";

const RUKHSANA = { upn: "r.begum@wres.test", email: "rukhsana.begum@nhs.test" };
/** In the directory, not yet on the site: only ensureUser puts him there. */
const KWAME = { upn: "k.osei@wres.test", email: "kwame.osei@nhs.test" };

describe("choosing people whose sign-in name differs from their e-mail address", () => {
  const site = useSite();
  beforeAll(async () => {
    await setUpPlan(site);
    site.server.store.upsertUser({
      upn: KWAME.upn,
      email: KWAME.email,
      title: "Kwame Osei",
      jobTitle: "Head of Learning",
      defaultRole: null,
    });
  });

  it("finds a site user typed by e-mail address, as the people picker offers", async () => {
    const person = await site.store(EDITOR).ensurePerson(RUKHSANA.email);
    expect(person.title).toBe("Rukhsana Begum");
    expect(person.email).toBe(RUKHSANA.email);
    expect(person.loginName).toBe(`i:0#.f|membership|${RUKHSANA.upn}`);
  });

  it("ensures someone by their sign-in name, and the same person by e-mail afterwards", async () => {
    const store = site.store(EDITOR);
    const byUpn = await store.ensurePerson(KWAME.upn);
    expect(byUpn.email).toBe(KWAME.email);
    expect(byUpn.loginName).toBe(`i:0#.f|membership|${KWAME.upn}`);
    expect((await store.ensurePerson(KWAME.email)).id).toBe(byUpn.id);
    expect((await store.ensurePerson(`i:0#.f|membership|${KWAME.upn}`)).id).toBe(byUpn.id);
  });

  it("refuses an e-mail address nobody on the site has and nobody signs in with, as SharePoint does", async () => {
    const store = site.store(EDITOR);
    await expect(store.ensurePerson("no.one@nhs.test")).rejects.toBeInstanceOf(AppError);
    // The site's users are unchanged: nobody was added under an e-mail login.
    const users = await site.sp(EDITOR).web.siteUsers.select("LoginName")<{ LoginName: string }[]>();
    expect(users.map((u) => u.LoginName).filter((l) => l.includes("nhs.test"))).toEqual([]);
  });
});
