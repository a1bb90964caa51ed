// What a committee, an owner and a newcomer see (issue 19), each asserted as it shows on screen:
// the newcomer's line and counts of actions; "Saved" after a save; a conflict naming who saved first
// and labelling only the user's own changes; day-first date fields with a Welsh calendar; one arrow
// convention for indicator changes; a method note in Welsh; a warning for a read-only lead; links on
// every mention of an action; the demo plan's dates in its own year. Screenshots in the three themes
// and at 320 px.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { computeResults, suppressResults } from "../../src/indicators";
import { rowsToSave } from "../../src/ui/indicators/saved-results";
import { join } from "node:path";
import {
  DESKTOP,
  SCREENSHOT_DIR,
  SIDE_PANEL,
  THEMES,
  openAs,
  screenshot,
  type RunningApp,
  storeAs,
  openSession,
  closeSession,
} from "../support/browser";
import { applications, cases, dataset, staffMany, trainingMany } from "../unit/indicators/fixtures";

const LEAD = "edi.lead@wres.test";
const AMARA = "amara.okafor@wres.test";
const COMMITTEE = "committee@wres.test";
const YEAR = "2024/25";
/** Several cold pages per test on a shared, busy machine. */
const SLOW = 600_000;

let app: RunningApp;
let browser: Browser;

/** Whether the element's box lies inside the viewport (a person sees it without scrolling). */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return (
    box !== null &&
    box.y >= 0 &&
    box.y + box.height <= viewport.height &&
    box.x >= 0 &&
    box.x + box.width <= viewport.width + 0.5
  );
}

async function ready(page: Page) {
  await page.getByRole("heading", { name: "Objectives", exact: true }).first().waitFor();
}

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo" }));
  // Saved indicator results: 2024/25 computed (with its method notes stored as keys), and indicator 2
  // typed in for 2023/24 at a higher figure, so 2024/25 shows a fall (better for a relative likelihood).
  const doc = computeResults(
    dataset({
      staff: [...staffMany(600, "white"), ...staffMany(300, "bme")],
      applications: [...applications("white", 200, 60), ...applications("bme", 200, 30)],
      cases: [...cases(12, "white"), ...cases(9, "bme")],
      training: [...trainingMany(300, "white"), ...trainingMany(120, "bme")],
    }),
  );
  const lead = storeAs(app, LEAD);
  await lead.saveIndicatorResults([
    ...rowsToSave(suppressResults(doc, 10), YEAR, "EDI Lead"),
    { year: "2023/24", standard: "nhs-england-wres", indicator: 2, value: 2.6, detail: "{}", origin: "entered" },
  ]);
}, SLOW);

afterAll(() => closeSession({ app, browser }));

describe("a newcomer's first screen", () => {
  it(
    "says what the plan is in one line, and that the counts are counts of actions, in view at 1280 and 320 px",
    async () => {
      const total = (await storeAs(app, LEAD).loadPlan(YEAR)).actions.length;
      for (const [theme, viewport] of [
        ...THEMES.map((theme) => [theme, DESKTOP] as const),
        ["default", SIDE_PANEL] as const,
      ]) {
        const { context, page } = await openAs(browser, app, COMMITTEE, { theme, viewport });
        await ready(page);
        const intro = page.getByText(`Your organisation's WRES action plan for ${YEAR}:`, { exact: false });
        expect(await inView(page, intro), "the line is on the first screen").toBe(true);
        const counts = page.getByText(`Number of actions by status (${total} actions in all)`);
        expect(await inView(page, counts)).toBe(true);
        await screenshot(page, `i19-overview-${theme}-${viewport.width}`);
        await context.close();
      }
    },
    SLOW,
  );
});

describe("an objective card at the side panel's width, in Welsh", () => {
  it(
    "keeps each value readable beside its label: the owner's name on one line, the value column at least half the card",
    async () => {
      const { context, page } = await openAs(browser, app, COMMITTEE, {
        theme: "dark",
        viewport: SIDE_PANEL,
        query: { lang: "cy" },
      });
      await page.getByRole("heading", { name: "Amcanion", exact: true }).first().waitFor();
      const card = page.getByRole("article").filter({ hasText: "Perchennog" }).first();
      const owner = card.locator("dd").first();
      const cardBox = (await card.boundingBox())!;
      const ownerBox = (await owner.boundingBox())!;
      expect(ownerBox.width, "the value column").toBeGreaterThanOrEqual(cardBox.width / 2 - 24);
      const lineHeight = await owner.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
      expect(ownerBox.height, `"${await owner.textContent()}" on one line`).toBeLessThan(lineHeight * 1.5);
      await screenshot(page, "i19-objective-card-cy-dark-320");
      await context.close();
    },
    SLOW,
  );
});

describe("the demo plan's dates", () => {
  it(
    "fall in or around its own year (2024/25), and so does its last update",
    async () => {
      const plan = await storeAs(app, LEAD).loadPlan(YEAR);
      for (const action of plan.actions) {
        expect(
          action.dueDate! >= "2024-04-01" && action.dueDate! <= "2025-12-31",
          `${action.number} due ${action.dueDate}`,
        ).toBe(true);
        expect(
          action.modified >= "2024-03-01" && action.modified <= "2025-03-15",
          `${action.number} modified ${action.modified}`,
        ).toBe(true);
      }
      const { context, page } = await openAs(browser, app, COMMITTEE);
      await ready(page);
      await expect(page.getByText(/^Last updated \d{1,2} \w{3} 2025/).textContent()).resolves.toMatch(
        / (Jan|Feb|Mar) 2025/,
      );
      await context.close();
    },
    SLOW,
  );
});

describe("saving", () => {
  it(
    "confirms each save with a 'Saved' toast: an owner's progress update, an action edit and an objective edit",
    async () => {
      const plan = await storeAs(app, AMARA).loadPlan(YEAR);
      const mine = plan.actions.find((a) => a.rag !== "Blue" && a.leads.some((p) => p.email?.toLowerCase() === AMARA))!;
      const owner = await openAs(browser, app, AMARA, { query: { action: String(mine.id) } });
      const panel = owner.page.getByRole("dialog");
      await panel.getByRole("button", { name: "Update progress" }).click();
      const form = panel.getByRole("form", { name: `Update progress on action ${mine.number}` });
      await form.getByLabel("Progress", { exact: true }).fill("Second cohort matched with mentors");
      await form.getByRole("button", { name: "Save update" }).click();
      const toast = owner.page.locator(".fui-Toast").filter({ hasText: `Saved: action ${mine.number}` });
      await toast.waitFor();
      // The toast slides in from the bottom edge: in view once it has arrived.
      await expect.poll(() => inView(owner.page, toast)).toBe(true);
      await screenshot(owner.page, "i19-saved-toast-default");
      await owner.page.screenshot({ path: join(SCREENSHOT_DIR, "i19-saved-toast-screen-default.png") });
      await owner.context.close();

      const other = plan.actions.find((a) => a.id !== mine.id && a.rag !== "Blue")!;
      const editor = await openAs(browser, app, LEAD, { theme: "dark", query: { action: String(other.id) } });
      await editor.page.getByRole("dialog").getByRole("button", { name: "Edit action" }).click();
      const dialog = editor.page.getByRole("dialog", { name: `Edit action ${other.number}` });
      await dialog.getByLabel("KPIs").fill("Quarterly report to People Committee");
      await dialog.getByRole("button", { name: "Save" }).click();
      await editor.page
        .locator(".fui-Toast")
        .filter({ hasText: `Saved: action ${other.number}` })
        .waitFor();
      await screenshot(editor.page, "i19-saved-toast-dark");
      await editor.context.close();

      const objectiveEditor = await openAs(browser, app, LEAD, { theme: "contrast" });
      await ready(objectiveEditor.page);
      const first = plan.objectives[0]!;
      await objectiveEditor.page.getByRole("button", { name: `${first.number}. ${first.title}` }).click();
      await objectiveEditor.page.getByRole("button", { name: "Edit objective" }).click();
      const objectiveDialog = objectiveEditor.page.getByRole("dialog");
      await objectiveDialog.getByLabel("Description").fill("Close the gap between overall and senior representation.");
      await objectiveDialog.getByRole("button", { name: "Save" }).click();
      await objectiveEditor.page
        .locator(".fui-Toast")
        .filter({ hasText: `Saved: objective ${first.number}` })
        .waitFor();
      await screenshot(objectiveEditor.page, "i19-saved-toast-contrast");
      await objectiveEditor.context.close();
    },
    SLOW,
  );
});

describe("a conflict", () => {
  it(
    "names who saved first and when, and says 'Your version' only on the field the user changed",
    async () => {
      const plan = await storeAs(app, LEAD).loadPlan(YEAR);
      const action = plan.actions.find(
        (a) =>
          a.rag !== "Blue" && a.leads.some((p) => p.email?.toLowerCase() === AMARA) && a.id !== plan.actions[0]!.id,
      )!;
      const { context, page } = await openAs(browser, app, LEAD, { query: { action: String(action.id) } });
      await page.getByRole("dialog").getByRole("button", { name: "Edit action" }).click();
      const dialog = page.getByRole("dialog", { name: `Edit action ${action.number}` });
      await dialog.getByLabel("Milestones").fill("Q1: scoping\nQ2: pilot in two divisions");
      // Meanwhile the action's lead records progress.
      const current = await storeAs(app, AMARA).getAction(action.id);
      await storeAs(app, AMARA).updateProgress(action.id, current.etag, {
        progress: "Pilot agreed with Surgery and Estates",
      });
      await dialog.getByRole("button", { name: "Save" }).click();
      const conflict = page.getByRole("alertdialog");
      await conflict.getByRole("heading", { name: "Amara Okafor changed this action" }).waitFor();
      const said = await conflict.getByTestId("conflict-saved-by").innerText();
      expect(said).toMatch(
        /^Amara Okafor saved this action at \d{1,2} \w{3} \d{4}, \d{2}:\d{2}, after you opened it\.$/,
      );
      const row = (field: string) => conflict.locator(`tr[data-field="${field}"]`);
      expect(await row("milestones").innerText()).toContain("Your version");
      // Progress: only Amara changed it; the user's side is what they opened, not "their version".
      const progress = await row("progress").innerText();
      expect(progress).toContain("As you opened it (you did not change it)");
      expect(progress).not.toContain("Your version");
      expect(await inView(page, conflict.getByTestId("conflict-saved-by"))).toBe(true);
      await screenshot(page, "i19-conflict-default");
      await page.screenshot({ path: join(SCREENSHOT_DIR, "i19-conflict-screen-default.png") });
      await context.close();
    },
    SLOW,
  );
});

describe("date fields", () => {
  it(
    "show and take dd/mm/yyyy, and open a calendar from the keyboard in the reader's language",
    async () => {
      const plan = await storeAs(app, LEAD).loadPlan(YEAR);
      const action = plan.actions.find((a) => a.dueDate && a.rag !== "Blue")!;
      const [y, m, d] = action.dueDate!.split("-");
      for (const [lang, theme, viewport] of [
        ["en", "default", DESKTOP],
        ["cy", "dark", SIDE_PANEL],
      ] as const) {
        const { context, page } = await openAs(browser, app, LEAD, {
          theme,
          viewport,
          query: { action: String(action.id), lang },
        });
        await page
          .getByRole("dialog")
          .getByRole("button", { name: lang === "cy" ? "Golygu'r cam gweithredu" : "Edit action" })
          .click();
        const due = page
          .getByRole("dialog")
          .last()
          .getByLabel(lang === "cy" ? "Dyddiad erbyn" : "Due date", { exact: true });
        await expect(due.inputValue()).resolves.toBe(`${d}/${m}/${y}`);
        await due.focus();
        await page.keyboard.press("ArrowDown");
        const calendar = page
          .getByRole("dialog")
          .filter({ has: page.getByRole("grid") })
          .last();
        const monthNames =
          lang === "cy"
            ? [
                "Ionawr",
                "Chwefror",
                "Mawrth",
                "Ebrill",
                "Mai",
                "Mehefin",
                "Gorffennaf",
                "Awst",
                "Medi",
                "Hydref",
                "Tachwedd",
                "Rhagfyr",
              ]
            : [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
              ];
        const heading = monthNames[Number(m) - 1]!;
        await page.getByText(`${heading} ${y}`, { exact: true }).first().waitFor();
        expect(await inView(page, calendar.getByRole("grid").first()), "the calendar is in view").toBe(true);
        await screenshot(page, `i19-date-picker-${lang}-${theme}-${viewport.width}`);
        await page.keyboard.press("Escape");
        await context.close();
      }

      // Typed day first, it is saved as that day.
      const { context, page } = await openAs(browser, app, LEAD, {
        theme: "contrast",
        query: { action: String(action.id) },
      });
      await page.getByRole("dialog").getByRole("button", { name: "Edit action" }).click();
      const dialog = page.getByRole("dialog", { name: `Edit action ${action.number}` });
      await dialog.getByLabel("Due date", { exact: true }).fill("03/04/2025");
      await dialog.getByLabel("Due date", { exact: true }).press("Tab");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "detached" });
      expect((await storeAs(app, LEAD).getAction(action.id)).dueDate).toBe("2025-04-03");
      await screenshot(page, "i19-date-saved-contrast");
      await context.close();
    },
    SLOW,
  );
});

describe("indicator changes", () => {
  it(
    "use one convention on the stage and in the trend table: the figure's arrow, with the words saying better or worse",
    async () => {
      const { context, page } = await openAs(browser, app, LEAD, {
        viewport: { width: 1280, height: 720 },
        query: { view: "stage", since: "2024-04-01", year: YEAR },
      });
      const figure = page.getByTestId("headline-2");
      await figure.waitFor();
      const onStage = figure.locator("[data-trend]");
      expect(await onStage.getAttribute("data-move")).toBe("down");
      expect(await onStage.innerText()).toBe("Improved");
      expect(await onStage.getByRole("img", { name: "Figure fell" }).count()).toBe(1);
      await screenshot(page, "i19-stage-arrows-default");
      await context.close();

      for (const theme of THEMES) {
        const tab = await openAs(browser, app, LEAD, { theme });
        await ready(tab.page);
        await tab.page.getByRole("tab", { name: "Indicators" }).click();
        const cell = tab.page.getByTestId("wres-trend").locator('tr[data-indicator="2"] td[data-year="2024/25"]');
        await cell.waitFor();
        const mark = cell.locator("[data-trend]");
        expect(await mark.getAttribute("data-move"), "the same arrow as on the stage").toBe("down");
        expect(await mark.innerText()).toBe("Improved");
        await mark.scrollIntoViewIfNeeded();
        expect(await inView(tab.page, mark)).toBe(true);
        await screenshot(tab.page, `i19-trend-arrows-${theme}`);
        await tab.page
          .getByTestId("wres-trend")
          .screenshot({ path: join(SCREENSHOT_DIR, `i19-trend-table-${theme}.png`) });
        await tab.context.close();
      }
    },
    SLOW,
  );
});

describe("indicator results for a Welsh reader", () => {
  it(
    "give the saved method note in Welsh, and each linked action opens the action",
    async () => {
      const { context, page } = await openAs(browser, app, COMMITTEE, { query: { lang: "cy" } });
      await page.getByRole("tab", { name: "Dangosyddion" }).click();
      await page.getByTestId("wres-saved-results").waitFor();
      await page.getByTestId("wres-saved-results").getByRole("tab", { name: /^2 / }).click();
      const note = page.getByText(/^Tebygolrwydd cymharol = \(cyfradd Gwyn\) \/ \(cyfradd BME\)/);
      await note.scrollIntoViewIfNeeded();
      expect(await inView(page, note)).toBe(true);
      expect(await page.getByText(/Relative likelihood = \(White rate\)/).count(), "no English method note").toBe(0);
      await screenshot(page, "i19-method-note-cy");
      await page.screenshot({ path: join(SCREENSHOT_DIR, "i19-method-note-screen-cy.png") });

      const links = page.getByTestId("linked-actions-2").getByRole("link");
      expect(await links.count()).toBeGreaterThan(0);
      const name = await links.first().innerText();
      await links.first().click();
      const panel = page.getByRole("dialog");
      await panel.waitFor();
      expect(await panel.innerText()).toContain(name.replace(/^\S+\s/, "").slice(0, 30));
      await context.close();
    },
    SLOW,
  );
});

describe("the committee report", () => {
  it(
    "links each objective and action it mentions to the tab",
    async () => {
      const plan = await storeAs(app, LEAD).loadPlan(YEAR);
      const { context, page } = await openAs(browser, app, LEAD, {
        query: { view: "report", since: "2024-04-01", year: YEAR },
      });
      const objective = plan.objectives[0]!;
      const heading = page.getByRole("link", { name: `${objective.number}. ${objective.title}` });
      await heading.waitFor();
      expect(new URL((await heading.getAttribute("href"))!, app.url).searchParams.get("objective")).toBe(
        String(objective.id),
      );
      const action = plan.actions.find((a) => a.objectiveId === objective.id)!;
      const link = page.getByRole("link", { name: action.title, exact: true });
      expect(new URL((await link.getAttribute("href"))!, app.url).searchParams.get("action")).toBe(String(action.id));
      await screenshot(page, "i19-report-links-default");
      await context.close();
    },
    SLOW,
  );
});

describe("choosing a lead", () => {
  it(
    "warns when the person chosen can only read the plan, and not for someone who can update it",
    async () => {
      const plan = await storeAs(app, LEAD).loadPlan(YEAR);
      const action = plan.actions.find((a) => a.rag !== "Blue")!;
      for (const [theme, viewport] of [
        ["default", DESKTOP],
        ["dark", SIDE_PANEL],
      ] as const) {
        const { context, page } = await openAs(browser, app, LEAD, {
          theme,
          viewport,
          query: { action: String(action.id) },
        });
        await page.getByRole("dialog").getByRole("button", { name: "Edit action" }).click();
        const dialog = page.getByRole("dialog", { name: `Edit action ${action.number}` });
        const picker = dialog.getByRole("combobox", { name: "Leads" });
        await picker.pressSequentially("Tom");
        await page.getByRole("option", { name: /Tom Hughes/ }).click();
        // Someone who can update the plan: no warning.
        await dialog.getByText("Tom Hughes").first().waitFor();
        await page.waitForTimeout(1000);
        expect(await dialog.getByText(/^Cannot update the plan/).count()).toBe(0);
        // Helen Price, a committee member (WRES Plan Readers).
        await picker.pressSequentially("Helen");
        await page
          .getByRole("option", { name: /Helen Price/ })
          .first()
          .click();
        const warning = dialog.getByText(/^Cannot update the plan: Helen Price\./);
        await warning.waitFor();
        await warning.scrollIntoViewIfNeeded();
        expect(await inView(page, warning)).toBe(true);
        await screenshot(page, `i19-lead-warning-${theme}-${viewport.width}`);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `i19-lead-warning-screen-${theme}-${viewport.width}.png`) });
        await context.close();
      }
    },
    SLOW,
  );
});
