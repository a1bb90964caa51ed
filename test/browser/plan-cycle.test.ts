// A plan year walked on screen, as boards run it (docs/plan-cycle.md): a draft put out for
// consultation, a network chair's comment and the plan editor's answer, submission, a return by the
// committee and a second submission, approval with an assurance level, the frozen copy unchanged after
// a later edit, and the changes since approval read on the Plan year screen, in the print report and
// in the meeting side panel. axe-core on the new surfaces; screenshots in each theme and at 320 px.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { readDocx } from "../../src/workbook/docx";
import { pdfText } from "../support/pdf";
import {
  DESKTOP,
  SIDE_PANEL,
  THEMES,
  expectNoAxeViolations,
  screenshot,
  storeAs,
  type RunningApp,
  type Theme,
  openSession,
  closeSession,
} from "../support/browser";

const LEAD = "edi.lead@wres.test";
const CHAIR = "network.chair@wres.test";
const COMMITTEE = "committee@wres.test";
const YEAR = "2024/25";

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function open(
  upn: string,
  query: Record<string, string>,
  options: { theme?: Theme; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: "en-GB",
    acceptDownloads: true,
  });
  context.setDefaultNavigationTimeout(180_000);
  context.setDefaultTimeout(60_000);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(
    `${app.url}?${new URLSearchParams({ as: upn, theme: options.theme ?? "default", year: YEAR, ...query })}`,
  );
  return page;
}

async function cycleCard(page: Page) {
  const card = page.getByTestId("cycle-card");
  await card.waitFor({ timeout: 120_000 });
  return card;
}

async function stateIs(page: Page, state: string) {
  await page.getByTestId("cycle-card").getByTestId("cycle-state").getByText(state, { exact: true }).waitFor();
}

async function recordDecision(
  page: Page,
  decision: { meeting: string; outcome: string; assurance: string; minute: string },
) {
  const form = page.getByRole("form", { name: "Record the committee's decision" });
  await form.getByRole("textbox", { name: "Meeting" }).fill(decision.meeting);
  await form.getByRole("radio", { name: decision.outcome, exact: true }).check();
  await form.getByRole("radio", { name: decision.assurance, exact: true }).check();
  await form.getByLabel("Minute reference").fill(decision.minute);
  await form.getByRole("button", { name: "Record the decision" }).click();
  await page.getByRole("status").getByText("The decision is recorded.").waitFor();
}

beforeAll(async () => {
  ({ app, browser } = await openSession({ seed: "demo" }));
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await closeSession({ app, browser });
});

describe("a plan year walked on screen", () => {
  it("draft, consultation with a chair's comment and the editor's answer, a return, a second submission and approval with assurance", async () => {
    const lead = await open(LEAD, { view: "year" });
    await cycleCard(lead);
    await stateIs(lead, "Draft");
    expect(
      await lead.getByText("Plan editors: edit the plan, open consultation or submit it to committee (you)").count(),
    ).toBe(1);
    await lead.getByRole("button", { name: "Open consultation" }).click();
    await stateIs(lead, "In consultation");

    // The network chair comments on objective 1; a committee member can only read.
    const chair = await open(CHAIR, { view: "year" });
    await cycleCard(chair);
    expect(await chair.getByRole("button", { name: "Open consultation" }).count()).toBe(0);
    const section = chair.getByRole("region", { name: /^Objective 1: / });
    await section
      .getByLabel(/^Your comment on Objective 1: /)
      .fill("Panels need network members trained before they sit on them");
    await section.getByRole("button", { name: "Comment", exact: true }).click();
    await chair.getByRole("status").getByText("Your comment is saved.").waitFor();
    await section.getByText("Not answered yet").waitFor();
    await expectNoAxeViolations(chair, "[data-testid=cycle-card]");
    for (const theme of THEMES) {
      const themed = theme === "default" ? chair : await open(CHAIR, { view: "year" }, { theme });
      await cycleCard(themed);
      await themed.getByText("Panels need network members trained before they sit on them").waitFor();
      await screenshot(themed, `cycle-consultation-chair-${theme}`);
      if (themed !== chair) await themed.context().close();
    }
    const narrow = await open(CHAIR, { view: "year" }, { viewport: SIDE_PANEL });
    await cycleCard(narrow);
    await narrow.getByText("Panels need network members trained before they sit on them").waitFor();
    await screenshot(narrow, "cycle-consultation-chair-320");

    const committee = await open(COMMITTEE, { view: "year" });
    await cycleCard(committee);
    await committee.getByText("Panels need network members trained before they sit on them").waitFor();
    expect(await committee.getByRole("button", { name: "Comment", exact: true }).count()).toBe(0);

    // The editor sees the comment and answers it.
    await lead.reload();
    const leadSection = (await cycleCard(lead)).getByRole("region", { name: /^Objective 1: / });
    await leadSection.getByLabel("Your answer to Samuel Adeyemi").fill("Added to action 1.1: training comes first");
    await leadSection.getByRole("button", { name: "Answer", exact: true }).click();
    await lead.getByRole("status").getByText("Your answer is saved.").waitFor();
    await leadSection.getByText("Answer by Jordan Ellis").waitFor();

    await lead.getByRole("button", { name: "Submit to committee" }).click();
    await stateIs(lead, "Submitted to committee");
    await recordDecision(lead, {
      meeting: "People and Culture Committee",
      outcome: "Returned for more work",
      assurance: "not assured",
      minute: "PCC/25/03",
    });
    await stateIs(lead, "Returned by committee");
    await lead.getByRole("button", { name: "Submit to committee" }).click();
    await stateIs(lead, "Submitted to committee");
    await expectNoAxeViolations(lead, "[data-testid=cycle-card]");
    for (const theme of THEMES) {
      const themed = theme === "default" ? lead : await open(LEAD, { view: "year" }, { theme });
      await cycleCard(themed);
      await themed.getByRole("form", { name: "Record the committee's decision" }).waitFor();
      await screenshot(themed, `cycle-decision-form-${theme}`);
      if (themed !== lead) await themed.context().close();
    }
    await recordDecision(lead, {
      meeting: "Trust Board",
      outcome: "Approved with changes",
      assurance: "partially assured",
      minute: "TB/25/12",
    });
    await stateIs(lead, "Approved");
    const decisions = lead.getByRole("table", { name: "Decisions" });
    const rows = await decisions.getByRole("row").allInnerTexts();
    expect(rows.slice(1).map((r) => r.split("\t").slice(0, 5))).toEqual([
      ["People and Culture Committee", expect.any(String), "Returned for more work", "not assured", "PCC/25/03"],
      ["Trust Board", expect.any(String), "Approved with changes", "partially assured", "TB/25/12"],
    ]);
    expect(rows[2]).toContain("Jordan Ellis");
    // The header of the tab shows the state too.
    const tab = await open(LEAD, {});
    await tab.getByTestId("cycle-state").getByText("Approved", { exact: true }).waitFor({ timeout: 120_000 });
    expect(await tab.getByTestId("cycle-state").innerText()).toContain("Trust Board");
  }, 600_000);

  it("keeps the approved copy as approved after a later edit, and reports the change since approval on screen", async () => {
    const store = storeAs(app, LEAD);
    const before = await store.approvedCopy(YEAR);
    expect(before?.decision).toMatchObject({
      meeting: "Trust Board",
      outcome: "approved-with-changes",
      assurance: "partially-assured",
    });
    const plan = await store.loadPlan(YEAR);
    const action = plan.actions.find((a) => a.number === "1.1")!;
    await store.updateAction(
      action.id,
      action.etag,
      { dueDate: "2025-12-31", rag: "Red" },
      "Moved after the board's changes",
    );
    expect(await store.approvedCopy(YEAR)).toEqual(before);
    const approvedDue = before!.actions.find((a) => a.id === action.id)!.dueDate;
    expect(approvedDue).not.toBe("2025-12-31");

    const lead = await open(LEAD, { view: "year" });
    const card = await cycleCard(lead);
    const since = card.getByTestId("since-approval");
    await since.waitFor();
    const text = await since.innerText();
    expect(text).toContain("1 re-dated");
    expect(text).toMatch(/Due date moved from .* to 31 Dec 2025/);
    await expectNoAxeViolations(lead, "[data-testid=cycle-card]");
    for (const theme of THEMES) {
      const themed = theme === "default" ? lead : await open(LEAD, { view: "year" }, { theme });
      await (await cycleCard(themed)).getByTestId("since-approval").waitFor();
      await screenshot(themed, `cycle-since-approval-${theme}`);
      if (themed !== lead) await themed.context().close();
    }

    // The committee report (print view) reads the same.
    const report = await open(COMMITTEE, { view: "report" });
    const reportSince = report.getByTestId("since-approval");
    await reportSince.waitFor({ timeout: 120_000 });
    expect(await reportSince.innerText()).toMatch(/Due date moved from .* to 31 Dec 2025/);
    expect(await report.getByTestId("cycle-state").innerText()).toContain("Approved");

    // The meeting side panel offers "since approval" beside "since a date".
    for (const theme of THEMES) {
      const panel = await open(COMMITTEE, { view: "sidepanel" }, { theme, viewport: SIDE_PANEL });
      await panel.getByRole("radio", { name: "since approval" }).check({ timeout: 120_000 });
      const list = panel.getByTestId("since-approval");
      await list.waitFor();
      expect(await list.innerText()).toMatch(/Due date moved from .* to 31 Dec 2025/);
      if (theme === "default") await expectNoAxeViolations(panel);
      await screenshot(panel, `cycle-sidepanel-since-approval-${theme}`);
      await panel.context().close();
    }
    await lead.getByRole("button", { name: "Mark as published" }).click();
    await stateIs(lead, "Published");
  }, 600_000);

  it("publishes the approved copy, not the live plan: the public version downloads as Word and prints, with the approval line", async () => {
    const copy = (await storeAs(app, LEAD).approvedCopy(YEAR))!;
    const approved = copy.actions.find((a) => a.number === "1.1")!;
    const lead = await open(LEAD, { view: "year" });
    const card = lead.getByRole("region", { name: "Committee paper and public version" });
    await card.getByRole("button", { name: "Download public version (Word)" }).waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([
      lead.waitForEvent("download"),
      card.getByRole("button", { name: "Download public version (Word)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("WRES action plan 2024-25 (public).docx");
    const word = readDocx("public.docx", new Uint8Array(readFileSync((await download.path())!)));
    const text = word.paragraphs.join("\n");
    expect(text).toMatch(/Approved, with changes, by the Trust Board on \d{1,2} \w+ \d{4}\./);
    // Action 1.1 as the board approved it: its due date then, not the one it was moved to afterwards.
    const row = word.tables.flatMap((t) => t.rows).find((r) => String(r[0]) === "1.1")!;
    expect(row.map(String)).toContain(approved.title);
    // The document writes dates in full ("2 February 2025").
    const longDate = (iso: string) =>
      new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date(`${iso}T12:00:00Z`),
      );
    expect(row.map(String)).toContain(longDate(approved.dueDate!));
    expect(row.map(String)).not.toContain("31 December 2025");
    // Nothing of the record's internals: no minute reference, no RAG words.
    expect(text).not.toContain("TB/");
    expect(
      word.tables
        .flatMap((t) => t.rows)
        .flat()
        .map(String),
    ).not.toContain("Red");

    const href = await card.getByRole("link", { name: "Public version (print or PDF)" }).getAttribute("href");
    const printed = await lead.context().newPage();
    await printed.goto(href!);
    await printed
      .getByRole("heading", { name: /action plan 2024\/25/ })
      .first()
      .waitFor({ timeout: 120_000 });
    const paper = pdfText(await printed.pdf({ format: "A4", printBackground: true }));
    expect(paper).toMatch(/Approved, with changes, by the Trust Board/);
    expect(paper).toContain(approved.title.slice(0, 30));
    await printed.close();
    await lead.context().close();
  }, 600_000);
});
