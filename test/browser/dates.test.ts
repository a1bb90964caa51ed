// A due date shows on screen as SharePoint's own list view shows it: a date picked in the list's form
// during British Summer Time (stored as local midnight in UTC, 2026-06-30T23:00:00Z for 1 July) is
// 1 July in the tab, whatever the browser's own time zone; and a date saved from the tab is stored the
// way SharePoint stores one typed into the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DESKTOP, screenshot, type RunningApp, openSession, closeSession } from "../support/browser";

const LEAD = "edi.lead@wres.test";
const ADMIN = "admin@wres.test";

let app: RunningApp;
let browser: Browser;

async function rest(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${app.url}sites/wres/_api/${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer dev:${ADMIN}`,
      Accept: "application/json;odata=nometadata",
      "Content-Type": "application/json",
      ...(init.headers ?? {}),
    },
  });
}

describe("due dates on screen", () => {
  beforeAll(async () => {
    ({ app, browser } = await openSession());
  }, 240_000);
  afterAll(() => closeSession({ app, browser }));

  it("shows a due date typed into the list during British Summer Time as that day, and saves one the way SharePoint stores it", async () => {
    const actions = (await (
      await rest("web/lists/getByTitle('WRES Actions')/items?$select=Id,Title&$top=1&$orderby=Id")
    ).json()) as { value: { Id: number; Title: string }[] };
    const action = actions.value[0]!;
    const typed = await rest(`web/lists/getByTitle('WRES Actions')/items(${action.Id})`, {
      method: "POST",
      headers: { "X-HTTP-Method": "MERGE", "IF-MATCH": "*" },
      body: JSON.stringify({ DueDate: "2026-06-30T23:00:00Z" }),
    });
    expect(typed.status).toBe(204);

    // A browser far from the site's zone: the tab must follow the site (UK), not the browser.
    const context = await browser.newContext({ viewport: DESKTOP, locale: "en-GB", timezoneId: "America/Los_Angeles" });
    context.setDefaultNavigationTimeout(180_000);
    context.setDefaultTimeout(60_000);
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}?${new URLSearchParams({ as: LEAD, action: String(action.Id) })}`);
      const due = page.locator("dt", { hasText: /^Due date$/ }).locator("xpath=following-sibling::dd[1]");
      await expect.poll(() => due.first().textContent(), { timeout: 60_000 }).toMatch(/^1 Jul 2026/);
      await screenshot(page, "due-date-bst");

      // Edit the due date in the tab: 2 July is stored as local midnight in BST (1 July 23:00 UTC).
      await page.getByRole("button", { name: "Edit action" }).click();
      const input = page.getByLabel("Due date");
      // The field shows and takes dates day first (en-GB).
      expect(await input.inputValue()).toBe("01/07/2026");
      await input.fill("02/07/2026");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect.poll(() => due.first().textContent(), { timeout: 60_000 }).toMatch(/^2 Jul 2026/);
      const stored = (await (
        await rest(`web/lists/getByTitle('WRES Actions')/items(${action.Id})?$select=DueDate`)
      ).json()) as { DueDate: string };
      expect(stored.DueDate).toBe("2026-07-01T23:00:00Z");
    } finally {
      await context.close();
    }
  });
});
