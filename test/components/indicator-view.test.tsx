// One indicator's result view with its Fluent charts: every chart is a named figure next to its table;
// a value hidden for small numbers and one that cannot be calculated are never drawn as bars and are
// told apart, on the chart and in words under it; the print copy keeps the tables only.
import { describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { createI18n, type AppLocale } from "../../src/i18n";
import {
  computeResults,
  dimensionsIn,
  suppressResults,
  type RelativeLikelihoodResult,
  type RepresentationResult,
  type ResultsDocument,
  type SurveyResult,
} from "../../src/indicators";
import { generateTrust } from "../../src/demo/trust";
import { readWorkbooks } from "../../src/workbook";
import { useChartLayout } from "../support/chart-layout";
import { IndicatorView } from "../../src/ui/indicators/IndicatorView";

vi.setConfig({ testTimeout: 60_000 });

useChartLayout();

let base: ResultsDocument | null = null;
function publishable(): ResultsDocument {
  base ??= suppressResults(
    computeResults(readWorkbooks(generateTrust({ staff: 4000, seed: 5, year: "2024/25" }).files), {
      period: "2024/25",
    }),
  );
  return structuredClone(base);
}

function show(id: string, doc: ResultsDocument, options: { locale?: AppLocale; copy?: string } = {}) {
  return render(
    <I18nextProvider i18n={createI18n(options.locale ?? "en-GB")}>
      <FluentProvider theme={teamsLightTheme}>
        <IndicatorView id={id} result={doc.indicators[id]!} doc={doc} copy={options.copy} />
      </FluentProvider>
    </I18nextProvider>,
  );
}

/** The bars of a chart, by their accessible names. */
async function bars(figure: HTMLElement): Promise<string[]> {
  await waitFor(() => expect(within(figure).queryAllByRole("option").length).toBeGreaterThan(0));
  return within(figure)
    .getAllByRole("option")
    .map((bar) => bar.getAttribute("aria-label") ?? "");
}

/** The category labels on a chart's x axis, whole (Fluent may shorten what it draws). */
function categories(figure: HTMLElement): string[] {
  return [...figure.querySelectorAll<SVGTextElement>(".fui-cart__xAxis .tick text")].map(
    (text) => text.getAttribute("data-full") ?? text.textContent ?? "",
  );
}

describe("indicator views with Fluent charts", () => {
  it("indicator 1: BME share by band per cohort against the whole workforce line; hidden and not-calculable bands have no bar and read differently", async () => {
    const doc = publishable();
    const r = doc.indicators["1"] as RepresentationResult;
    const cohort = r.cohorts["non-clinical"];
    // Make sure of one band of each kind: a value, hidden for small numbers, and one that cannot be calculated.
    cohort["5"] = { ...cohort["5"]!, bmePct: 31.25, suppressed: undefined };
    cohort["6"] = { ...cohort["6"]!, bmePct: null, suppressed: { ...cohort["6"]!.suppressed, bmePct: "hidden" } };
    cohort["7"] = { ...cohort["7"]!, bmePct: null, suppressed: undefined };
    r.overall = { ...r.overall, bmePct: 22.5, suppressed: undefined };
    // And one Model Employer band with its gap shown (a 4,000-staff trust's bands from 8a up are mostly protected).
    const me = doc.related.modelEmployer!;
    me.bands[0] = { ...me.bands[0]!, gapPct: 4.2, suppressed: undefined };
    show("1", doc);

    const figure = screen.getByRole("figure", {
      name: "Non-clinical staff: BME staff as a share of each band, against the whole workforce",
    });
    // The chart itself carries the same name (its SVG region), for screen readers that skip the caption.
    expect(
      within(figure).getByRole("region", {
        name: "Non-clinical staff: BME staff as a share of each band, against the whole workforce",
      }),
    ).toBeTruthy();
    const drawn = await bars(figure);
    expect(drawn).toContain("Band 5, BME %: 31.3%");
    expect(drawn.some((label) => label.startsWith("Band 6,"))).toBe(false);
    expect(drawn.some((label) => label.startsWith("Band 7,"))).toBe(false);
    // On the axis: the tables' marks; under the chart: why, in words.
    expect(categories(figure)).toEqual(expect.arrayContaining(["Band 5", "Band 6 (*)", "Band 7 (n/a)"]));
    expect(within(figure).getByText(/^No bar, hidden because the numbers are small: .*Band 6/)).toBeTruthy();
    expect(within(figure).getByText("No bar, cannot be calculated: Band 7.")).toBeTruthy();
    expect(within(figure).getByText("Whole workforce 22.5%")).toBeTruthy();
    // Band labels from the view's helper, never raw codes.
    expect(categories(figure).every((label) => /^(Band \w+|VSM)( \(.+\))?$/.test(label))).toBe(true);

    // Clinical by band, medical by grade, each next to its table.
    expect(
      screen.getByRole("figure", {
        name: "Clinical staff: BME staff as a share of each band, against the whole workforce",
      }),
    ).toBeTruthy();
    const medical = screen.getByRole("figure", {
      name: "Medical and dental staff: BME staff as a share of each grade, against the whole workforce",
    });
    expect(categories(medical)).toEqual(expect.arrayContaining([expect.stringMatching(/^Consultants/)]));
    for (const table of [
      "Non-clinical staff",
      "Clinical staff",
      "Medical and dental staff",
      "Model Employer (related measure): bands 8a and above",
    ]) {
      expect(screen.getByRole("table", { name: table })).toBeTruthy();
    }

    // The Model Employer gap from 8a up, in percentage points.
    const gap = screen.getByRole("figure", { name: /^Model Employer gap from band 8a up/ });
    const model = doc.related.modelEmployer!;
    const shown = model.bands.filter((b) => b.headcount !== 0);
    expect(categories(gap)).toHaveLength(shown.length);
    // The band given a gap above is drawn with it; each band whose gap is hidden has no bar and is named under the chart.
    expect(me.bands[0]!.headcount).not.toBe(0);
    const gapBars = await bars(gap);
    expect(gapBars).toContain(`Band ${me.bands[0]!.band}, Gap: 4.2 pp`);
    const hiddenGaps = shown.filter((b) => b.suppressed?.gapPct);
    expect(hiddenGaps.length).toBeGreaterThan(0);
    const label = (band: string) => (band === "VSM" ? "VSM" : `Band ${band}`);
    for (const b of hiddenGaps) {
      expect(
        gapBars.some((bar) => bar.startsWith(`${label(b.band)},`)),
        b.band,
      ).toBe(false);
      expect(
        within(gap).getByText(new RegExp(`^No bar, hidden because the numbers are small: .*${label(b.band)}\\b`)),
      ).toBeTruthy();
    }
    // And in its table, the same figure in percentage points.
    const modelTable = screen.getByRole("table", { name: "Model Employer (related measure): bands 8a and above" });
    const modelRow = within(modelTable)
      .getAllByRole("row")
      .find((row) => within(row).queryAllByRole("cell")[0]?.textContent === `Band ${me.bands[0]!.band}`);
    expect(
      modelRow &&
        within(modelRow)
          .getAllByRole("cell")
          .map((c) => c.textContent),
    ).toContain("4.2 pp");
  });

  it("indicators 2-4: the relative likelihood and its interval over the non-adverse band and parity; hidden and not calculable say so differently", async () => {
    const doc = publishable();
    const r = doc.indicators["2"] as RelativeLikelihoodResult;
    Object.assign(r, { value: 1.43, ci95: [1.12, 1.83], reason: null });
    const view = show("2", doc);
    const figure = screen.getByRole("figure", {
      name: "Relative likelihood against parity (1.00) and the non-adverse band",
    });
    await waitFor(() => expect(within(figure).getByRole("img", { name: "Relative likelihood 1.43" })).toBeTruthy());
    for (const legend of [
      "Non-adverse band 0.80–1.25",
      "Parity 1.00",
      "Relative likelihood 1.43",
      "Confidence interval (95%) 1.12–1.83",
    ]) {
      expect(within(figure).getByText(legend)).toBeTruthy();
    }
    view.unmount();

    Object.assign(r, { value: null, ci95: null, reason: "below-threshold" });
    const hidden = show("2", doc);
    const hiddenFigure = screen.getByRole("figure", {
      name: "Relative likelihood against parity (1.00) and the non-adverse band",
    });
    expect(
      within(hiddenFigure).getByText("Not drawn: the relative likelihood is hidden because the numbers are small."),
    ).toBeTruthy();
    expect(within(hiddenFigure).queryByRole("region")).toBeNull();
    hidden.unmount();

    Object.assign(r, { value: null, ci95: null, reason: "zero-numerator" });
    show("2", doc);
    const naFigure = screen.getByRole("figure", {
      name: "Relative likelihood against parity (1.00) and the non-adverse band",
    });
    expect(within(naFigure).getByText("Not drawn: the relative likelihood cannot be calculated.")).toBeTruthy();
    expect(within(naFigure).queryByText(/hidden/)).toBeNull();
  });

  it("indicators 5-8: White and BME side by side; a hidden percentage has no bar, and one not available is told apart", async () => {
    const doc = publishable();
    const r = doc.indicators["6"] as SurveyResult;
    Object.assign(r, { whitePct: 24.2, bmePct: 29.4, suppressed: undefined });
    const view = show("6", doc);
    const name = "White and BME staff side by side";
    const figure = screen.getByRole("figure", { name });
    expect(await bars(figure)).toEqual(expect.arrayContaining(["White: 24.2%", "BME: 29.4%"]));
    expect(within(figure).getByText("White")).toBeTruthy();
    expect(within(figure).getByText("BME")).toBeTruthy();
    expect(screen.getByRole("table", { name })).toBeTruthy();
    view.unmount();

    Object.assign(r, { whitePct: null, bmePct: null, suppressed: { bmePct: "hidden", bmeRespondents: "hidden" } });
    show("6", doc);
    const partial = screen.getByRole("figure", { name });
    expect(within(partial).getByText("No bar, hidden because the numbers are small: BME.")).toBeTruthy();
    expect(within(partial).getByText("No bar, cannot be calculated: White.")).toBeTruthy();
  });

  it("the print copy keeps every table and draws no chart (it is measured before it is shown)", () => {
    const doc = publishable();
    const tableNames = () => screen.getAllByRole("table").map((table) => table.getAttribute("aria-label") ?? "");
    // Every indicator's view: the print copy has the same tables as the screen, then the breakdowns the screen
    // shows one at a time (one table per dimension the result carries, the chosen one already among the
    // screen's), and no figure.
    for (const id of Object.keys(doc.indicators)) {
      const onScreen = show(id, doc);
      const screenTables = tableNames();
      expect(screenTables.length, `indicator ${id}`).toBeGreaterThan(0);
      onScreen.unmount();
      const printed = show(id, doc, { copy: "print" });
      expect(screen.queryAllByRole("figure"), `indicator ${id}`).toEqual([]);
      const printedTables = tableNames();
      const dimensions = dimensionsIn(doc.indicators[id]).length;
      expect(printedTables.slice(0, screenTables.length), `indicator ${id}`).toEqual(screenTables);
      expect(printedTables.length, `indicator ${id}`).toBe(screenTables.length + Math.max(0, dimensions - 1));
      printed.unmount();
    }
    // Indicator 1's four tables, by name.
    show("1", doc, { copy: "print" });
    expect(tableNames()).toEqual(
      expect.arrayContaining([
        "Non-clinical staff",
        "Clinical staff",
        "Medical and dental staff",
        "Model Employer (related measure): bands 8a and above",
      ]),
    );
  });

  it("names the charts in Welsh for a Welsh reader", () => {
    show("1", publishable(), { locale: "cy-GB" });
    expect(
      screen.getByRole("figure", {
        name: "Staff anghlinigol: staff BME fel cyfran o bob band, o'i gymharu â'r gweithlu cyfan",
      }),
    ).toBeTruthy();
  });
});

describe("a relative likelihood's uncertainty and its plain sentence (issue 19)", () => {
  it("says 'not statistically significant' before the adverse label when the interval includes 1, and says the figure in a sentence", () => {
    const doc = publishable();
    const two = doc.indicators["2"] as RelativeLikelihoodResult;
    Object.assign(two, { value: 1.28, ci95: [0.39, 4.24], significant: false, adverse: true });
    const { container } = show("2", doc);
    const significance = screen.getByTestId("significance");
    const adverse = screen.getByTestId("adverse");
    expect(significance.textContent).toBe("Not statistically significant (the 95% interval includes 1)");
    // Before it in reading order.
    expect(significance.compareDocumentPosition(adverse) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId("likelihood-sentence").textContent).toBe(
      "White applicants were 1.28 times as likely as BME applicants to be appointed from shortlisting (95% confidence interval 0.39 to 4.24).",
    );
    container.remove();
  });

  it("keeps the alarm when the interval excludes 1, and reads in Welsh", () => {
    const doc = publishable();
    const three = doc.indicators["3"] as RelativeLikelihoodResult;
    Object.assign(three, { value: 1.64, ci95: [1.38, 1.94], significant: true, adverse: true, reason: null });
    show("3", doc, { locale: "cy-GB" });
    expect(screen.getByTestId("significance").textContent).toMatch(/^Arwyddocaol yn ystadegol/);
    expect(screen.getByTestId("likelihood-sentence").textContent).toMatch(/^Roedd staff BME 1\.64 gwaith mor debygol/);
  });
});
