// The visual checks' comparison (test/support/visual.ts) on images made here: what it lets through and
// what it fails, at the tolerance the theme baselines use.
import { describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { MAX_DIFF_RATIO, comparePngs } from "../../support/visual";
import { seedingDay } from "../../../src/localsp/seed";

/** A 200x100 "screen": a background, a bar of text-like stripes and a box, in the given colours. */
function screen(
  background: number,
  ink: number,
  options: { box?: boolean; width?: number; shiftInk?: number } = {},
): Buffer {
  const width = options.width ?? 200;
  const height = 100;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const stripe = y >= 10 && y < 20 && (x + (options.shiftInk ?? 0)) % 4 < 2;
      const box = options.box !== false && x >= 120 && x < 180 && y >= 40 && y < 80;
      const v = stripe || box ? ink : background;
      const i = (y * width + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

describe("comparing a screen with its baseline", () => {
  it("finds no difference between identical screens", () => {
    expect(comparePngs(screen(255, 0), screen(255, 0))).toMatchObject({ sameSize: true, differing: 0, ratio: 0 });
  });

  it("lets a faint colour change through (below the per-pixel threshold)", () => {
    expect(comparePngs(screen(255, 0), screen(250, 6)).differing).toBe(0);
  });

  it("fails a dark screen drawn light, and a missing section", () => {
    expect(comparePngs(screen(32, 230), screen(255, 0)).ratio).toBeGreaterThan(0.9);
    const missing = comparePngs(screen(255, 0), screen(255, 0, { box: false }));
    expect(missing.ratio).toBeGreaterThan(MAX_DIFF_RATIO);
    expect(missing.differing).toBe(60 * 40);
  });

  it("treats a change of size as a failure", () => {
    const result = comparePngs(screen(255, 0), screen(255, 0, { width: 210 }));
    expect(result.sameSize).toBe(false);
    expect(result.ratio).toBe(1);
  });
});

describe("the demo site's seeding day", () => {
  it("is today unless WRES_LOCALSP_TODAY names a day, and a wrong value is refused by name", () => {
    expect(seedingDay(undefined)).toBeUndefined();
    expect(seedingDay("")).toBeUndefined();
    expect(seedingDay("2025-11-20T10:00:00Z")?.toISOString()).toBe("2025-11-20T10:00:00.000Z");
    expect(() => seedingDay("20th November")).toThrow(/WRES_LOCALSP_TODAY is not a date: "20th November"/);
  });
});
