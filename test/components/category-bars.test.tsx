// The single-series bar chart (indicator 1's bands, the Model Employer gap, every breakdown): its y axis must
// reach past the largest bar, and each tick must stand where its label says.
import { describe, expect, it } from "vitest";
import { render, waitFor } from "@testing-library/react";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "../../src/i18n";
import { CategoryBars } from "../../src/ui/indicators/charts/CategoryBars";
import { point } from "../../src/ui/indicators/charts/points";
import { useChartLayout } from "../support/chart-layout";

useChartLayout();

/** The y axis's tick labels as numbers, bottom to top, and each tick's offset from the axis's zero. */
async function yTicks(values: number[], unit: string) {
  const { container } = render(
    <I18nextProvider i18n={createI18n("en-GB")}>
      <FluentProvider theme={teamsLightTheme}>
        <CategoryBars
          title="Relative likelihood by group"
          series="Likelihood"
          points={values.map((v, i) => point(`Group ${i + 1}`, v, false))}
          format={(v) => v.toFixed(2)}
          unit={unit}
        />
      </FluentProvider>
    </I18nextProvider>,
  );
  await waitFor(() => expect(container.querySelectorAll("g.tick").length).toBeGreaterThan(0));
  return [...container.querySelectorAll("g.tick")]
    .map((tick) => ({
      label: tick.querySelector("text")?.textContent ?? "",
      y: Number(/translate\(\s*[-\d.]+\s*,\s*([-\d.]+)\)/.exec(tick.getAttribute("transform") ?? "")?.[1]),
    }))
    .filter((t) => t.label.endsWith(unit) && /^-?\d+(\.\d+)?$/.test(t.label.slice(0, t.label.length - unit.length)))
    .map((t) => ({ value: Number(t.label.slice(0, t.label.length - unit.length)), y: t.y }))
    .sort((a, b) => a.value - b.value);
}

describe("the bar chart's y axis", () => {
  it("reaches past the largest bar, a likelihood of 1.24, with evenly spaced round ticks", async () => {
    const ticks = await yTicks([1.24, 0.8, 1.02], "");
    expect(ticks[0]!.value).toBe(0);
    expect(ticks.at(-1)!.value).toBeGreaterThanOrEqual(1.24);
    // Each tick stands where its label says: equal steps in value are equal steps on screen.
    const pixelsPerUnit = (ticks[0]!.y - ticks.at(-1)!.y) / ticks.at(-1)!.value;
    for (const t of ticks) expect(ticks[0]!.y - t.y).toBeCloseTo(t.value * pixelsPerUnit, 1);
    const step = ticks[1]!.value - ticks[0]!.value;
    expect([0.1, 0.2, 0.25, 0.5, 1]).toContain(Number(step.toFixed(2)));
  });

  it("labels percentages with round ticks up to and past the largest share", async () => {
    const ticks = await yTicks([37.5, 12.1, 22.9], "%");
    expect(ticks.at(-1)!.value).toBeGreaterThanOrEqual(37.5);
    for (const t of ticks) expect(t.value % 5).toBe(0);
  });
});
