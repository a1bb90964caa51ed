// renderMarkdown: the readable report. Work in progress: this first version prints only the title; the full report follows.
import type { ResultsDocument } from "./types";
import { suppressResults } from "./suppress";

export function renderMarkdown<R extends string, F extends string>(doc: ResultsDocument<R, F>, locale?: string): string {
  void locale;
  const shown = doc.suppression ? doc : suppressResults(doc);
  return `# ${shown.standard}\n`;
}
