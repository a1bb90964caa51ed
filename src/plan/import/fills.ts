// RAG shown only as the fill colour of the status cell. A colour key on the sheet ("Red - off
// track" on a red cell) says which colour means what; without one, the colour's hue decides.
import type { Rag } from "../types";

function rgb(hex: string): [number, number, number] | null {
  const clean = hex.replace(/^#/, "").slice(-6);
  if (!/^[0-9a-f]{6}$/i.test(clean)) return null;
  return [
    parseInt(clean.slice(0, 2), 16) / 255,
    parseInt(clean.slice(2, 4), 16) / 255,
    parseInt(clean.slice(4, 6), 16) / 255,
  ];
}

/** The RAG a colour reads as by its hue, or null for white, greys and colours that are none of them. */
export function ragOfColour(hex: string): Rag | null {
  const value = rgb(hex);
  if (!value) return null;
  const [r, g, b] = value;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const chroma = max - min;
  if (chroma < 0.2 || max < 0.25) return null; // white, grey, black
  let hue: number;
  if (max === r) hue = (((g - b) / chroma) % 6) * 60;
  else if (max === g) hue = ((b - r) / chroma + 2) * 60;
  else hue = ((r - g) / chroma + 4) * 60;
  if (hue < 0) hue += 360;
  if (hue < 15 || hue >= 330) return "Red";
  if (hue < 65) return "Amber";
  if (hue < 170) return "Green";
  if (hue < 260) return "Blue";
  return null;
}

export function sameColour(a: string, b: string): boolean {
  return a.replace(/^#/, "").slice(-6).toUpperCase() === b.replace(/^#/, "").slice(-6).toUpperCase();
}
