// Visual checks: a screen, captured the same way every time, compared pixel by pixel (pixelmatch) with a
// reviewed baseline kept in the repository (test/browser/baselines/<name>.png).
//
// Deterministic captures: a fixed viewport, the page's clock fixed (fixedClock) and the demo site seeded
// as of the same day (startApp's `today`), animations and transitions stopped, the text caret hidden,
// the pointer parked off the content. Fonts come from the system (Debian's fonts-* packages under
// Chromium), so a baseline holds for machines of the same kind; another font set is another baseline.
//
// Tolerance: pixelmatch's per-pixel colour threshold (0.1 of the colour distance, its default) with its
// antialiasing detection, then at most MAX_DIFF_RATIO of the pixels may still differ. That absorbs
// subpixel and antialiasing noise (measured: 0 pixels between two runs on one machine) and fails a
// theme that renders wrongly: dark rendered light changes most of the screen, a missing section a few
// percent of it.
//
// Updating baselines is a deliberate act: `npm run baselines:update` (WRES_UPDATE_BASELINES=1). Look at
// every changed image before committing it. On a mismatch the diff (changed pixels in red) is written to
// test-results/visual/<name>-diff.png, next to the actual screen, and the failure says where.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import type { BrowserContext, Locator, Page } from "playwright-core";

export const BASELINE_DIR = resolve("test/browser/baselines");
export const VISUAL_RESULTS_DIR = resolve("test-results/visual");

/** The day the visual tests live on: the demo site is seeded as of it, and the page's clock shows it. */
export const VISUAL_DAY = "2025-11-20T10:00:00Z";

/** Per-pixel colour threshold (0-1) and the share of pixels that may differ beyond it. */
export const PIXEL_THRESHOLD = 0.1;
export const MAX_DIFF_RATIO = 0.002;

export const updatingBaselines = (): boolean => process.env.WRES_UPDATE_BASELINES === "1";

/** Fixes the clock of every page of the context (Date only; timers keep running). */
export async function fixedClock(context: BrowserContext, at: string = VISUAL_DAY): Promise<void> {
  await context.clock.setFixedTime(new Date(at));
}

export interface Comparison {
  /** False when the two images are not the same size (then every pixel counts as differing). */
  sameSize: boolean;
  width: number;
  height: number;
  differing: number;
  ratio: number;
}

/** Pixels of two PNGs that differ beyond the tolerance, and the diff image (changed pixels in red). */
export function comparePngs(expected: Buffer, actual: Buffer): Comparison & { diff: Buffer | null } {
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) {
    return { sameSize: false, width: b.width, height: b.height, differing: b.width * b.height, ratio: 1, diff: null };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: PIXEL_THRESHOLD });
  return {
    sameSize: true,
    width: a.width,
    height: a.height,
    differing,
    ratio: differing / (a.width * a.height),
    diff: PNG.sync.write(diff),
  };
}

/** Settles the page for a capture: no motion, no caret, no hover, fonts loaded. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.addStyleTag({
    content:
      "*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }",
  });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page
    .waitForFunction(
      () => document.getAnimations().every((animation) => animation.playState !== "running"),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
}

/**
 * Captures the page's viewport (or one element of it) as `name` and compares it with the baseline of that
 * name (or `baseline`). Throws, naming the diff image, when more than MAX_DIFF_RATIO of the pixels differ,
 * when the sizes differ, or when there is no baseline.
 */
export async function expectScreenMatches(
  page: Page,
  name: string,
  options: { element?: Locator; baseline?: string } = {},
): Promise<Comparison | null> {
  await settle(page);
  const capture = { animations: "disabled", caret: "hide", scale: "css" } as const;
  const actual = options.element ? await options.element.screenshot(capture) : await page.screenshot(capture);
  mkdirSync(VISUAL_RESULTS_DIR, { recursive: true });
  const actualPath = join(VISUAL_RESULTS_DIR, `${name}-actual.png`);
  writeFileSync(actualPath, actual);
  const baselinePath = join(BASELINE_DIR, `${options.baseline ?? name}.png`);
  if (updatingBaselines()) {
    mkdirSync(BASELINE_DIR, { recursive: true });
    writeFileSync(baselinePath, actual);
    return null;
  }
  if (!existsSync(baselinePath)) {
    throw new Error(
      `No baseline for "${name}" (${baselinePath}). Screen written to ${actualPath}; look at it, then run \`npm run baselines:update\` to accept it.`,
    );
  }
  const { diff, ...result } = comparePngs(readFileSync(baselinePath), actual);
  if (result.ratio > MAX_DIFF_RATIO) {
    const diffPath = join(VISUAL_RESULTS_DIR, `${name}-diff.png`);
    if (diff) writeFileSync(diffPath, diff);
    const what = result.sameSize
      ? `${result.differing} pixels (${(result.ratio * 100).toFixed(2)}%)`
      : `size (now ${result.width}x${result.height})`;
    throw new Error(
      `"${name}" differs from its baseline in ${what}; at most ${(MAX_DIFF_RATIO * 100).toFixed(2)}% may. ${diff ? `Diff: ${diffPath}; ` : ""}actual: ${actualPath}; baseline: ${baselinePath}. If the change is intended, run \`npm run baselines:update\` and review the new image.`,
    );
  }
  return result;
}
