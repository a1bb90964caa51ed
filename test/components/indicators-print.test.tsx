// The results' print view: every indicator's full view (not only the active tab) and a summary,
// rendered next to the app in <body> and shown on paper by the print stylesheet.
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { render, within } from "@testing-library/react";
import { FluentProvider, webDarkTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "../../src/i18n";
import { computeResults, suppressResults } from "../../src/indicators";
import { generateTrust } from "../../src/demo/trust";
import { readWorkbooks } from "../../src/workbook";
import { PrintableResults } from "../../src/ui/indicators/PrintableResults";
import { indicatorKeys } from "../../src/ui/indicators/view";
import { FakePlanStore, TODAY } from "../support/fake-store";

vi.setConfig({ testTimeout: 60_000 });

describe("results print view", () => {
  it("puts the summary and every indicator's tables into a print-only block outside the app", async () => {
    const doc = suppressResults(
      computeResults(readWorkbooks(generateTrust({ staff: 600, seed: 3, year: "2024/25" }).files), {
        period: "2024/25",
      }),
    );
    const keys = indicatorKeys(doc);
    expect(keys.length).toBeGreaterThanOrEqual(8);
    const snapshot = await new FakePlanStore().loadPlan("2025/26");
    const { container } = render(
      <I18nextProvider i18n={createI18n("en-GB")}>
        <FluentProvider theme={webDarkTheme}>
          <PrintableResults doc={doc} actions={snapshot.actions} today={TODAY} />
        </FluentProvider>
      </I18nextProvider>,
    );
    const print = document.body.querySelector<HTMLElement>(":scope > .wres-print");
    expect(print).not.toBeNull();
    // Outside the app's own tree, so the print stylesheet can hide everything else.
    expect(container.contains(print)).toBe(false);
    const view = within(print!);
    expect(view.getByRole("heading", { level: 1, name: "Results for 2024/25" })).toBeTruthy();
    const summary = view.getByRole("table", { name: "Summary of the indicators" });
    expect(within(summary).getAllByRole("row")).toHaveLength(keys.length + 1);
    for (const k of keys) {
      const section = view.getByTestId(`indicator-print-${k}`);
      expect(within(section).getAllByRole("table").length).toBeGreaterThan(0);
      expect(view.getByTestId(`linked-actions-print-${k}`)).toBeTruthy();
    }
    expect(view.getByTestId("linked-actions-print-1").textContent).toContain(
      "1.1 Reverse mentoring for the executive team",
    );
    // Shown only on paper: hidden on screen, and on paper the rest of the page is hidden.
    const css = readFileSync("src/ui/global.css", "utf8");
    expect(css).toMatch(/@media screen\s*{\s*\.wres-print\s*{\s*display:\s*none/);
    // Only while the print block is there: other pages (the committee report) print their own root.
    expect(css).toMatch(/@media print\s*{\s*body:has\(> \.wres-print\) > :not\(\.wres-print\)\s*{\s*display:\s*none/);
  });
});
