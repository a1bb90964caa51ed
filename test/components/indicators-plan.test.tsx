// The indicators connected to the plan: each result view lists the actions linked to its indicator,
// and each objective card on the overview shows the newest saved figure of its linked indicators.
import { describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "../../src/i18n";
import type { IndicatorResultRow } from "../../src/plan/types";
import { LinkedActions } from "../../src/ui/indicators/LinkedActions";
import { renderApp } from "./render";
import { FakePlanStore, TODAY } from "../support/fake-store";

vi.setConfig({ testTimeout: 60_000 });

const row = (year: string, indicator: IndicatorResultRow["indicator"], value: number | null): IndicatorResultRow => ({
  id: Number(year.slice(0, 4)) * 10 + indicator,
  etag: "1",
  year,
  standard: "nhs-england-wres",
  indicator,
  value,
  detail: "{}",
  origin: "computed",
  modified: "2025-06-01T00:00:00Z",
});

describe("indicators connected to the plan", () => {
  it("lists the actions linked to an indicator with their RAG in words and an overdue flag", async () => {
    const snapshot = await new FakePlanStore().loadPlan("2025/26");
    render(
      <I18nextProvider i18n={createI18n("en-GB")}>
        <FluentProvider theme={webLightTheme}>
          <LinkedActions indicator={1} actions={snapshot.actions} today={TODAY} />
          <LinkedActions indicator={7} actions={snapshot.actions} today={TODAY} />
        </FluentProvider>
      </I18nextProvider>,
    );
    const one = screen.getByRole("region", { name: "Actions in the plan for indicator 1" });
    const items = within(one).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain("1.1 Reverse mentoring for the executive team");
    expect(within(items[0]!).getByText("Amber: at risk")).toBeTruthy();
    expect(within(items[0]!).getByText("Overdue")).toBeTruthy();
    const seven = screen.getByRole("region", { name: "Actions in the plan for indicator 7" });
    expect(within(seven).getByText("No action in this year's plan is linked to this indicator yet.")).toBeTruthy();
  });

  it("shows the newest saved value of each linked indicator on the objective cards, and nothing when none is saved", async () => {
    const store = new FakePlanStore();
    (store as unknown as { indicatorResults: () => Promise<IndicatorResultRow[]> }).indicatorResults = async () => [
      row("2024/25", 1, 10.02),
      row("2025/26", 1, 12.34),
      row("2024/25", 9, -3.25),
      row("2025/26", 2, 1.31),
    ];
    renderApp(store);
    const first = await screen.findByRole("article", { name: "1. Improve representation at senior levels" });
    const latest = await within(first).findByTestId("objective-1-latest");
    expect(latest.textContent).toBe("Indicator 1: 12.3% (2025/26); Indicator 9: -3.3 pp (2024/25)");
    const second = screen.getByRole("article", { name: "2. Reduce bullying and harassment" });
    expect(within(second).queryByText("Latest saved figures")).toBeNull();
  });
});
