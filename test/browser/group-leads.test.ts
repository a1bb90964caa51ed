// A SharePoint group as an action's lead, on screen: a plan editor picks the staff network's
// co-chairs' group in the Leads picker, and a co-chair then finds the action in My actions with its
// update button.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import "@pnp/sp/site-groups/index.js";
import { createPlanStore, createSp } from "../../src/sharepoint";
import { DESKTOP, openAs, screenshot, type RunningApp, openSession, closeSession } from "../support/browser";

const LEAD = "edi.lead@wres.test";
const CHAIR = "network.chair@wres.test";
const YEAR = "2024/25";
const SLOW = 600_000;

let app: RunningApp;
let browser: Browser;

const spAs = (upn: string) =>
  createSp({ siteUrl: `${app.url}sites/wres`, getToken: async () => `dev:${upn}`, retries: 0 });

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo" }));
  // The site owner makes the co-chairs' group, as a trust would.
  const admin = spAs("admin@wres.test");
  const group = (await admin.web.siteGroups.add({ Title: "BAME Network Co-Chairs" })) as unknown as { Id: number };
  await admin.web.siteGroups.getById(group.Id).users.add(`i:0#.f|membership|${CHAIR}`);
}, SLOW);

afterAll(() => closeSession({ app, browser }));

describe("a group as an action's lead", () => {
  it(
    "a plan editor picks the co-chairs' group as lead, and a co-chair finds the action in My actions with its update button",
    async () => {
      const plan = await createPlanStore(spAs(LEAD)).loadPlan(YEAR);
      const action = plan.actions.find((a) => a.rag !== "Blue" && a.leads.every((p) => p.email !== CHAIR))!;
      {
        const { context, page } = await openAs(browser, app, LEAD, {
          viewport: DESKTOP,
          query: { action: String(action.id) },
        });
        await page.getByRole("dialog").getByRole("button", { name: "Edit action" }).click();
        const dialog = page.getByRole("dialog", { name: `Edit action ${action.number}` });
        await dialog.getByRole("combobox", { name: "Leads" }).pressSequentially("Co-Chairs");
        const option = page.getByRole("option", { name: /BAME Network Co-Chairs/ });
        await option.waitFor();
        expect(await option.textContent()).toContain("SharePoint group");
        await screenshot(page, "i15-group-lead-picker");
        await option.click();
        await dialog.getByRole("button", { name: "Save" }).click();
        await dialog.waitFor({ state: "detached" });
        await context.close();
      }
      const saved = await createPlanStore(spAs(LEAD)).getAction(action.id);
      expect(saved.leads.map((p) => p.title)).toContain("BAME Network Co-Chairs");

      const { context, page } = await openAs(browser, app, CHAIR, { viewport: DESKTOP });
      await page.getByRole("tab", { name: "My actions" }).click();
      const card = page.getByRole("article").filter({ hasText: action.title });
      await card.waitFor();
      await card.getByRole("button", { name: `Update progress on action ${action.number}` }).waitFor();
      await screenshot(page, "i15-group-lead-my-actions");
      await context.close();
    },
    SLOW,
  );
});
