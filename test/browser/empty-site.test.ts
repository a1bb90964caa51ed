// A new, empty site (issue 19): the first screen and the plan-year tools lead a plan editor to
// set-up and tell anyone else whom to ask, instead of "not set up" with only "Try again"; the
// configuration page then accepts any valid plan year (last year's, next year's), checks the form,
// and offers the years that exist. Screenshots in the three themes and at 320 px.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  DESKTOP,
  SIDE_PANEL,
  THEMES,
  openAs,
  runAxe,
  screenshot,
  startApp,
  type RunningApp,
  openSession,
  closeSession,
} from "../support/browser";

const LEAD = "edi.lead@wres.test";
const COMMITTEE = "committee@wres.test";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "none" }));
});

afterAll(() => closeSession({ app, browser }));

async function notice(page: Page) {
  const box = page.getByTestId("not-set-up");
  await box.getByText("The plan lists are not on this site yet").waitFor({ timeout: 120_000 });
  return box;
}

describe("an empty site", () => {
  it("tells someone who cannot set it up whom to ask, on the first screen and in the plan-year tools", async () => {
    for (const query of [{}, { view: "year" }] as Record<string, string>[]) {
      const { context, page } = await openAs(browser, app, COMMITTEE, { query });
      const box = await notice(page);
      await box
        .getByText(
          /Ask your organisation's WRES plan editor \(usually the EDI lead\) or an owner of this SharePoint site/,
        )
        .waitFor();
      expect(await box.getByRole("link", { name: "Set up the tab" }).count()).toBe(0);
      await box.getByRole("button", { name: "Try again" }).waitFor();
      await context.close();
    }
  });

  it("leads a plan editor to set-up, where any valid plan year is accepted and a wrong one is explained", async () => {
    for (const query of [{ view: "year" }, {}] as Record<string, string>[]) {
      const { context, page } = await openAs(browser, app, LEAD, { query });
      const box = await notice(page);
      await box.getByText(/You can set them up/).waitFor();
      await box.getByRole("link", { name: "Set up the tab" }).click();
      await page.getByRole("heading", { name: "Set up the WRES action plan tab" }).waitFor();
      expect(new URL(page.url()).searchParams.get("as")).toBe(LEAD);
      if (Object.keys(query).length === 0) {
        // Set the lists up, then choose last year's plan, a year not on the site.
        await page.getByRole("button", { name: "Set up the lists" }).click();
        await page.getByRole("alertdialog").getByRole("button", { name: "Set up the lists" }).click();
        await page.getByText("The lists are ready.").waitFor();
        const year = page.getByLabel("Plan year", { exact: true });
        await year.fill("2025/26");
        await year.blur();
        expect(await year.inputValue()).toBe("2025/26");
        const open = page.getByRole("link", { name: "Open the plan" });
        expect(new URL((await open.getAttribute("href"))!).searchParams.get("year")).toBe("2025/26");
        // Next year's too.
        await year.fill("2027/28");
        await year.blur();
        expect(await year.inputValue()).toBe("2027/28");
        expect(new URL((await open.getAttribute("href"))!).searchParams.get("year")).toBe("2027/28");
        // A year that is not April to March is explained, and nothing can be opened with it.
        await year.fill("2025/27");
        await year.blur();
        await page.getByText("Enter a plan year as April to March, for example 2025/26").waitFor();
        expect(await page.getByRole("link", { name: "Open the plan" }).count()).toBe(0);
        // The offered years set the box.
        const offered = page.getByRole("group", { name: "Plan years on this site:" }).getByRole("button").first();
        const label = await offered.innerText();
        await offered.click();
        expect(await year.inputValue()).toBe(label);
        // A site address that is not one is explained.
        await page.getByLabel("SharePoint site").fill("not a site");
        await page.getByRole("button", { name: "Check site" }).click();
        await page.getByText("Enter the site's full address, starting https://").waitFor();
        await screenshot(page, "config-validation-default");
      }
      await context.close();
    }
  });

  it("reads in every theme, on the desktop and at 320 px, with no axe violations", async () => {
    const fresh = await startApp({ seed: "none" });
    try {
      for (const theme of THEMES) {
        for (const [size, viewport] of [
          ["desktop", DESKTOP],
          ["side-panel", SIDE_PANEL],
        ] as const) {
          for (const [who, upn] of [
            ["editor", LEAD],
            ["reader", COMMITTEE],
          ] as const) {
            const { context, page } = await openAs(browser, fresh, upn, { theme, viewport });
            const box = await notice(page);
            await box.getByRole("button", { name: "Try again" }).waitFor();
            if (who === "editor") await box.getByRole("link", { name: "Set up the tab" }).waitFor();
            expect(await runAxe(page)).toEqual([]);
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
            await screenshot(page, `empty-site-${who}-${theme}-${size}`);
            await context.close();
          }
        }
      }
    } finally {
      await fresh.close();
    }
  });
});
