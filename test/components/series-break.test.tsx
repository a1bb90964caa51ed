// Breaks in a series on screen: the trend marks the first year of a new series with a divider and "New series:
// <reason>" in place of a move (read out with the figure), in English and Welsh; a plan editor marks a break on a
// saved year with a reason (refused without one), sees a conflict in words when someone changed the row first,
// and can type a past year's figure in as the first of a new series.
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import type { ReactElement } from "react";
import { createI18n, type AppLocale } from "../../src/i18n";
import type { IndicatorNumber, IndicatorResultRow } from "../../src/plan/types";
import { TrendView } from "../../src/ui/indicators/TrendView";
import { SeriesBreakForm } from "../../src/ui/indicators/SeriesBreakForm";
import { PastYearForm } from "../../src/ui/indicators/PastYearForm";
import { recordedBreak } from "../../src/ui/indicators/series";
import { MeetingRoot } from "../../src/ui/meeting/MeetingRoot";
import { FakePlanStore, TODAY } from "../support/fake-store";
import { renderApp } from "./render";
import type { SavedRow } from "../../src/ui/indicators/saved-results";

vi.setConfig({ testTimeout: 60_000 });

function inApp(ui: ReactElement, locale: AppLocale = "en-GB") {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </I18nextProvider>,
  );
}

let id = 1;
function entered(indicator: IndicatorNumber, year: string, value: number, reason?: string): IndicatorResultRow {
  return {
    id: id++,
    etag: '"1"',
    year,
    standard: "nhs-england-wres",
    indicator,
    value,
    detail: JSON.stringify({ kind: "entered", value, ...(reason ? { seriesBreak: { reason } } : {}) }),
    origin: "entered",
    modified: "2025-06-01T00:00:00Z",
  };
}

function rl3(year: string, value: number, basis: "single-year" | "two-year-pooled"): IndicatorResultRow {
  return {
    ...entered(3, year, value),
    origin: "computed",
    detail: JSON.stringify({
      kind: "relative-likelihood",
      value,
      white: { count: 20, of: 2000, rate: 0.01 },
      bme: { count: 6, of: 400, rate: 0.015 },
      adverseBand: { low: 0.8, high: 1.25 },
      cautions: [],
      years: [year],
      basis,
      measure: "cases",
      denominator: "staff",
    }),
  };
}

const cellOf = (indicator: number, year: string) =>
  screen
    .getByTestId("wres-trend")
    .querySelector<HTMLElement>(`tr[data-indicator="${indicator}"] td[data-year="${year}"]`)!;

describe("the trend across a break", () => {
  const saved = [
    entered(7, "2016/17", 44.1),
    entered(7, "2017/18", 51.7, "The calculation changed in 2017"),
    entered(7, "2018/19", 47.4),
    rl3("2016/17", 1.9, "single-year"),
    rl3("2017/18", 1.5, "two-year-pooled"),
    rl3("2018/19", 1.4, "two-year-pooled"),
  ];

  it("gives no move into the first year of a new series, marks it with a divider and says why", () => {
    inApp(<TrendView saved={saved} />);
    const start = cellOf(7, "2017/18");
    expect(start.textContent).toBe("51.7%New series: The calculation changed in 2017Published");
    expect(start.querySelector("[data-trend]")).toBeNull();
    expect(start.dataset.newSeries).toBe("");
    // The year after compares with the new series' first year again: 51.7 -> 47.4 is worse (higher is good).
    expect(cellOf(7, "2018/19").textContent).toBe("47.4%WorsenedPublished");
    expect(cellOf(7, "2018/19").dataset.newSeries).toBeUndefined();
    // Indicator 3 pooled from 2017/18: detected from the saved results themselves.
    expect(cellOf(3, "2017/18").textContent).toBe(
      "1.50New series: the method changed (one year against two years pooled)",
    );
    expect(cellOf(3, "2018/19").textContent).toBe("1.40Improved");
    expect(screen.getByText(/A year marked “New series” is not compared with the year before it/)).toBeTruthy();
  });

  it("says it in Welsh", () => {
    inApp(<TrendView saved={saved} />, "cy-GB");
    expect(cellOf(7, "2017/18").textContent).toBe("51.7%Cyfres newydd: The calculation changed in 2017Cyhoeddwyd");
    expect(cellOf(3, "2017/18").textContent).toContain(
      "Cyfres newydd: newidiodd y dull (un flwyddyn o'i chymharu â dwy flynedd wedi'u cyfuno)",
    );
  });

  it("shows no note about new series when there is none", () => {
    inApp(<TrendView saved={[entered(7, "2016/17", 44.1), entered(7, "2017/18", 51.7)]} />);
    expect(screen.queryByText(/New series/)).toBeNull();
    expect(cellOf(7, "2017/18").textContent).toBe("51.7%ImprovedPublished");
  });
});

describe("marking a break in the series", () => {
  const saved = [entered(7, "2016/17", 44.1), entered(7, "2017/18", 51.7), entered(2, "2017/18", 1.5)];

  it("records the break on the chosen saved year with the reason, and refuses it without one", async () => {
    const onRecord = vi.fn(async () => "saved" as const);
    inApp(<SeriesBreakForm saved={saved} recordedBy="EDI Lead" onRecord={onRecord} />);
    const form = screen.getByRole("form", { name: "Mark a break in the series" });
    fireEvent.change(within(form).getByRole("combobox", { name: "Indicator" }), { target: { value: "7" } });
    fireEvent.change(within(form).getByRole("combobox", { name: "First year of the new series" }), {
      target: { value: "2017/18" },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Mark the break" }));
    expect(await screen.findByText("Say why the series starts again in this year.")).toBeTruthy();
    expect(onRecord).not.toHaveBeenCalled();
    fireEvent.change(within(form).getByRole("textbox", { name: /^Reason/ }), {
      target: { value: "The calculation changed in 2017" },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Mark the break" }));
    await screen.findByText("The break is saved.");
    expect(onRecord).toHaveBeenCalledWith(saved[1], { reason: "The calculation changed in 2017", by: "EDI Lead" });
  });

  it("says so in words when someone changed the saved figure first, and offers to remove a recorded break", async () => {
    const onRecord = vi.fn(async () => "conflict" as const);
    const marked = [entered(7, "2017/18", 51.7, "The calculation changed in 2017")];
    inApp(<SeriesBreakForm saved={marked} recordedBy={null} onRecord={onRecord} />);
    expect(screen.getByText("Recorded for 2017/18: The calculation changed in 2017")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove the break" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Someone changed this saved figure since you opened the page/);
    expect(onRecord).toHaveBeenCalledWith(marked[0], null);
  });

  it("says in words that a break too long for the saved figure was not saved", async () => {
    const onRecord = vi.fn(async () => "tooLong" as const);
    inApp(<SeriesBreakForm saved={saved} recordedBy={null} onRecord={onRecord} />);
    const form = screen.getByRole("form", { name: "Mark a break in the series" });
    fireEvent.change(within(form).getByRole("textbox", { name: /^Reason/ }), {
      target: { value: "The calculation changed in 2017" },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Mark the break" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/longer than SharePoint holds in one item, so it was not saved/);
    expect(screen.queryByText("The break is saved.")).toBeNull();
  });

  it("types a past year's figure in as the first of a new series, with its reason", async () => {
    const saves: SavedRow[] = [];
    inApp(<PastYearForm onSave={async (row) => void saves.push(row)} recordedBy="EDI Lead" />);
    fireEvent.change(screen.getByRole("textbox", { name: "Year" }), { target: { value: "2017/18" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Indicator" }), { target: { value: "7" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Published figure" }), { target: { value: "51.7" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "This year begins a new series" }));
    fireEvent.click(screen.getByRole("button", { name: "Add figure" }));
    expect(await screen.findByText("Say why the series starts again in this year.")).toBeTruthy();
    expect(saves).toHaveLength(0);
    fireEvent.change(screen.getByRole("textbox", { name: /^Why the series starts again/ }), {
      target: { value: "The calculation changed in 2017" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add figure" }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0]).toMatchObject({ year: "2017/18", indicator: 7, value: 51.7, origin: "entered" });
    expect(recordedBreak(saves[0]!.detail)).toEqual({ reason: "The calculation changed in 2017", by: "EDI Lead" });
  });
});

describe("the meeting stage across a break", () => {
  it("says the latest year begins a new series, and why, instead of a move", async () => {
    const store = new FakePlanStore();
    Object.assign(store, {
      indicatorResults: async () => [
        entered(7, "2024/25", 45),
        entered(7, "2025/26", 51.7, "The survey question changed in 2025"),
        entered(2, "2024/25", 1.62),
        entered(2, "2025/26", 1.31),
      ],
    });
    renderApp(store, {
      children: (
        <MeetingRoot
          route={{ view: "stage", since: "2025-10-01", canShare: false }}
          store={store}
          year="2025/26"
          today={TODAY}
          sharing={{ meetingKey: async () => "meeting-1", canShare: async () => false, share: async () => undefined }}
          href="https://tab.example/?view=stage"
        />
      ),
    });
    const tile = await screen.findByTestId("headline-7");
    expect(tile.textContent).toContain("New series: The survey question changed in 2025");
    expect(tile.querySelector("[data-trend]")?.getAttribute("data-trend")).toBe("not-comparable");
    expect(tile.querySelector("[data-move]")).toBeNull();
    expect(screen.getByTestId("headline-2").querySelector("[data-trend]")?.getAttribute("data-trend")).toBe("improved");
  });
});
