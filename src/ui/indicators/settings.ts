// The plan editor's disclosure settings for a run, kept in this browser: the small-number threshold and
// whether board composition is published in full. Each falls back to what the newest saved results used.
import { DEFAULT_THRESHOLD } from "../../indicators";
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

/** A setting stored in this browser, or null when there is none or storage is blocked. */
function stored(storage: StorageLike | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Remembers a setting in this browser; where storage is blocked the choice still applies until the tab is closed. */
function remember(storage: StorageLike | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage blocked: nothing to do.
  }
}

/** The threshold chosen in this browser, else the one the newest saved results used, else 10. */
export function initialThreshold(storage: StorageLike | null, saved: SavedResults | null): number {
  const text = stored(storage, THRESHOLD_KEY);
  const chosen = text === null ? null : parseThreshold(text);
  if (chosen !== null) return chosen;
  if (saved && saved.threshold >= MIN_THRESHOLD && saved.threshold <= MAX_THRESHOLD) return saved.threshold;
  return DEFAULT_THRESHOLD;
}

export const BOARD_SETTING_KEY = "wres.indicators.publishBoardComposition";

/** Publish board composition in full: this browser's choice, else what the newest saved results used, else yes. */
export function initialBoardSetting(storage: StorageLike | null, saved: SavedResults | null): boolean {
  const text = stored(storage, BOARD_SETTING_KEY);
  if (text === "true" || text === "false") return text === "true";
  return saved?.doc.suppression?.publishBoardComposition ?? true;
}

export function rememberBoardSetting(storage: StorageLike | null, publish: boolean): void {
  remember(storage, BOARD_SETTING_KEY, String(publish));
}

export function rememberThreshold(storage: StorageLike | null, threshold: number): void {
  remember(storage, THRESHOLD_KEY, String(threshold));
}

/** This browser's storage, or null where it is blocked (the settings then last until the tab is closed). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
