// Setting the plan up, tenant-like: the tab sends the scopes it would request on a tenant
// (dev:<upn>?scp=...), so the local server trims each token as SharePoint does. A site owner whose
// sign-in carries AllSites.FullControl is offered set-up and completes it; one whose tenant has
// not consented to that scope is told which permission to ask the administrator for; a team member
// without Full Control on the site is told to ask a site owner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openAs, runAxe, screenshot, type RunningApp, openSession, closeSession } from "../support/browser";

const LEAD = "edi.lead@wres.test";
const MEMBER = "amara.okafor@wres.test";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "none" }));
  // As on SharePoint Online, a site is made by an admin, never by a request: make the empty sites first.
  for (const name of ["noconsent", "member", "ready", "selected"]) {
    const made = await fetch(`${app.url}_localsp/sites`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name }),
    });
    expect(made.ok).toBe(true);
  }
}, 240_000);

afterAll(() => closeSession({ app, browser }));

function configQuery(site: string, extra: Record<string, string> = {}): Record<string, string> {
  return { view: "config", site: `${app.url}sites/${site}`, ...extra };
}

describe("setting the plan up on an empty site", () => {
  it("tells a plan editor without the consented set-up scope exactly what is missing, and whom to ask", async () => {
    const { context, page } = await openAs(browser, app, LEAD, {
      query: configQuery("noconsent", { consent: "AllSites.Write" }),
    });
    await page.getByText("The plan lists are not on this site yet.").waitFor();
    await page
      .getByText(
        /needs the SharePoint permission AllSites\.FullControl for this app.*Ask your Microsoft 365 administrator to grant admin consent/,
      )
      .waitFor();
    expect(await page.getByRole("button", { name: "Set up the lists" }).count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, "set-up-needs-consent");
    await context.close();
  }, 240_000);

  it("tells a team member without Full Control on the site to ask a site owner", async () => {
    const { context, page } = await openAs(browser, app, MEMBER, { query: configQuery("member") });
    await page.getByText(/needs Full Control on this site\. Ask a site owner to set it up/).waitFor();
    expect(await page.getByRole("button", { name: "Set up the lists" }).count()).toBe(0);
    await context.close();
  }, 240_000);

  it("offers a site owner whose sign-in carries the set-up scope the set-up, which creates the lists and their permissions", async () => {
    const { context, page } = await openAs(browser, app, LEAD, { query: configQuery("ready") });
    await page.getByText("The plan lists are not on this site yet.").waitFor();
    await screenshot(page, "set-up-offered");
    await page.getByRole("button", { name: "Set up the lists" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Set up the plan lists?" });
    await dialog.getByRole("button", { name: "Set up the lists" }).click();
    await page.getByText("The lists are ready.").waitFor({ timeout: 120_000 });
    await page.getByRole("textbox", { name: "Plan year" }).waitFor();
    await dialog.waitFor({ state: "detached" });
    await screenshot(page, "set-up-done");
    // SharePoint now enforces the model: the data library is hidden from a team member.
    const library = await fetch(`${app.url}sites/ready/_api/web/lists/getByTitle('WRES Data')`, {
      headers: { Authorization: `Bearer dev:${MEMBER}`, Accept: "application/json" },
    });
    expect(library.status).toBe(404);
    const groups = await fetch(
      `${app.url}sites/ready/_api/web/sitegroups/getByName('WRES Plan Editors')/users?$select=Email`,
      { headers: { Authorization: `Bearer dev:${LEAD}`, Accept: "application/json;odata=nometadata" } },
    );
    expect(((await groups.json()) as { value: { Email: string }[] }).value.map((u) => u.Email)).toEqual([LEAD]);
    await context.close();
  }, 300_000);

  it("with delegated Sites.Selected: says the set-up scope is missing, then the admin's grant for this site, and once granted offers set-up and completes it", async () => {
    const selected = { setUpScope: "Sites.Selected" };
    const unconsented = await openAs(browser, app, LEAD, {
      query: configQuery("selected", { ...selected, consent: "AllSites.Write" }),
    });
    await unconsented.page
      .getByText(
        /needs the SharePoint permission Sites\.Selected for this app.*Ask your Microsoft 365 administrator to grant admin consent/,
      )
      .waitFor();
    await unconsented.context.close();

    const { context, page } = await openAs(browser, app, LEAD, { query: configQuery("selected", selected) });
    await page
      .getByText(
        /grants it site by site \(Sites\.Selected\)\. Ask your Microsoft 365 administrator to grant the app the fullcontrol role on this site/,
      )
      .waitFor();
    expect(await page.getByRole("button", { name: "Set up the lists" }).count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, "set-up-needs-site-grant");
    await context.close();

    // The tenant admin grants the app full control on this site only (Graph: POST /sites/{id}/permissions).
    const granted = await fetch(`${app.url}_localsp/sites/selected/permissions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        roles: ["fullcontrol"],
        grantedToIdentities: [
          { application: { id: "00000000-0000-0000-0000-000000000001", displayName: "WRES action plans" } },
        ],
      }),
    });
    expect(granted.status).toBe(201);
    const again = await openAs(browser, app, LEAD, { query: configQuery("selected", selected) });
    await again.page.getByRole("button", { name: "Set up the lists" }).click();
    const dialog = again.page.getByRole("alertdialog", { name: "Set up the plan lists?" });
    await dialog.getByRole("button", { name: "Set up the lists" }).click();
    await again.page.getByText("The lists are ready.").waitFor({ timeout: 120_000 });
    const library = await fetch(`${app.url}sites/selected/_api/web/lists/getByTitle('WRES Data')`, {
      headers: { Authorization: `Bearer dev:${MEMBER}`, Accept: "application/json" },
    });
    expect(library.status).toBe(404);
    await again.context.close();
  }, 300_000);
});
