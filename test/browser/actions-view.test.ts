// The plan-wide Actions view and its board in the real tab, as each role: a plan editor filters all
// actions to "Red, led by Tom, indicator 2" and copies the link, and a committee member opening it sees
// exactly those actions; Tom drags his own card to Red, gives the note the form asks for, and the
// action's history shows the move; a reader finds no card to move and is told why. Screenshots in
// the three Teams themes and at 320 px, with axe on each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Action } from "../../src/plan";
import {
  DESKTOP,
  SIDE_PANEL,
  THEMES,
  expectNoAxeViolations,
  openAs,
  screenshot,
  storeAs,
  type RunningApp,
  openSession,
  closeSession,
} from "../support/browser";

const EDITOR = "edi.lead@wres.test";
const TOM = "tom.hughes@wres.test";
const COMMITTEE = "committee@wres.test";
const YEAR = "2024/25";
const SLOW = 600_000;

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo" }));
}, SLOW);

afterAll(() => closeSession({ app, browser }));

/** The numbers of the actions the list shows, in order. */
async function listedNumbers(page: Page): Promise<string[]> {
  const titles = await page.locator("li[data-action-id] :is(h3, h4)").allTextContents();
  return titles.map((title) => title.split(" ")[0] ?? "");
}

/** Picks an option of a dropdown; a multiselect's options are checkable items (menuitemcheckbox). */
async function choose(page: Page, field: string, option: string | RegExp, multiple = true) {
  await page.getByRole("combobox", { name: field }).click();
  await page.getByRole(multiple ? "menuitemcheckbox" : "option", { name: option }).click();
  if (multiple) await page.keyboard.press("Escape");
}

describe("the plan-wide Actions view", () => {
  it(
    "a plan editor filters to Red, led by Tom, indicator 2 and copies the link; a committee member opening it sees exactly those actions",
    async () => {
      const plan = await storeAs(app, EDITOR).loadPlan(YEAR);
      const expected = plan.actions
        .filter((a) => a.rag === "Red" && a.leads.some((p) => p.email === TOM) && a.indicators.includes(2))
        .map((a) => a.number)
        .sort();
      // The demo plan has one (1.4, diverse interview panels); Tom's other Red action (4.3) serves indicator 4.
      expect(expected).toEqual(["1.4"]);

      const editor = await openAs(browser, app, EDITOR, { viewport: DESKTOP });
      await editor.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
      const page = editor.page;
      await page.getByRole("tab", { name: "Actions", exact: true }).click();
      await page.getByText(`Showing ${plan.actions.length} of ${plan.actions.length} actions`).waitFor();
      await choose(page, "RAG", "Red: off track");
      await choose(page, "Lead", "Tom Hughes");
      await choose(page, "Indicator", "Indicator 2");
      await page.getByText(`Showing 1 of ${plan.actions.length} actions`).waitFor();
      expect(await listedNumbers(page)).toEqual(expected);
      await page.getByRole("button", { name: "Copy link to this view" }).click();
      await page.getByText("Link copied.").waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      await editor.context.close();

      const link = new URL(copied);
      expect(link.searchParams.get("tab")).toBe("actions");
      expect(link.searchParams.getAll("rag")).toEqual(["Red"]);
      expect(link.searchParams.getAll("indicator")).toEqual(["2"]);
      link.searchParams.set("as", COMMITTEE);
      const reader = await openAs(browser, app, COMMITTEE, { viewport: DESKTOP });
      await reader.page.goto(link.toString());
      await reader.page.getByText(`Showing 1 of ${plan.actions.length} actions`).waitFor();
      expect(await listedNumbers(reader.page)).toEqual(expected);
      // The filters say what the link chose.
      expect(await reader.page.getByRole("combobox", { name: "Lead" }).textContent()).toContain("Tom Hughes");
      expect(await reader.page.getByRole("combobox", { name: "RAG" }).textContent()).toContain("Red");
      await screenshot(reader.page, "i24-actions-shared-link");
      await expectNoAxeViolations(reader.page);
      // Nothing matching says so and offers to clear the filters.
      await reader.page.getByRole("searchbox").fill("no action says this");
      await reader.page.getByText("No actions match these filters.").waitFor();
      await reader.page.getByRole("button", { name: "Clear filters" }).click();
      await reader.page.getByText(`Showing ${plan.actions.length} of ${plan.actions.length} actions`).waitFor();
      await reader.context.close();
    },
    SLOW,
  );

  it(
    "Tom drags his own card to Red with its note, and the action's history then shows the move",
    async () => {
      const plan = await storeAs(app, TOM).loadPlan(YEAR);
      const tom = plan.actions.flatMap((a) => a.leads).find((p) => p.email === TOM)!;
      const target = plan.actions.find((a) => a.rag === "Green" && a.leads.some((p) => p.id === tom.id)) as Action;
      const { context, page } = await openAs(browser, app, TOM, {
        viewport: DESKTOP,
        query: { tab: "actions", layout: "board", lead: `person:${tom.id}` },
      });
      await page.getByText(/You can move the cards of the actions you lead/).waitFor();
      const card = page.locator(`article[data-action-id="${target.id}"]`);
      expect(await card.getAttribute("draggable")).toBe("true");
      await card.dragTo(page.locator('[data-rag-column="Red"]'));
      const dialog = page.getByRole("dialog", { name: `Move action ${target.number} to Red` });
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Move" }).click();
      await dialog.getByText("For a Red action, add a note saying what is being done about it.").waitFor();
      await screenshot(page, "i24-board-move-note");
      const note = "Shortlisting pilot paused in Surgery; restarting with new panel members in April.";
      await dialog.getByRole("textbox", { name: /What is being done about it/ }).fill(note);
      await dialog.getByRole("button", { name: "Move" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.locator(`[data-rag-column="Red"] article[data-action-id="${target.id}"]`).waitFor();
      await page.getByText(`Action ${target.number} moved to Red.`).waitFor({ state: "attached" });
      const saved = await storeAs(app, TOM).getAction(target.id);
      expect(saved.rag).toBe("Red");

      await page
        .locator(`article[data-action-id="${target.id}"]`)
        .getByRole("button", { name: new RegExp(`^${target.number.replace(".", "\\.")} `) })
        .click();
      const history = page.getByRole("list", { name: "History" });
      await history.getByText(note).waitFor();
      const newest = (await history.locator("li").first().textContent()) ?? "";
      expect(newest).toContain("Tom Hughes");
      expect(newest).toContain("Red");
      await screenshot(page, "i24-board-history");
      await context.close();
    },
    SLOW,
  );

  it(
    "a reader sees the board but no card can be moved, and is told why",
    async () => {
      const { context, page } = await openAs(browser, app, COMMITTEE, {
        viewport: DESKTOP,
        query: { tab: "actions", layout: "board" },
      });
      await page
        .getByText(
          "You can look at the board but not move its cards: only an action's leads and plan editors can change its RAG.",
        )
        .waitFor();
      expect(await page.locator("article[data-action-id]").count()).toBeGreaterThan(10);
      expect(await page.locator('article[draggable="true"]').count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Move action/ }).count()).toBe(0);
      await context.close();

      // In Welsh, at the side panel's width.
      const welsh = await openAs(browser, app, COMMITTEE, {
        viewport: SIDE_PANEL,
        query: { tab: "actions", layout: "board", lang: "cy" },
      });
      await welsh.page.getByText(/Gallwch edrych ar y bwrdd ond nid symud ei gardiau/).waitFor();
      await welsh.page.getByRole("heading", { name: /^Coch: oddi ar y trywydd \(\d+\)$/ }).waitFor();
      await screenshot(welsh.page, "i24-board-welsh-320");
      await expectNoAxeViolations(welsh.page);
      await welsh.context.close();
    },
    SLOW,
  );

  for (const theme of THEMES) {
    it(
      `looks right and passes axe in the ${theme} theme, on the desktop and at 320 px`,
      async () => {
        for (const [size, viewport] of [
          ["desktop", DESKTOP],
          ["320", SIDE_PANEL],
        ] as const) {
          const { context, page } = await openAs(browser, app, TOM, {
            theme,
            viewport,
            query: { tab: "actions", layout: "board", rag: "Red", sort: "due" },
          });
          await page.getByText(/You can move the cards/).waitFor();
          await screenshot(page, `i24-board-${theme}-${size}`);
          await expectNoAxeViolations(page);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          if (size === "320") {
            // One column under another, each the panel's width.
            const red = (await page.locator('[data-rag-column="Red"]').boundingBox())!;
            const amber = (await page.locator('[data-rag-column="Amber"]').boundingBox())!;
            expect(amber.y).toBeGreaterThanOrEqual(red.y + red.height);
            expect(red.width).toBeGreaterThan(280);
          }
          await page.getByRole("button", { name: "List" }).click();
          if (size === "320") {
            // Narrow: the filters sit behind a button, in a drawer.
            await page.getByRole("button", { name: "Filters (1)" }).click();
            const drawer = page.getByRole("dialog", { name: "Filter all actions" });
            await drawer.getByRole("combobox", { name: "Group by" }).waitFor();
            await screenshot(page, `i24-list-filters-${theme}-${size}`);
            await expectNoAxeViolations(page);
            await drawer.getByRole("combobox", { name: "Group by" }).click();
            await page.getByRole("option", { name: "Lead" }).click();
            await drawer.getByRole("button", { name: "Close" }).click();
          } else {
            await choose(page, "Group by", "Lead", false);
          }
          await page.getByRole("heading", { name: /^Tom Hughes \(\d+\)$/ }).waitFor();
          await screenshot(page, `i24-list-${theme}-${size}`);
          await expectNoAxeViolations(page);
          expect(new URL(page.url()).searchParams.get("group")).toBe("lead");
          // No sideways scrolling at 320 px.
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          await context.close();
        }
      },
      SLOW,
    );
  }
});
