// The Indicators screen over a fake store, with the indicator worker replaced by one that runs the real
// module in this thread: cancelling a run during the download and starting again leaves one run, the
// small-number threshold applies to what is shown and saved, readers see the newest saved results only
// in suppressed form, every workbook issue code and run failure is in the user's words (English and
// Welsh), and the trend says improved or worsened in words and marks figures typed in from reports.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { createI18n, type AppLocale } from "../../src/i18n";
import enGB from "../../src/i18n/locales/en-GB.json";
import cyGB from "../../src/i18n/locales/cy-GB.json";
import {
  computeResults,
  suppressResults,
  type Counts,
  type RepresentationResult,
  type ResultsDocument,
} from "../../src/indicators";
import { generateTrust } from "../../src/demo/trust";
import type { DataFile, IndicatorResultRow } from "../../src/plan/types";
import type { ReadIssue } from "../../src/indicators";
import { readWorkbooks } from "../../src/workbook";
import { executeRun, type RunRequest, type WorkerMessage } from "../../src/ui/indicators/protocol";
import { TrendView } from "../../src/ui/indicators/TrendView";
import { issueLine, issueText } from "../../src/ui/indicators/ValidationReport";
import { rowsToSave } from "../../src/ui/indicators/saved-results";
import { BOARD_SETTING_KEY, THRESHOLD_KEY } from "../../src/ui/indicators/settings";
import { findButton, renderApp } from "./render";
import { FakePlanStore, PEOPLE, ROLES } from "../support/fake-store";

const catalogues = { "en-GB": enGB, "cy-GB": cyGB };

vi.setConfig({ testTimeout: 60_000 });

const trust = generateTrust({ staff: 400, seed: 5, year: "2024/25" });
// Saved results of a year computed without breakdowns (as before the tab showed them): the screen must read those too,
// and computing breakdowns here would cost each test seconds. The breakdowns on screen have their own tests.
const exact = computeResults(readWorkbooks(trust.files), { period: "2024/25", breakdowns: false });

/** A Web Worker stand-in that runs the real module (executeRun) in this thread, one task later. */
class ModuleWorker {
  static created: ModuleWorker[] = [];
  /** When set, the next worker dies without a message, as a worker that ran out of memory does. */
  static crashNext = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  private readonly crash: boolean;
  constructor() {
    ModuleWorker.created.push(this);
    this.crash = ModuleWorker.crashNext;
    ModuleWorker.crashNext = false;
  }
  postMessage(request: RunRequest) {
    setTimeout(() => {
      if (this.terminated) return;
      if (this.crash) this.onerror?.(new Event("error"));
      else executeRun(request, (message: WorkerMessage) => this.onmessage?.({ data: message } as MessageEvent));
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}
function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const libraryFiles: DataFile[] = trust.files.map((f) => ({
  name: f.name,
  serverRelativeUrl: `/sites/wres/WRES Data/${f.name}`,
  size: f.bytes.length,
  modified: "2025-05-01T09:00:00Z",
  modifiedBy: "Edi Lead",
}));

/** The fake store with a library of the demo trust's workbooks and an indicator results list. */
function indicatorStore(
  options: {
    capabilities?: (typeof ROLES)[string];
    saved?: IndicatorResultRow[];
    download?: (url: string, call: number) => Promise<unknown>;
  } = {},
) {
  const store = new FakePlanStore(
    options.capabilities ? { capabilities: options.capabilities, me: PEOPLE.committee } : {},
  );
  const saved: IndicatorResultRow[] = [...(options.saved ?? [])];
  const written: Omit<IndicatorResultRow, "id" | "etag" | "modified">[] = [];
  let downloads = 0;
  const bytesOf = (url: string) => trust.files.find((f) => url.endsWith(`/${f.name}`))!.bytes.slice();
  Object.assign(store, {
    dataFiles: async () => libraryFiles,
    downloadDataFile: (url: string) => {
      downloads += 1;
      return options.download
        ? options.download(url, downloads).then(() => bytesOf(url))
        : Promise.resolve(bytesOf(url));
    },
    indicatorResults: async () => structuredClone(saved),
    saveIndicatorResults: async (rows: typeof written) => {
      written.push(...rows);
      for (const [i, row] of rows.entries()) {
        const at = saved.findIndex((r) => r.year === row.year && r.indicator === row.indicator);
        const next = { ...row, id: 1000 + saved.length + i, etag: "1", modified: "2025-06-02T10:00:00Z" };
        if (at >= 0) saved[at] = next;
        else saved.push(next);
      }
      return rows;
    },
  });
  return { store, written, downloads: () => downloads };
}

async function openIndicators() {
  fireEvent.click(await screen.findByRole("tab", { name: "Indicators" }));
  // The screen is a lazily loaded chunk: the first test to open it waits for the module graph.
  await screen.findByRole("heading", { name: "Year on year" }, { timeout: 20_000 });
}

/** The cell of a counts table at (row label, column index), e.g. ("Non-clinical staff", "Band 8d", 2). */
function countCell(container: HTMLElement, table: string, row: string, column: number): string {
  const found = within(container).getByRole("table", { name: table });
  const line = within(found)
    .getAllByRole("row")
    .find((r) => r.querySelector("td")?.textContent === row);
  if (!line) throw new Error(`no row ${row} in ${table}`);
  return line.querySelectorAll("td")[column]!.textContent ?? "";
}

/** A non-clinical band whose exact BME count is between 1 and 9: it must never be shown as it is. */
function smallBmeBand(doc: ResultsDocument): { band: string; count: number } {
  const rep = doc.indicators["1"] as RepresentationResult;
  for (const [band, counts] of Object.entries(rep.cohorts["non-clinical"]) as [string, Counts][]) {
    if (counts.bme !== null && counts.bme > 0 && counts.bme < 10) return { band, count: counts.bme };
  }
  throw new Error("the demo trust has no small non-clinical band");
}

beforeEach(() => {
  ModuleWorker.created = [];
  ModuleWorker.crashNext = false;
  vi.stubGlobal("Worker", ModuleWorker);
  window.localStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("running the indicators in the tab", () => {
  it("a run cancelled while the workbooks download, then started again, is one run: the old download loop stops and starts no worker", async () => {
    const first = deferred<void>();
    const { store, downloads } = indicatorStore({
      download: (_url, call) => (call === 1 ? first.promise : Promise.resolve()),
    });
    renderApp(store);
    await openIndicators();
    fireEvent.click(await screen.findByRole("checkbox", { name: "Select all workbooks" }));
    fireEvent.click(await findButton(/^Run indicators on 5 workbooks$/));
    await screen.findByText("Fetching the workbooks from the library", { selector: "label" });
    fireEvent.click(await findButton("Cancel run"));
    await screen.findByText("The run was cancelled. Nothing was saved.");
    fireEvent.click(await findButton(/^Run indicators on 5 workbooks$/));
    await screen.findByText("Results for 2025/26", { selector: "h2" }, { timeout: 30_000 });
    expect(ModuleWorker.created).toHaveLength(1);
    const callsBefore = downloads();
    // The first run's download finally comes back: it must go nowhere.
    first.resolve();
    await new Promise((r) => setTimeout(r, 50));
    expect(downloads()).toBe(callsBefore);
    expect(ModuleWorker.created).toHaveLength(1);
    // One results section (the print copy, shown only on paper, repeats the heading as an h1).
    expect(screen.getAllByText("Results for 2025/26", { selector: "h2" })).toHaveLength(1);
    expect(screen.queryByText("The run was cancelled. Nothing was saved.")).toBeNull();
  });

  it("applies the plan editor's threshold to what is shown and saved, and refuses one below 5", async () => {
    const { store, written } = indicatorStore();
    const { band, count } = smallBmeBand(exact);
    renderApp(store);
    await openIndicators();
    fireEvent.click(await screen.findByRole("checkbox", { name: "Select all workbooks" }));
    fireEvent.click(await findButton(/^Run indicators/));
    const one = await screen.findByTestId("indicator-1", {}, { timeout: 30_000 });
    expect(countCell(one, "Non-clinical staff", `Band ${band}`, 2)).toBe("*");
    expect(
      within(one).getByText(
        /^Figures marked \* are hidden: a count below 10, or a count hidden so that one below 10 cannot be worked out/,
      ),
    ).toBeTruthy();

    const setting = screen.getByLabelText("Hide counts below") as HTMLInputElement;
    expect(setting.value).toBe("10");
    fireEvent.change(setting, { target: { value: "3" } });
    expect(await screen.findByText("Give a whole number from 5 to 50.")).toBeTruthy();
    expect(
      within(screen.getByTestId("indicator-1")).getByText(/^Figures marked \* are hidden: a count below 10,/),
    ).toBeTruthy();

    fireEvent.change(setting, { target: { value: "20" } });
    await waitFor(() =>
      expect(
        within(screen.getByTestId("indicator-1")).getByText(/^Figures marked \* are hidden: a count below 20,/),
      ).toBeTruthy(),
    );
    expect(screen.queryByText("Give a whole number from 5 to 50.")).toBeNull();
    expect(window.localStorage.getItem(THRESHOLD_KEY)).toBe("20");
    expect(count).toBeLessThan(10);

    fireEvent.click(await findButton("Save results for 2025/26"));
    await screen.findByText("Results saved. Small numbers were hidden before saving.");
    expect(written.length).toBeGreaterThanOrEqual(8);
    const detail = JSON.parse(written.find((r) => r.indicator === 1)!.detail) as {
      publication: { threshold: number; savedBy: string };
      cohorts: Record<string, Record<string, Counts>>;
    };
    expect(detail.publication).toMatchObject({ threshold: 20, savedBy: "Edi Lead" });
    // Every count saved is hidden, zero, or at least 20.
    const cells = Object.values(detail.cohorts)
      .flatMap((c) => Object.values(c))
      .flatMap((c) => [c.white, c.bme, c.unknown, c.total]);
    expect(cells.every((n) => n === null || n === 0 || n >= 20)).toBe(true);
  });

  it("publishes board composition in full by default, says so beside indicator 9, and lets the editor protect it instead", async () => {
    const { store } = indicatorStore();
    renderApp(store);
    await openIndicators();
    const setting = (await screen.findByRole("checkbox", {
      name: "Publish board composition in full",
    })) as HTMLInputElement;
    expect(setting.checked).toBe(true);
    fireEvent.click(await screen.findByRole("checkbox", { name: "Select all workbooks" }));
    fireEvent.click(await findButton(/^Run indicators/));
    await screen.findByTestId("indicator-1", {}, { timeout: 30_000 });
    fireEvent.click(screen.getByRole("tab", { name: "9 Board" }));
    const nine = await screen.findByTestId("indicator-9");
    expect(within(nine).getByTestId("wres-board-setting").textContent).toMatch(
      /published in full \(setting “Publish board composition”: on\)/,
    );
    // The members' counts are shown as they are: no mark in the members column.
    expect(
      within(nine)
        .getAllByRole("row")
        .slice(1)
        .some((row) => /\d+ \/ \d+ \/ \d+/.test(row.textContent ?? "")),
    ).toBe(true);
    fireEvent.click(setting);
    expect(window.localStorage.getItem(BOARD_SETTING_KEY)).toBe("false");
    await waitFor(() =>
      expect(within(screen.getByTestId("indicator-9")).getByTestId("wres-board-setting").textContent).toMatch(
        /protected like other counts/,
      ),
    );
  });

  it("says in words, in Welsh too, when the worker dies during a run", async () => {
    const { store } = indicatorStore();
    ModuleWorker.crashNext = true;
    renderApp(store, { locale: "cy-GB" });
    fireEvent.click(await screen.findByRole("tab", { name: "Dangosyddion" }));
    await screen.findByRole("heading", { name: catalogues["cy-GB"].indicators.trend.title }, { timeout: 20_000 });
    fireEvent.click(await screen.findByRole("checkbox", { name: catalogues["cy-GB"].indicators.workbooks.selectAll }));
    fireEvent.click(await findButton(/^Rhedeg y dangosyddion ar 5 o lyfrau gwaith$/));
    const alert = await screen.findByText(/Stopiodd y porwr y rhediad cyn iddo orffen/, {}, { timeout: 30_000 });
    expect(alert.textContent).not.toMatch(/stopped unexpectedly/);
  });
});

describe("saved results for readers", () => {
  const listed = (doc: ResultsDocument, year: string, savedBy: string | null): IndicatorResultRow[] =>
    rowsToSave(doc, year, savedBy).map((r, i) => ({ ...r, id: i + 1, etag: "1", modified: "2025-06-01T09:30:00Z" }));

  it("shows the newest saved year's results in suppressed form only, who saved them and when, and no run controls", async () => {
    const { band, count } = smallBmeBand(exact);
    const saved = [
      ...listed(suppressResults(exact), "2024/25", "Edi Lead"),
      { ...listed(suppressResults(exact), "2023/24", null)[1]!, id: 99 },
    ];
    const { store } = indicatorStore({ capabilities: ROLES.reader!, saved });
    renderApp(store);
    await openIndicators();
    const section = await screen.findByTestId("wres-saved-results");
    expect(within(section).getByRole("heading", { name: "Saved results for 2024/25" })).toBeTruthy();
    expect(within(section).getByText(/^Saved on .*2025.* by Edi Lead\.$/)).toBeTruthy();
    expect(
      within(section).getByText(
        "Protected figures: any figure marked “*” is hidden (a count below 10, or one hidden to protect such a count).",
      ),
    ).toBeTruthy();
    const one = within(section).getByTestId("indicator-1");
    expect(countCell(one, "Non-clinical staff", `Band ${band}`, 2)).toBe("*");
    expect(countCell(one, "Non-clinical staff", `Band ${band}`, 2)).not.toBe(String(count));
    expect(within(section).getByTestId("linked-actions-1")).toBeTruthy();
    // The other indicators are one tab away.
    fireEvent.click(within(section).getByRole("tab", { name: "2 Shortlisting" }));
    expect(await within(section).findByTestId("indicator-2")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Run indicators/ })).toBeNull();
    expect(screen.queryByLabelText("Hide counts below")).toBeNull();
    expect(screen.getByText(/Only plan editors can run the indicators/)).toBeTruthy();
  });

  it("never shows an exact small count from a list item saved without suppression, and shows the threshold it was saved with", async () => {
    const { band } = smallBmeBand(exact);
    const raw: IndicatorResultRow[] = [
      {
        id: 1,
        etag: "1",
        modified: "2025-06-01T09:30:00Z",
        year: "2024/25",
        standard: "nhs-england-wres",
        indicator: 1,
        value: null,
        detail: JSON.stringify(exact.indicators["1"]),
        origin: "computed",
      },
    ];
    const at15 = listed(suppressResults(exact, 15), "2025/26", "Edi Lead");
    const { store } = indicatorStore({ capabilities: ROLES.reader!, saved: raw });
    const first = renderApp(store);
    await openIndicators();
    expect(countCell(await screen.findByTestId("indicator-1"), "Non-clinical staff", `Band ${band}`, 2)).toBe("*");
    first.unmount();

    const later = indicatorStore({ capabilities: ROLES.reader!, saved: [...raw, ...at15] });
    renderApp(later.store);
    await openIndicators();
    const section = await screen.findByTestId("wres-saved-results");
    expect(within(section).getByRole("heading", { name: "Saved results for 2025/26" })).toBeTruthy();
    expect(within(section).getByText(/a count below 15, or one hidden to protect such a count/)).toBeTruthy();
    expect(countCell(within(section).getByTestId("indicator-1"), "Non-clinical staff", `Band ${band}`, 2)).toBe("*");
  });

  it("shows an editor the saved results before a run (after a reload), until a run replaces them", async () => {
    const { store } = indicatorStore({ saved: listed(suppressResults(exact), "2024/25", "Edi Lead") });
    renderApp(store);
    await openIndicators();
    const section = await screen.findByTestId("wres-saved-results");
    expect(
      within(section).getByText(
        "These are the results saved for the latest year. Run the indicators above to compute them again.",
      ),
    ).toBeTruthy();
    // The threshold starts from the saved results' when this browser has no choice of its own.
    expect((screen.getByLabelText("Hide counts below") as HTMLInputElement).value).toBe("10");
    fireEvent.click(await screen.findByRole("checkbox", { name: "Select all workbooks" }));
    fireEvent.click(await findButton(/^Run indicators/));
    await screen.findByText("Results for 2025/26", { selector: "h2" }, { timeout: 30_000 });
    expect(screen.queryByTestId("wres-saved-results")).toBeNull();
  });
});

/** Issue codes the workbook reader can produce, found in its source (so a new code without words fails here). */
function readerCodes(): { issues: string[]; exclusions: string[] } {
  const dir = "src/workbook";
  const source = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
  const issues = new Set<string>();
  const patterns = [
    /fileError\(\s*[^,()]+,\s*"([a-z]+(?:-[a-z]+)+)"/g,
    /\.add\(\s*"(?:error|warning|info)",\s*"([a-z]+(?:-[a-z]+)+)"/g,
    /rowError\(\s*\w+,\s*"([a-z]+(?:-[a-z]+)+)"/g,
    /reportUnrecognised\(\s*\w+,\s*"[^"]+",\s*"[^"]+",\s*"([a-z]+(?:-[a-z]+)+)"/g,
    /\bcode:\s*"([a-z]+(?:-[a-z]+)+)"/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) issues.add(m[1]!);
  const exclusions = new Set<string>();
  for (const m of source.matchAll(/\.exclude\(([^;]*)\);/g))
    for (const code of m[1]!.matchAll(/"([a-z]+(?:-[a-z]+)+)"/g)) exclusions.add(code[1]!);
  for (const m of source.matchAll(/rowError\(\s*\w+,\s*"([a-z]+(?:-[a-z]+)+)"/g)) exclusions.add(m[1]!);
  return { issues: [...issues].sort(), exclusions: [...exclusions].sort() };
}

const camel = (code: string) => code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe("workbook issues in the user's words", () => {
  const { issues: codes, exclusions } = readerCodes();
  const issue = (code: string, extra: Partial<ReadIssue> = {}): ReadIssue => ({
    severity: "warning",
    code,
    message: "UNTRANSLATED",
    file: "staff.xlsx",
    sheet: "Staff",
    row: 1234,
    column: "C",
    header: "Ethnic Origin",
    params: {
      value: "Q Martian",
      count: 2,
      first: "C",
      second: "F",
      maxRows: 2_000_000,
      limitBytes: 512 * 1024 * 1024,
      signature: "abc",
    },
    ...extra,
  });

  it("finds the reader's codes", () => {
    expect(codes.length).toBeGreaterThanOrEqual(24);
    expect(codes).toEqual(
      expect.arrayContaining([
        "file-too-large",
        "sheet-not-recognised",
        "person-not-in-staff",
        "ethnicity-unrecognised",
        "duplicate-header",
        "csv-in-disguise",
      ]),
    );
  });

  for (const locale of ["en-GB", "cy-GB"] as AppLocale[]) {
    it(`has words for every code and exclusion reason in ${locale}, with the values filled in`, () => {
      const i18n = createI18n(locale);
      const t = i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
      const english = createI18n("en-GB");
      const tEnglish = english.t.bind(english) as typeof t;
      for (const code of codes) {
        const text = issueText(t, issue(code), locale);
        expect(text, code).not.toBe("UNTRANSLATED");
        expect(text, code).not.toMatch(/{{|}}/);
        if (locale === "cy-GB") expect(text, `${code} is in Welsh`).not.toBe(issueText(tEnglish, issue(code), "en-GB"));
      }
      for (const reason of exclusions) {
        const key = `indicators.exclusion.${camel(reason)}`;
        expect(t(key), reason).not.toBe(key);
      }
      // Counts and limits in the locale's numbers, plurals by the locale's rules.
      expect(issueText(t, issue("sheet-too-many-rows"), locale)).toContain("2,000,000");
      expect(issueText(t, issue("file-too-large"), locale)).toContain("537 MB");
      expect(
        issueText(t, issue("ethnicity-unrecognised", { params: { value: "Q Martian", count: 2 } }), locale),
      ).toContain(locale === "cy-GB" ? "2 res" : "2 rows");
      expect(
        issueText(t, issue("ethnicity-unrecognised", { params: { value: "Q Martian", count: 1 } }), locale),
      ).toContain(locale === "cy-GB" ? "1 rhes" : "1 row");
      expect(issueText(t, issue("person-not-in-staff", { params: { count: 1500 } }), locale)).toContain(
        locale === "cy-GB" ? "1,500 o resi" : "1,500 rows",
      );
      // The "and N more" line the reader adds for a code over its cap.
      expect(issueText(t, issue("invalid-yes-no", { row: null, params: { more: 7, total: 57 } }), locale)).toMatch(
        locale === "cy-GB" ? /mewn 7 o resi arall.*50/ : /another 7 rows; only the first 50/,
      );
      expect(issueLine(t, issue("invalid-yes-no", { params: { value: "Maybe" } }), locale)).toMatch(
        locale === "cy-GB"
          ? /^staff\.xlsx, taflen "Staff", rhes 1,234, colofn C \(Ethnic Origin\): Nid yw “Maybe”/
          : /^staff\.xlsx, sheet "Staff", row 1,234, column C \(Ethnic Origin\): “Maybe” is not a yes or no value/,
      );
    });
  }

  it("words the Welsh run button for every plural form", () => {
    const t = createI18n("cy-GB").t;
    expect([0, 1, 2, 3, 4, 6, 11].map((count) => t("indicators.run.start", { count }))).toEqual([
      "Rhedeg y dangosyddion",
      "Rhedeg y dangosyddion ar 1 llyfr gwaith",
      "Rhedeg y dangosyddion ar 2 lyfr gwaith",
      "Rhedeg y dangosyddion ar 3 llyfr gwaith",
      "Rhedeg y dangosyddion ar 4 o lyfrau gwaith",
      "Rhedeg y dangosyddion ar 6 llyfr gwaith",
      "Rhedeg y dangosyddion ar 11 o lyfrau gwaith",
    ]);
    expect(createI18n("en-GB").t("indicators.run.start", { count: 0 })).toBe("Run indicators");
  });
});

describe("the trend", () => {
  const row = (
    year: string,
    indicator: IndicatorResultRow["indicator"],
    value: number,
    origin: IndicatorResultRow["origin"],
  ): IndicatorResultRow => ({
    id: Number(year.slice(0, 4)) * 10 + indicator,
    etag: "1",
    year,
    standard: "nhs-england-wres",
    indicator,
    value,
    detail: "{}",
    origin,
    modified: "2025-06-01T00:00:00Z",
  });

  it("says improved or worsened in words by the direction of good, and marks the figures typed in from reports", () => {
    render(
      <I18nextProvider i18n={createI18n("en-GB")}>
        <FluentProvider theme={webLightTheme}>
          <TrendView
            saved={[
              row("2023/24", 5, 20, "entered"),
              row("2024/25", 5, 25, "computed"),
              row("2023/24", 7, 40, "entered"),
              row("2024/25", 7, 45, "computed"),
              row("2023/24", 2, 1.5, "entered"),
              row("2024/25", 2, 1.2, "computed"),
            ]}
          />
        </FluentProvider>
      </I18nextProvider>,
    );
    const table = screen.getByTestId("wres-trend");
    const cell = (indicator: number, year: string) =>
      table.querySelector<HTMLElement>(`tr[data-indicator="${indicator}"] td[data-year="${year}"]`)!;
    // Both figures rose; lower is better for 5, higher for 7. RL 1.5 -> 1.2 is closer to parity.
    expect(cell(5, "2024/25").textContent).toBe("25.0%Worsened");
    expect(cell(7, "2024/25").textContent).toBe("45.0%Improved");
    expect(cell(2, "2024/25").textContent).toBe("1.20Improved");
    expect(cell(5, "2024/25").querySelector("[data-trend=worsened] svg")).not.toBeNull();
    expect(cell(5, "2023/24").textContent).toBe("20.0%Published");
    expect(cell(5, "2023/24").dataset.origin).toBe("entered");
    expect(cell(5, "2024/25").dataset.origin).toBe("computed");
  });
});
