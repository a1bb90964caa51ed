// The plan editor's disclosure settings as hooks: the small-number threshold (what is shown, saved and
// exported uses it) and whether board composition (indicator 9) is published in full. Each starts from
// this browser's choice, else what the newest saved results used (settings.ts), and is remembered here.
import { useState } from "react";
import type { SavedResults } from "./saved-results";
import {
  browserStorage,
  initialBoardSetting,
  initialThreshold,
  parseThreshold,
  rememberBoardSetting,
  rememberThreshold,
} from "./settings";

/** `onChange` runs when the threshold in force changes (what was saved used the old one). */
export function useThreshold(saved: SavedResults | null, onChange: () => void) {
  const [choice, setChoice] = useState<number | null>(null);
  // What the editor is typing, while it differs from the threshold shown (null: show the threshold).
  const [text, setText] = useState<string | null>(null);
  const threshold = choice ?? initialThreshold(browserStorage(), saved);
  const invalid = text !== null && parseThreshold(text) === null;

  function type(value: string) {
    setText(value);
    const parsed = parseThreshold(value);
    if (parsed === null || parsed === threshold) return;
    setChoice(parsed);
    rememberThreshold(browserStorage(), parsed);
    onChange();
  }

  /** Leaving the box shows the threshold in force again, unless what was typed is not one (its message stays). */
  function leave() {
    if (!invalid) setText(null);
  }

  return { threshold, text: text ?? String(threshold), invalid, type, leave };
}

/** `onChange` runs when the setting changes (what was saved used the old one). */
export function useBoardSetting(saved: SavedResults | null, onChange: () => void) {
  const [choice, setChoice] = useState<boolean | null>(null);
  const publishBoard = choice ?? initialBoardSetting(browserStorage(), saved);

  function choose(publish: boolean) {
    setChoice(publish);
    rememberBoardSetting(browserStorage(), publish);
    onChange();
  }

  return { publishBoard, choose };
}
