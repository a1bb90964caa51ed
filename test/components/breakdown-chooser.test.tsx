// The breakdown chooser under an indicator's result: choosing a dimension changes the chart and the table;
// hidden cells show the one mark and get no bar; the choice survives a re-render; Welsh; the print copy has
// every breakdown's table; teams with no BME member; results without breakdowns say so.
import { describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { createI18n, type AppLocale } from "../../src/i18n";
import {
  type BreakdownTable,
  type RelativeLikelihoodResult,
  type RepresentationResult,
  type ResultsDocument,
} from "../../src/indicators";
import { publishedTrustResults } from "../support/published-trust";
import { useChartLayout } from "../support/chart-layout";
import { IndicatorView } from "../../src/ui/indicators/IndicatorView";
import { SavedResults } from "../../src/ui/indicators/SavedResults";
import { rowsToSave, savedResults } from "../../src/ui/indicators/saved-results";

vi.setConfig({ testTimeout: 60_000 });

useChartLayout();

let base: ResultsDocument | null = null;
function publishable(): ResultsDocument {
  base ??= publishedTrustResults(3000, 11);
  return structuredClone(base);
}

const tableOf = (doc: ResultsDocument, id: string, dimension: string) =>
  (doc.indicators[id] as { breakdowns: BreakdownTable[] }).breakdowns.find((t) => t.dimension === dimension)!;

function view(id: string, doc: ResultsDocument, options: { locale?: AppLocale; copy?: string } = {}) {
  return (
    <I18nextProvider i18n={createI18n(options.locale ?? "en-GB")}>
      <FluentProvider theme={teamsLightTheme}>
        <IndicatorView id={id} result={doc.indicators[id]!} doc={doc} copy={options.copy} />
      </FluentProvider>
    </I18nextProvider>
  );
}

/** The table's lines as text, cell by cell. */
function lines(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent ?? ""),
    );
}

async function bars(figure: HTMLElement): Promise<string[]> {
  await waitFor(() => expect(within(figure).queryAllByRole("option").length).toBeGreaterThan(0));
  return within(figure)
    .getAllByRole("option")
    .map((bar) => bar.getAttribute("aria-label") ?? "");
}

describe("the breakdown chooser", () => {
  it("indicator 1: ethnic groups first; choosing gender changes the chart and the table; a hidden cell shows * and has no bar", async () => {
    const doc = publishable();
    // Known figures: Female 1,400 White, 580 BME, 40 unknown (2,020); Male: BME hidden with its unknown.
    const gender = tableOf(doc, "1", "gender");
    gender.cells.female = {
      white: { count: 1400 },
      bme: { count: 580 },
      unknown: { count: 40 },
      total: { count: 2020 },
    };
    gender.cells.male = {
      white: { count: 420 },
      bme: { count: null, suppressed: { count: "hidden" } },
      unknown: { count: null, suppressed: { count: "hidden" } },
      total: { count: 622 },
    };
    const r = doc.indicators["1"] as RepresentationResult;
    r.overall = { ...r.overall, bmePct: 28.7, suppressed: undefined };
    const user = userEvent.setup();
    render(view("1", doc));

    const section = screen.getByRole("region", { name: "Breakdowns" });
    const choose = within(section).getByRole("combobox", { name: "Break down by" });
    expect(
      within(choose)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([
      "Ethnic group",
      "Specific ethnic category",
      "Gender",
      "Ethnic group and gender",
      "Directorate",
      "Staff group",
    ]);
    // Ethnic groups: each group's share of the whole workforce, from the group table's own counts. In this trust's
    // protected copy the White count is hidden (the headline BME count is kept), so its row is the mark, with no bar.
    const groups = tableOf(doc, "1", "ethnic-group").cells.all!;
    expect(groups.white!.count).toBeNull();
    const groupTable = within(section).getByRole("table", { name: "1 Workforce by ethnic group" });
    const asianShare = `${((groups.asian!.count! / groups.total!.count!) * 100).toFixed(1)}%`;
    expect(lines(groupTable).find((l) => l[0] === "Asian")).toEqual([
      "Asian",
      groups.asian!.count!.toLocaleString("en-GB"),
      asianShare,
    ]);
    expect(lines(groupTable).find((l) => l[0] === "White")).toEqual(["White", "*", "*"]);
    expect(lines(groupTable).at(-1)).toEqual(["Total", groups.total!.count!.toLocaleString("en-GB"), "100.0%"]);
    const groupFigure = within(section).getByRole("figure", {
      name: "Staff by ethnic group: share of the whole workforce",
    });
    const groupBars = await bars(groupFigure);
    expect(groupBars).toContain(`Asian, % of staff: ${asianShare}`);
    expect(groupBars.filter((label) => label.startsWith("White, "))).toEqual([]);

    await user.selectOptions(choose, "gender");
    expect(within(section).queryByRole("table", { name: "1 Workforce by ethnic group" })).toBeNull();
    const table = within(section).getByRole("table", { name: "1 Workforce by gender" });
    expect(lines(table)).toEqual([
      ["Female", "White", "1,400", "69.3%"],
      ["BME", "580", "28.7%"],
      ["Unknown", "40", "2.0%"],
      ["Total", "2,020", "100.0%"],
      ["Male", "White", "420", "67.5%"],
      ["BME", "*", "*"],
      ["Unknown", "*", "*"],
      ["Total", "622", "100.0%"],
    ]);
    const figure = within(section).getByRole("figure", {
      name: "BME staff as a share of each gender, against the whole workforce",
    });
    const drawn = await bars(figure);
    // Bars are named "category, series: value" (the legend's entries are options too).
    expect(drawn.filter((label) => label.includes(", "))).toEqual(["Female, % of staff: 28.7%"]);
    expect(within(figure).getByText("No bar, hidden because the numbers are small: Male.")).toBeTruthy();
    expect(within(figure).getByText("Whole workforce 28.7%")).toBeTruthy();
  });

  it("indicators 2-4: counts, denominators, rates and the relative likelihood against White in the same row; the choice survives a re-render and a change of indicator", async () => {
    const doc = publishable();
    const t = tableOf(doc, "4", "ethnic-group-gender");
    t.cells.female!.white = { count: 560, of: 1400, rate: 0.4 };
    t.cells.female!.asian = { count: 130, of: 260, rate: 0.5 };
    t.cells.female!.black = { count: null, of: 166, rate: null, suppressed: { count: "hidden", rate: "hidden" } };
    t.likelihood!.female = { mixed: null, asian: 0.8, black: null, other: null };
    const user = userEvent.setup();
    const { rerender } = render(view("4", doc));
    const section = screen.getByRole("region", { name: "Breakdowns" });
    await user.selectOptions(within(section).getByRole("combobox", { name: "Break down by" }), "ethnic-group-gender");
    const table = within(section).getByRole("table", { name: "4 Training by ethnic group and gender" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Gender", "Ethnic group", "Accessing training", "Headcount", "Rate", "Relative likelihood"]);
    const female = lines(table).slice(0, 6);
    expect(female[0]).toEqual(["Female", "White", "560", "1,400", "40.0%", ""]);
    expect(female.find((l) => l[0] === "Asian")).toEqual(["Asian", "130", "260", "50.0%", "0.80"]);
    expect(female.find((l) => l[0] === "Black")).toEqual(["Black", "*", "166", "*", "*"]);
    const figure = within(section).getByRole("figure", {
      name: "Relative likelihood by ethnic group and gender, against White in the same row (1.00: equal)",
    });
    expect(await bars(figure)).toContain("Female: Asian, Relative likelihood: 0.80");
    expect(within(figure).getByText(/^No bar, hidden because the numbers are small: .*Female: Black/)).toBeTruthy();
    expect(within(section).getByText(/above 1, the group fares worse/)).toBeTruthy();

    // A re-render with a fresh copy of the results keeps the choice; so does moving to indicator 3.
    rerender(view("4", structuredClone(doc)));
    expect(screen.getByRole("table", { name: "4 Training by ethnic group and gender" })).toBeTruthy();
    rerender(view("3", doc));
    expect(screen.getByRole("table", { name: "3 Disciplinary by ethnic group and gender" })).toBeTruthy();
    expect((screen.getByRole("combobox", { name: "Break down by" }) as HTMLSelectElement).value).toBe(
      "ethnic-group-gender",
    );
    // Indicator 2 is broken down by ethnicity only: the choice falls back to its first dimension.
    rerender(view("2", doc));
    expect(screen.getByRole("table", { name: "2 Shortlisting by ethnic group" })).toBeTruthy();
  });

  it("a breakdown with every figure hidden draws no chart and says why, in words", async () => {
    const doc = publishable();
    const t = tableOf(doc, "3", "gender");
    for (const row of t.rows) {
      t.cells[row]!.bme = {
        count: null,
        of: null,
        rate: null,
        suppressed: { count: "hidden", of: "hidden", rate: "hidden" },
      };
      t.likelihood![row] = { bme: null };
    }
    const user = userEvent.setup();
    render(view("3", doc));
    await user.selectOptions(screen.getByRole("combobox", { name: "Break down by" }), "gender");
    const figure = screen.getByRole("figure", {
      name: "Relative likelihood by gender, against White in the same row (1.00: equal)",
    });
    expect(figure.querySelector("svg")).toBeNull();
    expect(within(figure).getByText(/^No bar, hidden because the numbers are small: Female, Male/)).toBeTruthy();
  });

  it("the specific ethnic categories are named, under their group, with each one's share", async () => {
    const doc = publishable();
    const cat = tableOf(doc, "1", "ethnic-category").cells.all!;
    const user = userEvent.setup();
    render(view("1", doc));
    await user.selectOptions(screen.getByRole("combobox", { name: "Break down by" }), "ethnic-category");
    const table = screen.getByRole("table", { name: "1 Workforce by specific ethnic category" });
    const indian = lines(table).find((l) => l[0] === "Asian or Asian British – Indian")!;
    expect(indian[1]).toBe(cat.H!.count === null ? "*" : cat.H!.count.toLocaleString("en-GB"));
    expect(lines(table).map((l) => l[0])).toContain("White – British");
  });

  it("reads in Welsh", async () => {
    const doc = publishable();
    const user = userEvent.setup();
    render(view("1", doc, { locale: "cy-GB" }));
    const section = screen.getByRole("region", { name: "Dadansoddiadau" });
    const choose = within(section).getByRole("combobox", { name: "Dadansoddi yn ôl" });
    expect(
      within(choose)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toContain("Rhywedd");
    await user.selectOptions(choose, "gender");
    const table = within(section).getByRole("table", { name: "1 Gweithlu yn ôl rhywedd" });
    expect(lines(table).map((l) => l[0])).toEqual(expect.arrayContaining(["Benyw", "Gwryw"]));
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Rhywedd", "Grŵp ethnig", "Staff", "% o gyfanswm y rhes"]);
    expect(
      within(section).getByRole("figure", {
        name: "Staff BME fel cyfran o bob rhywedd, o'i gymharu â'r gweithlu cyfan",
      }),
    ).toBeTruthy();
  });

  it("indicator 1 says how many teams have no BME member, never naming them", () => {
    const doc = publishable();
    (doc.indicators["1"] as RepresentationResult).teamsWithoutFocus = {
      teams: 40,
      without: 6,
      names: null,
      suppressed: { names: "hidden" },
    };
    render(view("1", doc));
    expect(
      screen.getByText(
        "Teams with no BME member: 6 of 40 teams named in staff in post (staff whose ethnicity is not known may be in them). Their names are in the exact results only.",
      ),
    ).toBeTruthy();
  });

  it("results without breakdowns (saved before them) say so, with nothing to choose", () => {
    const doc = publishable();
    delete (doc.indicators["3"] as RelativeLikelihoodResult).breakdowns;
    render(view("3", doc));
    const section = screen.getByRole("region", { name: "Breakdowns" });
    expect(within(section).getByText(/^No breakdowns in these results/)).toBeTruthy();
    expect(within(section).queryByRole("combobox")).toBeNull();
  });

  it("the print copy has every breakdown's table and no chooser or chart", () => {
    const doc = publishable();
    render(view("1", doc, { copy: "print" }));
    const section = screen.getByRole("region", { name: "1 Workforce: breakdowns" });
    expect(within(section).queryByRole("combobox")).toBeNull();
    expect(within(section).queryAllByRole("figure")).toEqual([]);
    expect(
      within(section)
        .getAllByRole("table")
        .map((t) => t.getAttribute("aria-label")),
    ).toEqual([
      "1 Workforce by ethnic group",
      "1 Workforce by specific ethnic category",
      "1 Workforce by gender",
      "1 Workforce by ethnic group and gender",
      "1 Workforce by directorate",
      "1 Workforce by staff group",
    ]);
  });

  it("a saved year shows its breakdowns, and says which were too large to save", async () => {
    const doc = publishable();
    // 700 directorates: the detail would be far over SharePoint's 63,999 characters, so that table is left out.
    const directorate = tableOf(doc, "1", "directorate");
    const template = directorate.cells[directorate.rows[0]!]!;
    directorate.rows = Array.from({ length: 700 }, (_, i) => `Directorate number ${i + 1} of the trust`);
    directorate.cells = Object.fromEntries(directorate.rows.map((r) => [r, template]));
    const rows = rowsToSave(doc, "2024/25", "Edi Lead").map((r, i) => ({
      ...r,
      id: i + 1,
      etag: "1",
      modified: "2025-06-01T10:00:00Z",
    }));
    const saved = savedResults(rows)!;
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={createI18n("en-GB")}>
        <FluentProvider theme={teamsLightTheme}>
          <SavedResults saved={saved} actions={[]} today="2025-06-02" locale="en-GB" canRun={false} />
        </FluentProvider>
      </I18nextProvider>,
    );
    expect(
      screen.getByText(
        "Some breakdowns were too large to save in SharePoint and were not saved: 1 Workforce (directorate).",
      ),
    ).toBeTruthy();
    const choose = screen.getByRole("combobox", { name: "Break down by" });
    expect(
      within(choose)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).not.toContain("Directorate");
    await user.selectOptions(choose, "gender");
    const female = lines(screen.getByRole("table", { name: "1 Workforce by gender" }))[0]!;
    const cell = tableOf(doc, "1", "gender").cells.female!.white!;
    expect(female).toEqual(
      expect.arrayContaining(["Female", "White", cell.count === null ? "*" : cell.count.toLocaleString("en-GB")]),
    );
  });
});
