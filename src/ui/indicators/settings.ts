// The plan editor's disclosure settings for a run, kept in this browser: the small-number threshold and
// whether board composition is published in full. Each falls back to what the newest saved results used.
import { DEFAULT_THRESHOLD } from "../../indicators/suppress";
import type { SavedResults } from "./saved-results";

/**
 * The plan editor's small-number threshold (docs/wres-method.md#small-numbers: a setting, default 10). At least 5: below that,
 * counts of one to four people in a band or a case type, the ones most likely to identify someone,
 * would be published, which NHS disclosure-control practice never allows. At most 50, past which almost
 * every band-level figure of a typical trust would be hidden (and a slip of the keyboard is likelier).
 */
export const MIN_THRESHOLD = 5;
export const MAX_THRESHOLD = 50;
export const THRESHOLD_KEY = "wres.indicators.suppressionThreshold";

export function parseThreshold(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= MIN_THRESHOLD && n <= MAX_THRESHOLD ? n : null;
}

type StorageLike = Pick<Storage, "getItem" | "setItem">;

/** The threshold chosen in this browser, else the one the newest saved results used, else 10. */
export function initialThreshold(storage: StorageLike | null, saved: SavedResults | null): number {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(THRESHOLD_KEY) ?? null;
  } catch {
    stored = null;
  }
  const chosen = stored === null ? null : parseThreshold(stored);
  if (chosen !== null) return chosen;
  if (saved && saved.threshold >= MIN_THRESHOLD && saved.threshold <= MAX_THRESHOLD) return saved.threshold;
  return DEFAULT_THRESHOLD;
}

export const BOARD_SETTING_KEY = "wres.indicators.publishBoardComposition";

/** Publish board composition in full: this browser's choice, else what the newest saved results used, else yes. */
export function initialBoardSetting(storage: StorageLike | null, saved: SavedResults | null): boolean {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(BOARD_SETTING_KEY) ?? null;
  } catch {
    stored = null;
  }
  if (stored === "true" || stored === "false") return stored === "true";
  return saved?.doc.suppression?.publishBoardComposition ?? true;
}

export function rememberBoardSetting(storage: StorageLike | null, publish: boolean): void {
  try {
    storage?.setItem(BOARD_SETTING_KEY, String(publish));
  } catch {
    // Storage blocked: the choice still applies until the tab is closed.
  }
}

export function rememberThreshold(storage: StorageLike | null, threshold: number): void {
  try {
    storage?.setItem(THRESHOLD_KEY, String(threshold));
  } catch {
    // Storage blocked: the choice still applies until the tab is closed.
  }
}

/** This browser's storage, or null where it is blocked (the settings then last until the tab is closed). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
