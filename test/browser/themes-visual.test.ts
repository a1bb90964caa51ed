// The screens of the theme tests (tab, meeting, indicators) in each Teams theme, compared with reviewed
// baselines (test/browser/baselines, test/support/visual.ts): a view that renders wrongly in dark or high
// contrast (dark drawn light, a section missing, a colour that no longer follows the theme) fails here,
// where axe alone would not see it. Its own demo site, seeded as of a fixed day, and the page's clock
// fixed to that day, so overdue actions, history dates and "changes since" read the same on every run.
// Nothing here writes to the site. Update the baselines deliberately: `npm run baselines:update`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  DESKTOP,
  SIDE_PANEL,
  THEMES,
  type RunningApp,
  type Theme,
  openSession,
  closeSession,
} from "../support/browser";
import { expectScreenMatches, fixedClock, updatingBaselines, VISUAL_DAY } from "../support/visual";

const LEAD = "edi.lead@wres.test";
const AMARA = "amara.okafor@wres.test";
// The stage at 1280x720, the size its layout is made to fit unscrolled (a smaller image than 1080p).
const STAGE = { width: 1280, height: 720 };

let app: RunningApp;
let browser: Browser;

async function open(
  upn: string,
  theme: Theme,
  viewport: { width: number; height: number },
  query: Record<string, string> = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: "en-GB",
    timezoneId: "Europe/London",
    reducedMotion: "reduce",
    deviceScaleFactor: 1,
  });
  context.setDefaultNavigationTimeout(180_000);
  context.setDefaultTimeout(60_000);
  await fixedClock(context);
  const page = await context.newPage();
  await page.goto(`${app.url}?${new URLSearchParams({ as: upn, theme, ...query })}`);
  return page;
}

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo", today: VISUAL_DAY }));
});

afterAll(() => closeSession({ app, browser }));

describe("each theme's screens match their reviewed baselines", () => {
  for (const theme of THEMES) {
    it(`the tab: overview and an owner's actions at side panel width (${theme})`, async () => {
      const page = await open(LEAD, theme, DESKTOP);
      await page.getByRole("heading", { name: "Objectives" }).waitFor();
      await page.locator('[role="article"] h3').nth(4).waitFor();
      await expectScreenMatches(page, `tab-overview-${theme}`);
      await page.context().close();

      const owner = await open(AMARA, theme, SIDE_PANEL);
      await owner.getByRole("heading", { name: /^Actions led by/ }).waitFor();
      await expectScreenMatches(owner, `tab-my-actions-sidepanel-${theme}`);
      await owner.context().close();
    });

    it(`the meeting: side panel and stage (${theme})`, async () => {
      const panel = await open(LEAD, theme, SIDE_PANEL, { view: "sidepanel", since: "2025-06-01" });
      await panel.getByRole("heading", { name: /^Overdue actions/ }).waitFor();
      await expectScreenMatches(panel, `meeting-sidepanel-${theme}`);
      await panel.context().close();

      const stage = await open(LEAD, theme, STAGE, { view: "stage", since: "2025-06-01" });
      await stage.getByRole("heading", { name: "WRES indicators: headline figures" }).waitFor();
      await stage.getByTestId("stage-objective").nth(4).waitFor();
      await expectScreenMatches(stage, `meeting-stage-${theme}`);
      await stage.context().close();
    });

    it(`the indicators: a run's relative likelihood with its chart (${theme})`, async () => {
      const page = await open(LEAD, theme, DESKTOP);
      await page.getByRole("tab", { name: "Indicators" }).click();
      await page.getByRole("heading", { name: "Year on year" }).waitFor();
      const boxes = page.getByRole("checkbox", { name: /^Select .*\.xlsx$/ });
      await boxes.first().waitFor();
      for (const box of await boxes.all()) await box.check();
      await page.getByRole("button", { name: /^Run indicators/ }).click();
      await page.getByRole("heading", { name: /^Results/ }).waitFor({ timeout: 120_000 });
      await page.getByRole("tab", { name: "2 Shortlisting" }).click();
      const two = page.getByTestId("indicator-2");
      await page
        .getByTestId("chart-2")
        .getByRole("img", { name: /^Relative likelihood/ })
        .waitFor();
      await expectScreenMatches(page, `indicators-2-${theme}`, { element: two });
      await page.context().close();
    }, 240_000);
  }

  // (Not while updating: it would accept the wrong screen as the dark baseline.)
  it.skipIf(updatingBaselines())("a screen that renders in the wrong theme fails the comparison", async () => {
    // The dark overview, drawn with the light theme: the check the theme baselines exist for.
    const page = await open(LEAD, "default", DESKTOP);
    await page.getByRole("heading", { name: "Objectives" }).waitFor();
    await page.locator('[role="article"] h3').nth(4).waitFor();
    await expect(expectScreenMatches(page, "wrong-theme-overview", { baseline: "tab-overview-dark" })).rejects.toThrow(
      /differs from its baseline in \d+ pixels \(\d+\.\d+%\).*Diff: .*wrong-theme-overview-diff\.png/,
    );
    await page.context().close();
  });
});
