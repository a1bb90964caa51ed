// Draws the Teams app icons: a rising bar chart (progress against the standard) in white, on the
// NHS-blue accent for the colour icon and on transparency for the outline icon.
// Run `npx tsx src/packaging/icons.ts` to regenerate manifest/color.png and manifest/outline.png.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { encodePng, type RgbaImage } from "./png";

/** The manifest's accentColor, also the colour icon's background. */
export const ACCENT = { r: 0x00, g: 0x5e, b: 0xb8 };

type Rect = [x0: number, y0: number, x1: number, y1: number];

/** The symbol on a 32-unit grid, so edges fall on whole pixels at 32 px and at 192 px (6 x 32). */
const SYMBOL: Rect[] = (
  [
    [6, 16, 10, 23],
    [14, 11, 18, 23],
    [22, 6, 26, 23],
    [5, 25, 27, 27],
  ] as Rect[]
).map(([x0, y0, x1, y1]) => [x0 / 32, y0 / 32, x1 / 32, y1 / 32]);

function coverage(px: number, py: number, size: number, samples = 4): number {
  let inside = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples) / size;
      const y = (py + (sy + 0.5) / samples) / size;
      if (SYMBOL.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1)) inside++;
    }
  }
  return inside / (samples * samples);
}

export function drawIcon(size: number, background: { r: number; g: number; b: number } | null): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cover = coverage(x, y, size);
      const i = (y * size + x) * 4;
      if (background) {
        // White symbol blended over the opaque accent.
        pixels[i] = Math.round(background.r + (255 - background.r) * cover);
        pixels[i + 1] = Math.round(background.g + (255 - background.g) * cover);
        pixels[i + 2] = Math.round(background.b + (255 - background.b) * cover);
        pixels[i + 3] = 255;
      } else {
        // White symbol whose edges fade through alpha only: stays pure white, as Teams requires.
        pixels.set([255, 255, 255, Math.round(255 * cover)], i);
      }
    }
  }
  return { width: size, height: size, pixels };
}

export function writeIcons(manifestDir: string): void {
  writeFileSync(resolve(manifestDir, "color.png"), encodePng(drawIcon(192, ACCENT)));
  writeFileSync(resolve(manifestDir, "outline.png"), encodePng(drawIcon(32, null)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = resolve(import.meta.dirname, "../../manifest");
  writeIcons(dir);
  console.log(`Wrote ${dir}/color.png (192x192) and ${dir}/outline.png (32x32).`);
}
