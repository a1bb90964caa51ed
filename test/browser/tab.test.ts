// The action plan tab in Chromium against the dev server and the seeded local SharePoint site,
// as each role: plan editor, action owner, reader; conflicts between two people; throttling;
// axe-core on every screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { PermissionError } from "../../src/sharepoint";
import type { Action } from "../../src/plan";
import {
  DESKTOP,
  SIDE_PANEL,
  THEMES,
  runAxe,
  screenshot,
  type RunningApp,
  type Theme,
  people,
  storeAs,
  expectNoAxeViolations,
  describeViolations,
  openSession,
  closeSession,
} from "../support/browser";

const LEAD = "edi.lead@wres.test";
const AMARA = "amara.okafor@wres.test";
const COMMITTEE = "committee@wres.test";
const CHAIR = "network.chair@wres.test";

let app: RunningApp;
let browser: Browser;
let users: ReturnType<typeof people>;
/** A page signed in as `upn`; `context.close()` closes the page (the person's context is kept for the file). */
async function openAs(
  upn: string,
  options: { theme?: Theme; viewport?: { width: number; height: number }; query?: Record<string, string> } = {},
) {
  const page = await users.open(upn, options);
  return { page, context: { close: () => page.close() } };
}

async function plan(upn = LEAD) {
  const store = storeAs(app, upn);
  const [year] = await store.planYears();
  return store.loadPlan(year!);
}

/** An action amara leads (and nobody else edits in other tests), by number. */
async function amarasActions(): Promise<Action[]> {
  const snapshot = await plan();
  return snapshot.actions
    .filter((a) => a.leads.some((p) => p.email?.toLowerCase() === AMARA))
    .sort((a, b) => a.number.localeCompare(b.number, "en", { numeric: true }));
}

async function ready(page: Page) {
  await page
    .getByRole("heading", { name: "Objectives" })
    .or(page.getByRole("heading", { name: /^Actions led by/ }))
    .first()
    .waitFor();
}

beforeAll(async () => {
  ({ app, browser, users } = await openSession({ seed: "demo", viewport: DESKTOP }));
  // Warm the dev server (dependency optimisation and first transforms) once for every test below.
  for (const upn of [LEAD, AMARA]) {
    const { context, page } = await openAs(upn);
    await ready(page);
    await context.close();
  }
});

afterAll(() => closeSession({ app, browser, users }));

describe("the tab as each role", () => {
  it("a plan editor adds an objective and an action, and both are there after reload", async () => {
    const { context, page } = await openAs(LEAD);
    await ready(page);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Add objective" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Title").fill("Embed race equity in every divisional plan");
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    const objectiveLink = page.getByRole("button", { name: /^\d+\. Embed race equity in every divisional plan$/ });
    await objectiveLink.click();
    await page.getByRole("button", { name: "Add action" }).click();
    await expect(dialog.getByLabel("Number", { exact: false }).first().inputValue()).resolves.toMatch(/^\d+\.1$/);
    await dialog.getByLabel("Title").fill("Divisional boards review their race equity data each quarter");
    // Typed day first, as people in the UK and Wales write it (the field shows dd/mm/yyyy).
    await dialog.getByLabel("Due date").fill("30/06/2026");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Divisional boards review their race equity data each quarter" }).waitFor();
    await expectNoAxeViolations(page);

    await page.reload();
    await ready(page);
    await page.getByRole("button", { name: /^\d+\. Embed race equity in every divisional plan$/ }).click();
    await page.getByRole("button", { name: "Divisional boards review their race equity data each quarter" }).waitFor();
    const snapshot = await plan();
    const objective = snapshot.objectives.find((o) => o.title === "Embed race equity in every divisional plan");
    expect(objective).toBeTruthy();
    expect(snapshot.actions.find((a) => a.objectiveId === objective!.id)?.dueDate).toBe("2026-06-30");
    await context.close();
  });

  it("a plan editor sets an action Blue in the edit form, is asked for a completion note, and the history keeps it", async () => {
    const snapshot = await plan();
    const action = snapshot.actions.find(
      (a) => a.rag !== "Blue" && !a.leads.some((p) => p.email?.toLowerCase() === AMARA),
    )!;
    const { context, page } = await openAs(LEAD, { query: { action: String(action.id) } });
    await page.getByRole("dialog").getByRole("button", { name: "Edit action" }).click();
    const form = page.getByRole("dialog", { name: `Edit action ${action.number}` });
    // By mouse, as most editors would: the dropdown opens inside the dialog over the panel.
    await form.getByRole("combobox", { name: "RAG" }).click();
    await page.getByRole("option", { name: "Blue: complete" }).click();
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("To mark this action complete, add a note saying what was achieved.").waitFor();
    await expectNoAxeViolations(page);
    await form.getByLabel("Completion note").fill("Completed: every division reports quarterly");
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "detached" });
    const store = storeAs(app, LEAD);
    expect((await store.getAction(action.id)).rag).toBe("Blue");
    const [latest] = await store.history(action.id);
    expect(latest).toMatchObject({
      rag: "Blue",
      previousRag: action.rag,
      note: "Completed: every division reports quarterly",
    });
    // The action's own version history (SharePoint's audit trail) shows who changed what.
    await page.getByRole("button", { name: "Show the changes to this action" }).click();
    const trail = page.getByRole("list", { name: "Changes to this action" });
    await trail.getByText(/RAG changed from .+ to Blue: complete/).waitFor();
    expect(await trail.getByText(/saved by Jordan Ellis/).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await trail.scrollIntoViewIfNeeded();
    await screenshot(page, "action-version-trail");
    await context.close();
  });

  it("an action owner updates progress with a note, and the history shows it after reload", async () => {
    const action = (await amarasActions())[0]!;
    const { context, page } = await openAs(AMARA);
    await ready(page);
    await page.getByRole("tab", { name: "My actions" }).click();
    await page.getByRole("heading", { name: /^Actions led by/ }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: `Update progress on action ${action.number}` }).click();
    const form = page.getByRole("form", { name: `Update progress on action ${action.number}` });
    await form.getByRole("radio", { name: "Red: off track" }).check();
    await form.getByRole("button", { name: "Save update" }).click();
    await form.getByText("For a Red action, add a note saying what is being done about it.").waitFor();
    await expectNoAxeViolations(page);
    await form.getByLabel("Progress", { exact: true }).fill("Panel pool recruited; training booked for March");
    await form.getByLabel("What is being done about it").fill("Recovery plan agreed with the divisional director");
    await form.getByRole("button", { name: "Save update" }).click();
    await form.waitFor({ state: "detached" });

    await page.reload();
    await ready(page);
    await page.goto(`${app.url}?as=${AMARA}&theme=default&action=${action.id}`);
    const panel = page.getByRole("dialog");
    await panel.getByText("Recovery plan agreed with the divisional director").waitFor();
    await expect(
      panel
        .getByText(/^Update by Amara Okafor/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expectNoAxeViolations(page);
    const saved = await storeAs(app, LEAD).getAction(action.id);
    expect(saved.rag).toBe("Red");
    expect(saved.progress).toBe("Panel pool recruited; training booked for March");
    await context.close();
  });

  it("a reader sees no edit controls, and a write through the store is refused", async () => {
    const action = (await amarasActions())[1]!;
    const { context, page } = await openAs(COMMITTEE, { query: { action: String(action.id) } });
    const panel = page.getByRole("dialog");
    await panel.getByRole("heading", { name: "History" }).waitFor();
    for (const name of ["Update progress", "Edit action", "Delete action", "Add comment"]) {
      expect(await panel.getByRole("button", { name }).count(), name).toBe(0);
    }
    await expectNoAxeViolations(page);
    await panel.getByRole("button", { name: "Close" }).click();
    expect(await page.getByRole("button", { name: "Add objective" }).count()).toBe(0);
    await page.getByRole("tab", { name: "My actions" }).click();
    await page.getByText("You do not lead any actions in this plan.").waitFor();

    await expect(
      storeAs(app, COMMITTEE).updateProgress(action.id, action.etag, { rag: "Blue", note: "Done" }),
    ).rejects.toBeInstanceOf(PermissionError);
    expect((await storeAs(app, LEAD).getAction(action.id)).rag).toBe(action.rag);
    await context.close();
  });

  it("a staff network chair may comment on an action but not change it", async () => {
    const action = (await amarasActions())[1]!;
    const { context, page } = await openAs(CHAIR, { query: { action: String(action.id) } });
    const panel = page.getByRole("dialog");
    await panel.getByRole("heading", { name: "History" }).waitFor();
    // No way to change the action anywhere in its panel: no update (nor the completed action's quiet
    // form), no edit, no delete; only the comment box.
    for (const name of [/^Update progress/, /^Add a note or reopen/, "Edit action", "Delete action"]) {
      expect(await panel.getByRole("button", { name }).count(), String(name)).toBe(0);
    }
    expect(await panel.getByRole("form", { name: /^Update progress on action/ }).count()).toBe(0);
    expect(await panel.getByRole("heading", { name: "Update progress" }).count()).toBe(0);
    await panel.getByLabel("Your comment").fill("The network would like to see the panel data split by site.");
    await panel.getByRole("button", { name: "Add comment" }).click();
    const entry = panel
      .getByRole("listitem")
      .filter({ hasText: "The network would like to see the panel data split by site." });
    await entry.getByText(/^Comment by /).waitFor();
    await panel.getByRole("button", { name: "Close" }).click();
    await panel.waitFor({ state: "detached" });
    // Nor anywhere in the plan: no objective or action may be added, edited, renumbered or deleted.
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByRole("heading", { name: "Objectives" }).waitFor();
    const snapshot = await plan();
    const objective = snapshot.objectives.find((o) => o.id === action.objectiveId)!;
    await page.getByRole("button", { name: `${objective.number}. ${objective.title}` }).click();
    await page.locator(`[data-action-id="${action.id}"]`).waitFor();
    for (const name of [
      "Add objective",
      "Edit objective",
      "Delete objective",
      "Renumber actions",
      "Add action",
      "Edit action",
      "Delete action",
    ]) {
      expect(await page.getByRole("button", { name }).count(), name).toBe(0);
    }

    // And SharePoint refuses the chair's writes whatever the screen shows: the action item itself over
    // REST (the network chair has Read on WRES Actions), and a progress update through the data layer.
    const item = `${app.url}sites/wres/_api/web/lists/getByTitle('WRES Actions')/items(${action.id})`;
    const merge = await fetch(item, {
      method: "POST",
      headers: {
        Authorization: `Bearer dev:${CHAIR}`,
        Accept: "application/json;odata=nometadata",
        "Content-Type": "application/json",
        "X-HTTP-Method": "MERGE",
        "IF-MATCH": "*",
      },
      body: JSON.stringify({ Title: "Changed by the chair" }),
    });
    expect(merge.status).toBe(403);
    await expect(
      storeAs(app, CHAIR).updateAction(action.id, action.etag, { dueDate: "2099-12-31" }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      storeAs(app, CHAIR).updateProgress(action.id, action.etag, { rag: "Blue", note: "Done" }),
    ).rejects.toBeInstanceOf(PermissionError);
    const after = await storeAs(app, LEAD).getAction(action.id);
    expect({ title: after.title, dueDate: after.dueDate, rag: after.rag }).toEqual({
      title: action.title,
      dueDate: action.dueDate,
      rag: action.rag,
    });
    await context.close();
  });
});

describe("two people editing the same action", () => {
  async function startEdit(page: Page, action: Action) {
    await page.goto(`${app.url}?as=${LEAD}&theme=default&action=${action.id}`);
    const panel = page.getByRole("dialog");
    await panel.getByRole("button", { name: "Update progress" }).click();
    return panel.getByRole("form", { name: `Update progress on action ${action.number}` });
  }

  it("keep mine: the second person sees both versions and keeps their own", async () => {
    const action = (await amarasActions())[2]!;
    const first = await openAs(LEAD);
    const second = await openAs(AMARA);
    const formA = await startEdit(first.page, action);
    const formB = await startEdit(second.page, action);
    await formA.getByLabel("Progress", { exact: true }).fill("Version from the plan editor");
    await formA.getByRole("button", { name: "Save update" }).click();
    await formA.waitFor({ state: "detached" });

    await formB.getByLabel("Progress", { exact: true }).fill("Version from the action owner");
    await formB.getByRole("button", { name: "Save update" }).click();
    // The dialog names who saved first (the plan editor, Jordan Ellis), not "someone".
    const conflict = second.page.getByRole("alertdialog", { name: "Jordan Ellis changed this action" });
    await conflict.waitFor();
    await conflict.getByText("Version from the plan editor").waitFor();
    await conflict.getByText("Version from the action owner").waitFor();
    await expectNoAxeViolations(second.page);
    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await conflict.waitFor({ state: "detached" });
    await expect(storeAs(app, LEAD).getAction(action.id)).resolves.toMatchObject({
      progress: "Version from the action owner",
    });
    const history = await storeAs(app, LEAD).history(action.id);
    expect(history.some((u) => u.progress === "Version from the plan editor")).toBe(true);
    await first.context.close();
    await second.context.close();
  });

  it("merge field by field: each person's change to a different field is kept", async () => {
    // An open action: a completed (Blue) one offers "Add a note or reopen" instead of "Update progress".
    const all = await amarasActions();
    const action = all.slice(3).find((a) => a.rag !== "Blue") ?? all[0]!;
    const before = await storeAs(app, LEAD).getAction(action.id);
    const newRag = before.rag === "Green" ? "Amber" : "Green";
    const first = await openAs(LEAD);
    const second = await openAs(AMARA);
    const formA = await startEdit(first.page, before);
    const formB = await startEdit(second.page, before);
    await formA.getByRole("radio", { name: newRag === "Green" ? "Green: on track" : "Amber: at risk" }).check();
    await formA.getByRole("button", { name: "Save update" }).click();
    await formA.waitFor({ state: "detached" });

    await formB.getByLabel("Progress", { exact: true }).fill("Owner's progress, written at the same time");
    await formB.getByRole("button", { name: "Save update" }).click();
    const conflict = second.page.getByRole("alertdialog");
    await conflict.waitFor();
    // The RAG row suggests the current (their) value, the progress row the owner's own.
    await expect(
      conflict
        .getByRole("radiogroup", { name: "Which RAG to keep" })
        .getByRole("radio", { name: "Current" })
        .isChecked(),
    ).resolves.toBe(true);
    await expect(
      conflict
        .getByRole("radiogroup", { name: "Which Progress to keep" })
        .getByRole("radio", { name: "Yours" })
        .isChecked(),
    ).resolves.toBe(true);
    await conflict.getByRole("button", { name: "Merge field by field" }).click();
    await conflict.waitFor({ state: "detached" });
    await expect(storeAs(app, LEAD).getAction(action.id)).resolves.toMatchObject({
      rag: newRag,
      progress: "Owner's progress, written at the same time",
    });
    await first.context.close();
    await second.context.close();
  });
});

describe("resilience", () => {
  it("retries through injected throttling, says it is still working, and shows the result", async () => {
    const action = (await amarasActions())[0]!;
    const { context, page } = await openAs(AMARA, { query: { action: String(action.id) } });
    const panel = page.getByRole("dialog");
    // The panel's own reads (history, evidence) settle first, so the injected throttling meets the save.
    await panel.getByRole("list", { name: "History" }).waitFor();
    await panel.getByText("No evidence attached yet.").waitFor();
    await panel.getByRole("button", { name: "Update progress" }).click();
    const form = panel.getByRole("form", { name: /^Update progress/ });
    // The note box's label depends on the action's RAG (Red asks what is being done): the last box.
    await form.getByRole("textbox").last().fill("Saved through throttling");
    const response = await fetch(`${app.url}_localsp/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ throttle: { count: 2, status: 429, retryAfter: 1 } }),
    });
    expect(response.ok).toBe(true);
    await form.getByRole("button", { name: "Save update" }).click();
    await page.getByText(/^Still working/).waitFor();
    await form.waitFor({ state: "detached" });
    await panel.getByText("Saved through throttling").waitFor();
    await context.close();
  });

  it("opens at a deep-linked action and copies a link that opens it again", async () => {
    const action = (await amarasActions())[1]!;
    const { context, page } = await openAs(LEAD, { query: { action: String(action.id) } });
    await (await users.context(LEAD)).grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    const panel = page.getByRole("dialog", { name: new RegExp(`^${action.number.replace(".", "\\.")} `) });
    await panel.waitFor();
    await panel.getByRole("button", { name: "Copy link" }).click();
    await panel.getByText("Link copied.").waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).searchParams.get("action")).toBe(String(action.id));
    await context.close();
  });
});

describe("screens in every theme and at the meeting side panel width", () => {
  const combos = THEMES.flatMap((theme) => [
    { theme, viewport: DESKTOP, size: "desktop" },
    { theme, viewport: SIDE_PANEL, size: "side-panel" },
  ]);

  for (const { theme, viewport, size } of combos) {
    it(`overview, objective detail, action panel, my actions and conflict view: ${theme}, ${size}`, async () => {
      const actions = await amarasActions();
      const target = actions[actions.length - 1]!;
      const violations: string[] = [];
      const check = async (page: Page, screen: string) => {
        const found = await runAxe(page);
        if (found.length) violations.push(`${screen}: ${describeViolations(found)}`);
        await screenshot(page, `${screen}-${theme}-${size}`);
      };
      const { page, context } = await openAs(AMARA, { theme, viewport });
      await ready(page);
      // An action owner lands on My actions; the overview is one tab away.
      await page.getByRole("tab", { name: "Overview" }).click();
      await page.getByRole("heading", { name: "Objectives" }).waitFor();
      await check(page, "overview");

      const snapshot = await plan();
      const objective = snapshot.objectives.find((o) => o.id === target.objectiveId)!;
      await page.getByRole("button", { name: `${objective.number}. ${objective.title}` }).click();
      await page.locator(`[data-action-id="${target.id}"]`).waitFor();
      await check(page, "objective-detail");

      await page.locator(`[data-action-id="${target.id}"]`).click();
      const panel = page.getByRole("dialog");
      await panel.getByRole("heading", { name: "History" }).waitFor();
      await panel.getByRole("list", { name: "History" }).or(panel.getByText("No updates yet.")).first().waitFor();
      await check(page, "action-panel");
      await panel.getByRole("button", { name: "Close" }).click();
      await panel.waitFor({ state: "detached" });

      await page.getByRole("tab", { name: "My actions" }).click();
      await page.getByRole("heading", { name: /^Actions led by/ }).waitFor();
      await check(page, "my-actions");

      // A conflict: someone else saves the action while this person's update is open.
      await page.getByRole("button", { name: `Update progress on action ${target.number}` }).click();
      const form = page.getByRole("form", { name: `Update progress on action ${target.number}` });
      await form.getByLabel("Progress", { exact: true }).fill(`Owner's progress (${theme}, ${size})`);
      const current = await storeAs(app, LEAD).getAction(target.id);
      await storeAs(app, LEAD).updateProgress(target.id, current.etag, {
        progress: `Plan editor's progress (${theme}, ${size})`,
      });
      await form.getByRole("button", { name: "Save update" }).click();
      const conflict = page.getByRole("alertdialog");
      await conflict.getByText(`Plan editor's progress (${theme}, ${size})`).waitFor();
      await check(page, "conflict-view");
      await conflict.getByRole("button", { name: "Take theirs" }).click();
      await conflict.waitFor({ state: "detached" });

      await context.close();
      expect(violations).toEqual([]);
    });
  }
});

describe("renumbering objectives", () => {
  it("previews the numbers that change, in every theme and at side panel width, then closes the gap", async () => {
    const store = storeAs(app, LEAD);
    const snapshot = await plan();
    const top = Math.max(...snapshot.objectives.map((o) => Number(o.number)).filter(Number.isFinite));
    // An objective two places past the end: renumbering brings it and its action down by one.
    const gap = String(top + 2);
    const objective = await store.addObjective({
      title: "Race equity in every divisional plan (renumbering check)",
      planYear: snapshot.year,
      number: gap,
      description: null,
      owner: null,
      sponsor: null,
      indicators: [],
      highImpactActions: [],
      ragOverride: null,
      ragOverrideReason: null,
    });
    const action = await store.addAction({
      objectiveId: objective.id,
      number: `${gap}.1`,
      title: "Divisional race equity plans agreed",
      leads: [],
      leadText: "Divisional directors",
      dueDate: null,
      milestones: null,
      progress: null,
      kpis: null,
      outcomes: null,
      indicators: [],
      rag: "Green",
    });
    const to = String(top + 1);
    for (const theme of THEMES) {
      for (const [size, viewport] of [
        ["desktop", DESKTOP],
        ["side-panel", SIDE_PANEL],
      ] as const) {
        const { page, context } = await openAs(LEAD, { theme, viewport });
        await ready(page);
        await page.getByRole("button", { name: "Renumber objectives" }).click();
        const dialog = page.getByRole("alertdialog", { name: "Renumber the objectives?" });
        const preview = dialog.getByTestId("renumber-preview");
        await preview.waitFor();
        expect(await preview.innerText()).toBe(
          `Objective ${gap} becomes ${to}: ${objective.title}\nIts actions: ${gap}.1 to ${to}.1`,
        );
        await expectNoAxeViolations(page);
        await screenshot(page, `renumber-objectives-${theme}-${size}`);
        if (theme === "contrast" && size === "side-panel") {
          await dialog.getByRole("button", { name: "Renumber" }).click();
          await dialog.waitFor({ state: "detached" });
          await page.getByRole("button", { name: `${to}. ${objective.title}` }).waitFor();
        } else {
          await dialog.getByRole("button", { name: "Cancel" }).click();
        }
        await context.close();
      }
    }
    expect((await store.getAction(action.id)).number).toBe(`${to}.1`);
    expect((await plan()).objectives.find((o) => o.id === objective.id)?.number).toBe(to);
  });
});
