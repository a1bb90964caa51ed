// Comments that can be answered, and evidence, on screen as each role: a network chair mentions a
// lead with the inline people picker, the lead replies; the chair edits their own comment and is
// offered no edit on the lead's (and SharePoint refuses a raw attempt); a lead attaches evidence,
// a committee member lists and opens it. Screenshots in the three themes and at 320 px.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { LIST_TITLES, F } from "../../src/sharepoint/schema";
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

const LEAD = "edi.lead@wres.test";
const AMARA = "amara.okafor@wres.test";
const CHAIR = "network.chair@wres.test";
const COMMITTEE = "committee@wres.test";
const YEAR = "2024/25";
const SLOW = 600_000;

let app: RunningApp;
let browser: Browser;
let actionId: number;

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo" }));
  const plan = await storeAs(app, LEAD).loadPlan(YEAR);
  actionId = plan.actions.find((a) => a.leads.some((p) => p.email === AMARA) && a.rag !== "Blue")!.id;
}, SLOW);

afterAll(() => closeSession({ app, browser }));

async function panelOf(page: Page) {
  const panel = page.getByRole("dialog");
  await panel.getByRole("heading", { name: "History" }).waitFor();
  return panel;
}

describe("comments that can be answered", () => {
  it(
    "a chair mentions a lead with the inline picker, and the lead replies",
    async () => {
      {
        const { context, page } = await openAs(browser, app, CHAIR, {
          viewport: DESKTOP,
          query: { action: String(actionId) },
        });
        const panel = await panelOf(page);
        const box = panel.getByRole("combobox", { name: "Your comment" });
        await box.click();
        await box.pressSequentially("Could @Am");
        const option = page.getByRole("option", { name: /Amara Okafor/ });
        await option.waitFor();
        await screenshot(page, "i24-mention-picker");
        await box.press("Enter");
        await box.pressSequentially("share the panel guide?");
        expect(await box.inputValue()).toBe("Could @Amara Okafor share the panel guide?");
        await panel.getByRole("button", { name: "Add comment" }).click();
        const thread = panel.getByTestId("comment-thread").filter({ hasText: "share the panel guide?" });
        await thread.waitFor();
        expect(await thread.getByTestId("comment").innerText()).toContain("Could @Amara Okafor share the panel guide?");
        await context.close();
      }
      const amara = (await storeAs(app, LEAD).ensurePerson(AMARA)).id;
      const stored = (await storeAs(app, LEAD).history(actionId)).find((h) => h.note?.includes("panel guide"))!;
      // Stored by site user id, not by name.
      expect(stored.note).toBe(`Could @[Amara Okafor](user:${amara}) share the panel guide?`);

      const { context, page } = await openAs(browser, app, AMARA, {
        viewport: DESKTOP,
        query: { action: String(actionId) },
      });
      const panel = await panelOf(page);
      const thread = panel.getByTestId("comment-thread").filter({ hasText: "share the panel guide?" });
      await thread.getByRole("button", { name: "Reply to Samuel Adeyemi" }).click();
      const reply = thread.getByRole("combobox", { name: "Reply to Samuel Adeyemi" });
      await expect(reply.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await reply.pressSequentially("Sent it this morning.");
      await thread.getByRole("button", { name: "Send reply" }).click();
      const replies = thread.getByRole("list", { name: "Replies to this comment" });
      await replies.getByText("Sent it this morning.").waitFor();
      expect(await replies.getByText(/^Reply by Amara Okafor/).count()).toBe(1);
      await expectNoAxeViolations(page);
      await thread.scrollIntoViewIfNeeded();
      await screenshot(page, "i24-reply");
      await context.close();
    },
    SLOW,
  );

  it(
    "a commenter edits their own comment, is offered no edit on another's, and SharePoint refuses a raw attempt",
    async () => {
      const history = await storeAs(app, LEAD).history(actionId);
      const mine = history.find((h) => h.note?.includes("panel guide"))!;
      const theirs = history.find((h) => h.note === "Sent it this morning.")!;
      const { context, page } = await openAs(browser, app, CHAIR, {
        viewport: DESKTOP,
        query: { action: String(actionId) },
      });
      const panel = await panelOf(page);
      const thread = panel.getByTestId("comment-thread").filter({ hasText: "share the panel guide?" });
      // Edit and Delete on my comment only; none on Amara's reply.
      await thread.getByRole("group", { name: "Comment by Samuel Adeyemi" }).waitFor();
      expect(await thread.getByTestId("reply").getByRole("button", { name: "Edit" }).count()).toBe(0);
      expect(await thread.getByRole("group", { name: "Comment by Amara Okafor" }).count()).toBe(0);

      await thread.getByTestId("comment").getByRole("button", { name: "Edit" }).click();
      const edit = thread.getByRole("combobox", { name: "Edit your comment" });
      expect(await edit.inputValue()).toBe("Could @Amara Okafor share the panel guide?");
      await edit.fill("Could @Amara Okafor share the panel guide and the timetable?");
      // While editing, the comment's text is in the box: the thread is found by it again once saved.
      await panel.getByRole("button", { name: "Save" }).click();
      const saved = panel.getByTestId("comment-thread").filter({ hasText: "share the panel guide and the timetable?" });
      await saved.waitFor();
      // Saved once the marker shows (the thread matches its new words already while "Saving…").
      await saved
        .getByTestId("comment")
        .getByText(/\bedited\b/)
        .waitFor();
      expect(await saved.getByTestId("comment").innerText()).toContain("share the panel guide and the timetable?");
      await screenshot(page, "i24-edited");
      const edited = (await storeAs(app, LEAD).history(actionId)).find((h) => h.id === mine.id)!;
      // The mention still carries Amara's id after the edit.
      expect(edited.note).toMatch(/^Could @\[Amara Okafor\]\(user:\d+\) share the panel guide and the timetable\?$/);
      await context.close();

      // As anyone could, with the chair's own token: SharePoint refuses to change Amara's reply.
      const response = await fetch(
        `${app.url}sites/wres/_api/web/lists/getByTitle('${LIST_TITLES.progressUpdates}')/items(${theirs.id})`,
        {
          method: "POST",
          headers: {
            Authorization: `Bearer dev:${CHAIR}`,
            Accept: "application/json;odata=nometadata",
            "Content-Type": "application/json",
            "X-HTTP-Method": "MERGE",
            "IF-MATCH": "*",
          },
          body: JSON.stringify({ [F.note]: "Rewritten by the chair" }),
        },
      );
      expect(response.status).toBe(403);
      expect(((await response.json()) as { "odata.error": { code: string } })["odata.error"].code).toBe(
        "-2147024891, System.UnauthorizedAccessException",
      );
      await expect(storeAs(app, CHAIR).editComment(theirs.id, "Rewritten")).rejects.toMatchObject({
        code: "forbidden",
      });
      expect((await storeAs(app, LEAD).history(actionId)).find((h) => h.id === theirs.id)?.note).toBe(
        "Sent it this morning.",
      );
    },
    SLOW,
  );
});

describe("evidence", () => {
  it(
    "a lead attaches evidence (and is told plainly that staff-level data is refused); a committee member lists and opens it",
    async () => {
      {
        const { context, page } = await openAs(browser, app, AMARA, {
          viewport: DESKTOP,
          query: { action: String(actionId) },
        });
        const panel = await panelOf(page);
        const form = panel.getByRole("form", { name: "Attach evidence" });
        await form.getByText(/^Not for staff-level data/).waitFor();
        const input = form.getByLabel("File");
        await input.setInputFiles({
          name: "ESR extract.xlsx",
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          buffer: Buffer.from("PK fake"),
        });
        await form.getByText(/looks like a data file \(\.xlsx\)/).waitFor();
        expect(await form.getByRole("button", { name: "Attach" }).isDisabled()).toBe(true);

        await input.setInputFiles({
          name: "Panel minutes.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.from("%PDF-1.4 panel minutes"),
        });
        await form.getByLabel("What it shows (optional)").fill("Minutes of the March panel review");
        await form.getByRole("button", { name: "Attach" }).click();
        await form.getByText("Panel minutes.pdf attached.").waitFor();
        const list = panel.getByRole("list", { name: "Evidence files" });
        await list.getByRole("button", { name: "Open Panel minutes.pdf" }).waitFor();
        await expect(list.innerText()).resolves.toContain("Amara Okafor");
        await list.scrollIntoViewIfNeeded();
        await expectNoAxeViolations(page);
        await screenshot(page, "i24-evidence-lead");
        await context.close();
      }
      const { context, page } = await openAs(browser, app, COMMITTEE, {
        viewport: DESKTOP,
        query: { action: String(actionId) },
      });
      const panel = await panelOf(page);
      const list = panel.getByRole("list", { name: "Evidence files" });
      await list.getByText("Minutes of the March panel review").waitFor();
      expect(await panel.getByRole("form", { name: "Attach evidence" }).count()).toBe(0);
      expect(await list.getByRole("button", { name: "Remove Panel minutes.pdf" }).count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        list.getByRole("button", { name: "Open Panel minutes.pdf" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("Panel minutes.pdf");
      expect(readFileSync((await download.path())!, "utf8")).toBe("%PDF-1.4 panel minutes");
      await context.close();
    },
    SLOW,
  );

  it(
    "looks right in the three themes and at 320 px",
    async () => {
      for (const theme of THEMES) {
        const { context, page } = await openAs(browser, app, AMARA, {
          theme,
          viewport: DESKTOP,
          query: { action: String(actionId) },
        });
        const panel = await panelOf(page);
        const thread = panel.getByTestId("comment-thread").filter({ hasText: "timetable" });
        await thread.waitFor();
        await thread.scrollIntoViewIfNeeded();
        await screenshot(page, `i24-thread-${theme}`);
        await panel.getByRole("list", { name: "Evidence files" }).scrollIntoViewIfNeeded();
        await screenshot(page, `i24-evidence-${theme}`);
        await context.close();
      }
      const { context, page } = await openAs(browser, app, CHAIR, {
        viewport: SIDE_PANEL,
        query: { action: String(actionId) },
      });
      const panel = await panelOf(page);
      const thread = panel.getByTestId("comment-thread").filter({ hasText: "timetable" });
      await thread.scrollIntoViewIfNeeded();
      await screenshot(page, "i24-thread-320");
      const box = panel.getByRole("combobox", { name: "Your comment" });
      await box.scrollIntoViewIfNeeded();
      await box.click();
      await box.pressSequentially("@Tom");
      await page.getByRole("option", { name: /Tom Hughes/ }).waitFor();
      await screenshot(page, "i24-mention-320");
      // Nothing wider than the side panel.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDE_PANEL.width);
      await context.close();
    },
    SLOW,
  );
});
