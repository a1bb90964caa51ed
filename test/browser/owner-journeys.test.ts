// What an owner and a plan editor see (issue 19): the Edit action dialog at narrow widths keeps
// the RAG dropdown inside the dialog and focusing it scrolls nothing sideways; a completed (Blue)
// action offers no primary "Update progress". Screenshots in the three themes at 320 px.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import {
  DESKTOP,
  SIDE_PANEL,
  THEMES,
  openAs,
  screenshot,
  type RunningApp,
  storeAs,
  openSession,
  closeSession,
} from "../support/browser";

const LEAD = "edi.lead@wres.test";
const AMARA = "amara.okafor@wres.test";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo" }));
});

afterAll(() => closeSession({ app, browser }));

describe("the Edit action dialog at narrow widths", () => {
  it("keeps the RAG dropdown inside the dialog from 320 to 600 px, and focusing it scrolls nothing sideways", async () => {
    const { actions } = await storeAs(app, LEAD).loadPlan("2024/25");
    const action = actions.find((a) => a.rag !== "Blue")!;
    const sizes = [
      ...THEMES.map((theme) => ({ theme, viewport: SIDE_PANEL })),
      ...[420, 480, 540, 600].map((width) => ({ theme: "default" as const, viewport: { width, height: 800 } })),
    ];
    for (const { theme, viewport } of sizes) {
      const { context, page } = await openAs(browser, app, LEAD, {
        theme,
        viewport,
        query: { action: String(action.id) },
      });
      await page.getByRole("dialog").getByRole("button", { name: "Edit action" }).click();
      const dialog = page.getByRole("dialog", { name: `Edit action ${action.number}` });
      await dialog.waitFor();
      const surface = (await dialog.boundingBox())!;
      const rag = dialog.getByRole("combobox", { name: "RAG" });
      const box = (await rag.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(surface.x - 0.5);
      expect(box.x + box.width, "the dropdown's right edge").toBeLessThanOrEqual(surface.x + surface.width + 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      await rag.focus();
      const sideways = await page.evaluate(() => {
        let most = 0;
        for (const el of document.querySelectorAll("*")) most = Math.max(most, el.scrollLeft);
        return { most, width: document.documentElement.scrollWidth };
      });
      expect(sideways.most, "nothing is scrolled sideways").toBe(0);
      expect(sideways.width).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `edit-action-narrow-${theme}-${viewport.width}`);
      await context.close();
    }
  });
});

describe("a completed (Blue) action", () => {
  it("has no primary 'Update progress': a quiet 'Add a note or reopen' instead, while open actions keep the primary button", async () => {
    const { actions } = await storeAs(app, AMARA).loadPlan("2024/25");
    const mine = actions.filter((a) => a.leads.some((p) => p.email?.toLowerCase() === AMARA));
    const done = mine.find((a) => a.rag === "Blue")!;
    const open = mine.find((a) => a.rag !== "Blue")!;
    expect(done && open).toBeTruthy();
    const background = async (page: import("playwright-core").Page, name: string) =>
      page
        .getByRole("dialog")
        .getByRole("button", { name, exact: true })
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    for (const theme of THEMES) {
      const { context, page } = await openAs(browser, app, AMARA, {
        theme,
        viewport: SIDE_PANEL,
        query: { action: String(open.id) },
      });
      const primary = await background(page, "Update progress");
      await page.goto(`${app.url}?${new URLSearchParams({ as: AMARA, theme, action: String(done.id) })}`);
      const panel = page.getByRole("dialog");
      await panel.getByRole("button", { name: "Add a note or reopen", exact: true }).waitFor();
      expect(await panel.getByRole("button", { name: "Update progress", exact: true }).count()).toBe(0);
      expect(await background(page, "Add a note or reopen")).not.toBe(primary);
      await screenshot(page, `action-panel-blue-${theme}-side-panel`);
      await context.close();
    }
  });
});

describe("where each person lands, and the objective table", () => {
  it("an action owner who leads actions lands on My actions; a committee member on the overview", async () => {
    const owner = await openAs(browser, app, AMARA, { viewport: DESKTOP });
    await owner.page.getByRole("heading", { name: "Actions led by Amara Okafor" }).waitFor();
    expect(await owner.page.getByRole("tab", { name: "My actions" }).getAttribute("aria-selected")).toBe("true");
    await screenshot(owner.page, "landing-owner-default");
    await owner.context.close();
    const reader = await openAs(browser, app, "committee@wres.test", { viewport: DESKTOP });
    await reader.page.getByRole("heading", { name: "Objectives" }).waitFor();
    expect(await reader.page.getByRole("tab", { name: "Overview" }).getAttribute("aria-selected")).toBe("true");
    await reader.context.close();
  });

  it("gives the objective table's No. column the room of its numbers, not a share of the row", async () => {
    for (const theme of THEMES) {
      const { context, page } = await openAs(browser, app, LEAD, { theme, viewport: DESKTOP });
      await page.getByRole("button", { name: /^1\. / }).first().click();
      const grid = page.getByRole("grid", { name: "Actions of objective 1" });
      await grid.waitFor();
      const header = (await grid.getByRole("columnheader", { name: "No." }).boundingBox())!;
      expect(header.width).toBeLessThanOrEqual(80);
      const action = (await grid.getByRole("columnheader", { name: "Action" }).boundingBox())!;
      expect(action.width).toBeGreaterThan(header.width * 2);
      // The rows line up under the headings: the first row's number cell is as narrow, and its action under "Action".
      const firstRow = grid.locator('[role="row"]').nth(1);
      const numberCell = (await firstRow.locator('[role="gridcell"]').first().boundingBox())!;
      const actionCell = (await firstRow.locator('[role="gridcell"]').nth(1).boundingBox())!;
      expect(numberCell.width).toBeLessThanOrEqual(80);
      expect(Math.abs(actionCell.x - action.x)).toBeLessThanOrEqual(1);
      // The numbers are whole in their cells.
      for (const cell of await grid.locator('[role="gridcell"]:first-child').all())
        expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      await screenshot(page, `objective-table-${theme}`);
      await context.close();
    }
  });
});
