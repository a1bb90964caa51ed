// A site set up by an older version of the app (schema 2: no history kind Import, the app's columns
// in no view): the plan still shows, a plan editor is offered "Upgrade the lists" and runs it, and
// a committee member is told to ask a plan editor. Screenshots of both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openAs, runAxe, screenshot, type RunningApp, openSession, closeSession } from "../support/browser";
import { createSp } from "../../src/sharepoint/create-sp";
import { createPlanStore } from "../../src/sharepoint/plan-store";
import { provision } from "../../src/sharepoint/provision";
import { addToPlanGroup } from "../../src/sharepoint/security-model";
import { siteSchema } from "../../src/sharepoint/upgrade";
import { SCHEMA_VERSION } from "../../src/sharepoint/schema";
import { DEMO_GROUPS } from "../../src/localsp/seed-plan";

const LEAD = "edi.lead@wres.test";
const COMMITTEE = "committee@wres.test";
const YEAR = "2024/25";

let app: RunningApp;
let browser: Browser;
let siteUrl: string;

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "none" }));
  const made = await fetch(`${app.url}_localsp/sites`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "older" }),
  });
  expect(made.ok).toBe(true);
  siteUrl = `${app.url}sites/older`;
  const sp = (upn: string) => createSp({ siteUrl, getToken: async () => `dev:${upn}` });
  await provision(sp("admin@wres.test"), { version: 2 });
  for (const [group, upn] of DEMO_GROUPS)
    await addToPlanGroup(sp("admin@wres.test"), group, `i:0#.f|membership|${upn}`);
  await createPlanStore(sp(LEAD)).addObjective({
    title: "Fair recruitment",
    planYear: YEAR,
    number: "1",
    description: null,
    owner: null,
    sponsor: null,
    indicators: [],
    highImpactActions: [],
    ragOverride: null,
    ragOverrideReason: null,
  });
}, 240_000);

afterAll(() => closeSession({ app, browser }));

describe("a site set up by an older version of the app", () => {
  it("tells a committee member to ask a plan editor, with no upgrade button", async () => {
    const { context, page } = await openAs(browser, app, COMMITTEE, { query: { site: siteUrl, year: YEAR } });
    const box = page.getByTestId("schema-outdated");
    await box
      .getByText(/Ask your plan editor \(usually the EDI lead\) to open this tab and upgrade the lists/)
      .waitFor({ timeout: 120_000 });
    expect(await box.getByRole("button", { name: "Upgrade the lists" }).count()).toBe(0);
    await page.getByText("Fair recruitment").first().waitFor();
    await context.close();
  }, 240_000);

  it("offers a plan editor the upgrade above the plan, runs it, and the site is then current", async () => {
    const { context, page } = await openAs(browser, app, LEAD, { query: { site: siteUrl, year: YEAR } });
    const box = page.getByTestId("schema-outdated");
    await box
      .getByText("The plan lists on this site are older than this version of the app")
      .waitFor({ timeout: 120_000 });
    await page.getByText("Fair recruitment").first().waitFor();
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, "schema-upgrade-offered");
    await box.getByRole("button", { name: "Upgrade the lists" }).click();
    await page.getByTestId("schema-upgraded").getByText("The lists are upgraded.").waitFor({ timeout: 120_000 });
    await screenshot(page, "schema-upgraded");
    const sp = createSp({ siteUrl, getToken: async () => `dev:${LEAD}` });
    expect(await siteSchema(sp)).toEqual({ version: SCHEMA_VERSION, current: SCHEMA_VERSION });
    await context.close();
  }, 240_000);
});
