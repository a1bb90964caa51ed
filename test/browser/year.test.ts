// The plan-year tools in Chromium against the dev server and the seeded local SharePoint site:
// importing a published-style plan workbook (preview, flagged rows, write, re-import changes
// nothing), the committee report (Excel read back, print view on screen and as print/PDF), and
// rolling the plan over. axe-core and screenshots in the three themes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  DESKTOP,
  SIDE_PANEL,
  THEMES,
  screenshot,
  type RunningApp,
  type Theme,
  people,
  storeAs,
  expectNoAxeViolations,
  openSession,
  closeSession,
} from "../support/browser";
import { CORPUS } from "../unit/plan-import/corpus";
import { pdfText } from "../support/pdf";
import { publishedStylePlan } from "../unit/plan-import/published-plan";
import { buildXlsx } from "../unit/plan-import/xlsx-builder";

const LEAD = "edi.lead@wres.test";
const COMMITTEE = "committee@wres.test";
const IMPORT_YEAR = "2023/24";

let app: RunningApp;
let browser: Browser;
let planFile: string;
let users: ReturnType<typeof people>;
const openAs = (
  upn: string,
  query: Record<string, string>,
  options: { theme?: Theme; viewport?: { width: number; height: number } } = {},
) => users.open(upn, { ...options, query });

async function choosePlan(page: Page) {
  await page.getByLabel("Plan file (Excel .xlsx or Word .docx)").setInputFiles(planFile);
  await page.getByTestId("import-preview").waitFor();
}

beforeAll(async () => {
  ({ app, browser, users } = await openSession({ seed: "demo", viewport: DESKTOP, acceptDownloads: true }));
  const dir = mkdtempSync(join(tmpdir(), "wres-year-"));
  planFile = join(dir, "WRES action plan 2023-24.xlsx");
  writeFileSync(planFile, await publishedStylePlan());
  const page = await openAs(LEAD, { view: "year", year: IMPORT_YEAR });
  await page.getByRole("heading", { name: `Plan year ${IMPORT_YEAR}` }).waitFor({ timeout: 120_000 });
  await page.close();
});

afterAll(() => closeSession({ app, browser, users }));

describe("importing a published-style plan", () => {
  it("previews what it understood, flags the malformed row, writes once, and a re-import changes nothing", async () => {
    const page = await openAs(LEAD, { view: "year", year: IMPORT_YEAR });
    await choosePlan(page);
    const preview = page.getByTestId("import-preview");
    expect(await page.getByTestId("import-count-create").innerText()).toBe("7 new");
    expect(
      await preview.getByRole("heading", { level: 4, name: /^1\. Improve representation at senior levels/ }).count(),
    ).toBe(1);
    expect(
      await preview
        .getByRole("cell", { name: "Reverse mentoring for the Board with the race equality network", exact: true })
        .count(),
    ).toBe(1);
    // 2.2 has no action text: reported by sheet and row, not guessed.
    const errors = await page.getByTestId("import-errors").innerText();
    expect(errors).toContain("Sheet “WRES Action Plan 2024-25”, row 11");
    expect(errors).toContain("no action text");
    await expectNoAxeViolations(page);
    for (const theme of THEMES) {
      if (theme !== "default") {
        const themed = await openAs(LEAD, { view: "year", year: IMPORT_YEAR }, { theme });
        await choosePlan(themed);
        await screenshot(themed, `year-import-preview-${theme}`);
        await themed.close();
      } else await screenshot(page, "year-import-preview-default");
    }

    await page.getByRole("button", { name: /^Import \d+ changes$/ }).click();
    await page.getByText(/^Imported: 2 objectives and 5 actions added/).waitFor();
    const stored = await storeAs(app, LEAD).loadPlan(IMPORT_YEAR);
    expect(stored.objectives.map((o) => o.title).sort()).toEqual([
      "Fair employee relations processes (Indicator 3)",
      "Improve representation at senior levels (WRES indicators 1 and 9)",
    ]);
    expect(stored.actions).toHaveLength(5);

    // The same file again: nothing to change, and nothing written.
    const again = await openAs(LEAD, { view: "year", year: IMPORT_YEAR });
    await choosePlan(again);
    await again.getByTestId("nothing-to-change").waitFor();
    expect(await again.getByRole("button", { name: /^Import \d+ changes$/ }).isDisabled()).toBe(true);
    expect((await storeAs(app, LEAD).loadPlan(IMPORT_YEAR)).actions).toHaveLength(5);
    await again.close();
    await page.close();
  });

  it("is for plan editors: a committee member sees the report but not import or roll-over", async () => {
    const page = await openAs(COMMITTEE, { view: "year" });
    await page.getByRole("heading", { name: "Committee report" }).waitFor();
    expect(await page.getByRole("heading", { name: "Import a plan from Excel or Word" }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Roll over to next year" }).count()).toBe(0);
    await page.close();
  });
});

describe("importing plans as organisations publish them", () => {
  const dir = mkdtempSync(join(tmpdir(), "wres-import-"));
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  async function choose(page: Page, path: string) {
    await page.getByLabel("Plan file (Excel .xlsx or Word .docx)").setInputFiles(path);
  }

  it("the editor corrects a misread row, sees the result update, and the import is recorded as an import", async () => {
    const year = "2021/22";
    const file = write(
      "Race plan 2021-22.xlsx",
      buildXlsx([
        {
          name: "Plan",
          rows: [
            ["Race equality action plan 2021/22"],
            ["Ref", "Action", "Lead", "Due", "RAG"],
            ["Objective 1: Fair recruitment"],
            ["1.1", "Diverse interview panels", "Head of Resourcing", "March 2022", "Amber"],
            [null, "Panels agreed with the staff network in May", null, null, null],
            ["1.2", "Publish shortlisting data by ethnicity", "Head of EDI", "31/12/2021", "Green"],
          ],
        },
      ]),
    );
    const page = await openAs(LEAD, { view: "year", year });
    await choose(page, file);
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    expect(await page.getByTestId("import-year").innerText()).toBe(
      "This file is the plan for 2021/22 (from its title).",
    );
    expect(await page.getByTestId("import-count-create").innerText()).toBe("4 new");
    const role = page.getByLabel("Role of “Plan” row 5");
    expect(await role.inputValue()).toBe("action");
    await screenshot(page, "year-import-rows-default");

    await role.selectOption("note");
    await page.getByTestId("import-count-create").getByText("3 new").waitFor();
    expect(await page.getByLabel("Role of “Plan” row 5").inputValue()).toBe("note");
    expect(await preview.getByText("Panels agreed with the staff network in May").count()).toBe(1); // only in the rows list now
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Import 3 changes" }).click();
    await page.getByText(/^Imported: 1 objectives and 2 actions added/).waitFor();
    const store = storeAs(app, LEAD);
    const plan = await store.loadPlan(year);
    expect(plan.actions.map((a) => a.number).sort()).toEqual(["1.1", "1.2"]);
    expect(plan.objectives[0]?.description).toBe("Panels agreed with the staff network in May");

    // History: an import, not a RAG change.
    const action = plan.actions.find((a) => a.number === "1.1")!;
    const history = await store.history(action.id);
    expect(history).toEqual([
      expect.objectContaining({ kind: "import", note: "Race plan 2021-22.xlsx", previousRag: null }),
    ]);
    const panelPage = await openAs(LEAD, { action: String(action.id), year });
    const panel = panelPage.getByRole("dialog");
    await panel.getByTestId("history-import").waitFor();
    expect(await panel.getByTestId("history-import").innerText()).toBe("Imported from Race plan 2021-22.xlsx");
    await screenshot(panelPage, "year-import-history-default");
    await panelPage.close();

    // The committee report: the plan imported, and no RAG changes.
    const since = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const report = await openAs(LEAD, { view: "report", since, year });
    await report.getByTestId("report-import").waitFor();
    expect(await report.getByTestId("report-import").innerText()).toMatch(
      /^Imported from Race plan 2021-22\.xlsx: 2 actions, /,
    );
    expect(await report.getByTestId("report-move").count()).toBe(0);
    await screenshot(report, "year-report-after-import-default");
    await report.close();
    await page.close();
  });

  it("a doubtful structure needs an explicit confirmation before anything is written", async () => {
    const year = "2020/21";
    const file = write(
      "actions only.xlsx",
      buildXlsx([
        {
          name: "Sheet1",
          rows: [
            ["No", "Action", "Lead", "RAG"],
            ["1", "Reverse mentoring", "Head of EDI", "Green"],
            ["2", "Listening events", "Chief People Officer", "Amber"],
          ],
        },
      ]),
    );
    const page = await openAs(LEAD, { view: "year", year });
    await choose(page, file);
    await page.getByTestId("import-doubtful").waitFor();
    expect(await page.getByTestId("import-warnings").innerText()).toContain(
      "actions come before any objective heading",
    );
    const button = page.getByRole("button", { name: "Import 3 changes" });
    expect(await button.isDisabled()).toBe(true);
    await screenshot(page, "year-import-doubtful-default");
    await page.getByLabel("I have checked the structure and want to import it").check();
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    await page.getByText(/^Imported: 1 objectives and 2 actions added/).waitFor();
    expect((await storeAs(app, LEAD).loadPlan(year)).actions).toHaveLength(2);
    await page.close();
  });

  it("reads a Word plan in the worker and shows what it understood", async () => {
    const plan = CORPUS.find((p) => p.file.endsWith(".docx"))!;
    const page = await openAs(LEAD, { view: "year", year: "2018/19" });
    await choose(page, write(plan.file, plan.bytes()));
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-objective").count()).toBe(plan.expected.objectives.length);
    expect(await page.getByTestId("import-count-create").innerText()).toBe(
      `${plan.expected.objectives.length + plan.expected.objectives.reduce((n, o) => n + o.actions.length, 0)} new`,
    );
    await page.close();
  });

  it("bad files each end in a clear message and write nothing", async () => {
    const year = "2019/20";
    const locked = new Uint8Array(2048);
    locked.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    Array.from("EncryptionInfo").forEach((ch, i) => (locked[600 + 2 * i] = ch.charCodeAt(0)));
    const extract = [
      ["No", "Action", "Lead", "RAG"],
      ...Array.from({ length: 5_000 }, (_, i) => [String(i + 1), `Action ${i + 1}`, "Someone", "Green"]),
    ];
    const cases: [string, Uint8Array, RegExp][] = [
      [
        "damaged.xlsx",
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
        /damaged\.xlsx is damaged and could not be opened/,
      ],
      ["locked.docx", locked, /locked\.docx is password-protected/],
      ["empty.xlsx", new Uint8Array(0), /empty\.xlsx is empty: there is nothing to import/],
      [
        "minutes.xlsx",
        buildXlsx([{ name: "Minutes", rows: [["Minutes of the EDI group"], ["Present", "Chair"]] }]),
        /No plan was found in minutes\.xlsx/,
      ],
      ["extract.xlsx", buildXlsx([{ name: "Extract", rows: extract }]), /the sheet has 5001 rows, more than any plan/],
    ];
    const page = await openAs(LEAD, { view: "year", year });
    for (const [name, bytes, message] of cases) {
      await choose(page, write(name, bytes));
      const shown = page.getByTestId(/^(import-unreadable|import-preview)$/);
      await page.getByText(message).first().waitFor();
      expect(await shown.count(), name).toBe(1);
      if (await page.getByTestId("import-preview").count()) {
        expect(await page.getByRole("button", { name: /^Import \d+ changes$/ }).isDisabled(), name).toBe(true);
      }
    }
    await screenshot(page, "year-import-bad-file-default");
    expect((await storeAs(app, LEAD).loadPlan(year)).objectives).toEqual([]);
    await page.close();
  });
});

describe("the committee report", () => {
  it("downloads an Excel workbook with a summary and one sheet per objective", async () => {
    const page = await openAs(LEAD, { view: "year" });
    await page.getByLabel("Changes since").fill("2024-04-01");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download Excel report" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("WRES committee report 2024-25 since 2024-04-01.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const { objectives, actions } = await storeAs(app, LEAD).loadPlan("2024/25");
    expect(workbook.worksheets.length).toBe(objectives.length + 1);
    expect(workbook.worksheets[0]!.name).toBe("Summary");

    // Inside the workbook: the plan as SharePoint holds it.
    const rows = (sheet: ExcelJS.Worksheet) => {
      const out: ExcelJS.CellValue[][] = [];
      sheet.eachRow((row) => out.push((row.values as ExcelJS.CellValue[]).slice(1)));
      return out;
    };
    const summary = rows(workbook.worksheets[0]!);
    expect(summary[0]![0]).toBe("WRES action plan 2024/25: committee report");
    expect(String(summary[1]![0])).toMatch(/^Changes since 2024-04-01\. Produced \d{4}-\d{2}-\d{2}\.$/);
    expect(summary.find((r) => r[0] === "Total")?.[1]).toBe(actions.length);
    const byNumber = (a: { number: string }, b: { number: string }) =>
      a.number.localeCompare(b.number, "en", { numeric: true });
    const objectiveRows = summary.filter((r) => objectives.some((o) => o.number === r[0] && o.title === r[1]));
    expect(objectiveRows.map((r) => r[0])).toEqual([...objectives].sort(byNumber).map((o) => o.number));
    for (const o of objectives) {
      const own = actions.filter((a) => a.objectiveId === o.id);
      const line = objectiveRows.find((r) => r[0] === o.number)!;
      // No., Objective, Owner, RAG, Actions, Complete, Overdue.
      expect([line[2] ?? null, line[4], line[5]], o.number).toEqual([
        o.owner?.title ?? null,
        own.length,
        own.filter((a) => a.rag === "Blue").length,
      ]);
    }
    // One sheet per objective, in plan order, each listing its own actions with their due dates and progress.
    for (const [i, o] of [...objectives].sort(byNumber).entries()) {
      const sheet = rows(workbook.worksheets[i + 1]!);
      expect(sheet[0]![0], o.number).toBe(`${o.number} ${o.title}`);
      const listed = sheet.filter((r) =>
        actions.some((a) => a.objectiveId === o.id && a.number === r[0] && a.title === r[1]),
      );
      const own = actions.filter((a) => a.objectiveId === o.id).sort(byNumber);
      expect(
        listed.map((r) => r[0]),
        o.number,
      ).toEqual(own.map((a) => a.number));
      for (const [k, a] of own.entries()) {
        const due = listed[k]![3];
        expect(due instanceof Date ? due.toISOString().slice(0, 10) : due, a.number).toBe(
          a.dueDate ? a.dueDate.slice(0, 10) : undefined,
        );
        expect(listed[k]![5] ?? null, a.number).toBe(a.progress || null);
      }
    }
    await page.close();
  });

  it("has a print view that prints cleanly (screen, print media and PDF), with the report's content on paper", async () => {
    const { objectives } = await storeAs(app, LEAD).loadPlan("2024/25");
    expect(objectives.length).toBeGreaterThan(0);
    for (const theme of THEMES) {
      const page = await openAs(LEAD, { view: "report", since: "2024-04-01" }, { theme });
      await page.getByRole("heading", { name: "WRES action plan 2024/25: committee report" }).waitFor();
      expect(await page.getByTestId("report-move").count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `year-report-${theme}`);
      await page.emulateMedia({ media: "print" });
      // In print the toolbar is gone and text is black on white whatever the theme.
      expect(await page.getByRole("button", { name: "Print or save as PDF" }).isVisible()).toBe(false);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector("h1")!).color)).toBe("rgb(0, 0, 0)");
      // ...on white: every box around the report is white on paper, in the dark theme too.
      const backgrounds = await page.evaluate(() => {
        const out: string[] = [];
        for (let el: Element | null = document.querySelector("h1"); el; el = el.parentElement) {
          const bg = getComputedStyle(el).backgroundColor;
          if (bg !== "rgba(0, 0, 0, 0)") out.push(bg);
        }
        return out;
      });
      expect(new Set(backgrounds)).toEqual(new Set(["rgb(255, 255, 255)"]));
      // What is on paper: the report itself, not a blank page (the app's print rule once hid its root).
      expect(await page.getByRole("heading", { name: "WRES action plan 2024/25: committee report" }).isVisible()).toBe(
        true,
      );
      await screenshot(page, `year-print-${theme}`);
      const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const paper = pdfText(pdf);
      if (theme === "default") writeFileSync(join("test-results", "screenshots", "year-report.pdf"), pdf);
      for (const heading of [
        "WRES action plan 2024/25: committee report",
        "Actions by RAG",
        "Objectives",
        "Changes since 1 Apr 2024",
      ])
        expect(paper, heading).toContain(heading);
      for (const objective of objectives)
        expect(paper, objective.title).toContain(objective.title.replace(/\s+/g, " "));
      for (const word of ["Red: off track", "Amber: at risk", "Green: on track", "Blue: complete"])
        expect(paper, word).toContain(word);
      expect(paper).not.toContain("Print or save as PDF");
      await page.close();
    }
  });
});

describe("rolling the plan over", () => {
  it("carries open actions into next year with a link back and closes this year read-only", async () => {
    const before = await storeAs(app, LEAD).loadPlan("2024/25");
    const open = before.actions.filter((a) => a.rag !== "Blue");
    const page = await openAs(LEAD, { view: "year", year: "2024/25" });
    await page.getByRole("button", { name: "Preview roll-over to 2025/26" }).click();
    const preview = page.getByTestId("rollover-preview");
    await preview.waitFor();
    expect(await preview.innerText()).toContain(`${open.length} open actions carried over`);
    await screenshot(page, "year-rollover-preview-default");
    await page.getByRole("button", { name: "Roll over to 2025/26" }).click();
    await page.getByText(/^Done: \d+ objectives and \d+ actions created in 2025\/26/).waitFor();

    const store = storeAs(app, LEAD);
    const next = await store.loadPlan("2025/26");
    expect(next.actions).toHaveLength(open.length);
    expect(next.actions.map((a) => a.carriedFromId).sort()).toEqual(open.map((a) => a.id).sort());
    const closed = await store.loadPlan("2024/25");
    expect(closed.objectives.every((o) => o.readOnly === true)).toBe(true);
    await page.close();
  });

  it("shows the closed year to the plan editor read-only, with a notice naming the year it was carried into", async () => {
    const closed = await storeAs(app, LEAD).loadPlan("2024/25");
    const objective = [...closed.objectives].sort((a, b) =>
      a.number.localeCompare(b.number, "en", { numeric: true }),
    )[0]!;
    const action = closed.actions.find((a) => a.objectiveId === objective.id)!;
    const page = await openAs(LEAD, { year: "2024/25" });
    const notice = page.getByTestId("closed-year");
    await notice.getByText("This plan year is closed").waitFor();
    await notice
      .getByText(
        "It was carried into 2025/26, where its open actions continue. You can read it here, but nobody can change it.",
      )
      .waitFor();
    await notice.getByRole("link", { name: "Open 2025/26" }).waitFor();
    await page.getByRole("heading", { name: "Objectives" }).waitFor();
    for (const name of ["Add objective", "Renumber objectives"])
      expect(await page.getByRole("button", { name }).count(), name).toBe(0);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: `${objective.number}. ${objective.title}` }).click();
    await page.locator(`[data-action-id="${action.id}"]`).waitFor();
    for (const name of ["Add action", "Edit objective", "Renumber actions", "Delete objective"])
      expect(await page.getByRole("button", { name }).count(), name).toBe(0);

    await page.locator(`[data-action-id="${action.id}"]`).click();
    const panel = page.getByRole("dialog");
    await panel.getByRole("heading", { name: "History" }).waitFor();
    for (const name of ["Update progress", "Edit action", "Delete action", "Add comment"])
      expect(await panel.getByRole("button", { name }).count(), name).toBe(0);
    expect(await panel.getByLabel("Your comment").count()).toBe(0);
    await panel.getByRole("button", { name: "Copy link" }).waitFor();
    await page.close();

    for (const theme of THEMES) {
      for (const [size, viewport] of [
        ["desktop", DESKTOP],
        ["side-panel", SIDE_PANEL],
      ] as const) {
        const themed = await openAs(LEAD, { year: "2024/25" }, { theme });
        await themed.setViewportSize(viewport);
        await themed.getByTestId("closed-year").getByRole("link", { name: "Open 2025/26" }).waitFor();
        await expectNoAxeViolations(themed);
        await screenshot(themed, `year-closed-notice-${theme}-${size}`);
        await themed.close();
      }
    }
  });

  it("links a carried-over action back to the action it continues, the link opens the closed year at it, and that action links forward again", async () => {
    const next = await storeAs(app, LEAD).loadPlan("2025/26");
    const earlier = await storeAs(app, LEAD).loadPlan("2024/25");
    const carried = [...next.actions].sort((a, b) => a.number.localeCompare(b.number, "en", { numeric: true }))[0]!;
    const from = earlier.actions.find((a) => a.id === carried.carriedFromId)!;
    for (const theme of THEMES) {
      for (const [size, viewport] of [
        ["desktop", DESKTOP],
        ["side-panel", SIDE_PANEL],
      ] as const) {
        const themed = await openAs(LEAD, { year: "2025/26", action: String(carried.id) }, { theme });
        await themed.setViewportSize(viewport);
        const panel = themed.getByRole("dialog");
        await panel.getByRole("link", { name: `Carried over from 2024/25 action ${from.number}` }).waitFor();
        await panel.getByRole("heading", { name: "History" }).waitFor();
        await expectNoAxeViolations(themed);
        await screenshot(themed, `action-panel-carried-${theme}-${size}`);
        await themed.close();
      }
    }

    const page = await openAs(LEAD, { year: "2025/26", action: String(carried.id) });
    await page
      .getByRole("dialog")
      .getByRole("link", { name: `Carried over from 2024/25 action ${from.number}` })
      .click();
    await page.locator("h1", { hasText: "WRES action plan 2024/25" }).waitFor();
    const panel = page.getByRole("dialog", { name: `${from.number} ${from.title}` });
    await panel.getByRole("heading", { name: "History" }).waitFor();
    expect(await panel.getByRole("button", { name: "Edit action" }).count()).toBe(0);
    // The closed year's action links forward to the action that continues it.
    await panel.getByRole("link", { name: `Carried into 2025/26 as action ${carried.number}` }).waitFor();
    await screenshot(page, "action-panel-carried-into-default-desktop");
    expect(new URL(page.url()).searchParams.get("year")).toBe("2024/25");
    expect(new URL(page.url()).searchParams.get("action")).toBe(String(from.id));
    // Back returns to the carried-over action in 2025/26.
    await page.goBack();
    await page
      .getByRole("dialog")
      .getByRole("link", { name: `Carried over from 2024/25 action ${from.number}` })
      .waitFor();
    await page.close();
  });
});
