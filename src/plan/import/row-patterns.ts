// The words and shapes that say what a row of a published plan is: an objective heading, an action
// number, an owner line, a note, noise (totals, colour keys) or the plan's own title.
import { cellText, oneLine } from "./text";
import type { GridCell } from "./types";

/** Words that open an objective heading: "Objective 1: ...", "Priority 2 - ...". */
export const HEADING_WORD = /^(?:strategic\s+)?(?:objective|priority|aim|goal|theme|workstream|section|amcan)s?\b/i;
/** "Objective 2: ..." or "Priority 3 - ...": a heading wherever it sits in the row. */
export const NAMED_HEADING =
  /^(?:strategic\s+)?(?:objective|priority|aim|goal|theme|workstream|section|amcan)s?\s*(?:\d+|:)/i;
/** "1. Workforce data and representation": a number, then words. */
export const NUMBERED_HEADING = /^\d{1,2}\s*[.):\-–]\s*\p{L}/u;
/** An action number on its own ("1.3", "2", "3a", "A1", "Action 3"). */
export const BARE_NUMBER = /^(?:action\s*)?(?:\d+(?:\.\d+)*[a-z]?|[a-z]\d+(?:\.\d+)*)\.?$/i;
/** An action number opening an action's text when the table has no number column ("1.2 Do x", "Action 3: Do y"). */
export const LEADING_NUMBER =
  /^(?:action\s+)?(\d{1,2}(?:\.\d{1,2})*[a-z]?|[a-z]\d{1,2}(?:\.\d{1,2})?)\s*[.):\-–]?\s+(?=\S)/i;
/** A lone "Executive lead: ..." or "Sponsor: ..." line under a heading: the objective's owner, kept in its description. */
export const OWNER_LINE =
  /^(?:executive |exec |senior responsible |board |objective )?(?:lead|sponsor|owner|accountable)[\w ()/]{0,30}:/i;
/** Lines that say something about the objective without being an action: "Links to ...", "Note: ...". */
export const NOTE_LINE =
  /^(?:links?\s+to|linked\s+to|link\s+with|supports?\s|aligns?\s+(?:with|to)|alignment|relates?\s+to|see\s+also|notes?\b|n\.?\s?b\.?\b|source\b|context\b|cyswllt)/i;
/** Rows that are neither plan nor note: totals, colour keys. */
export const NOISE_LINE =
  /^(?:(?:sub-?)?totals?\b|(?:rag\s+|colour\s+|color\s+)*(?:key|legend)\b|rag\s+rating\s+key|page\s+\d+|continued\b|\(continued\))/i;
/** The plan's own title ("WRES Action Plan 2024/25"), never an objective. */
export const TITLE_LINE =
  /action\s+plan|workforce\s+race\s+equality|\bwres\b.*\b(?:plan|report|20\d\d)|cynllun\s+gweithredu/i;
/** Row labels that describe the objective above them ("Objectives", "What actions do we need to take and why?"). */
export const DESCRIPTION_LABELS = new Set([
  "objective",
  "objectives",
  "aim",
  "aims",
  "rationale",
  "why",
  "background",
  "context",
  "purpose",
  "description",
  "what actions do we need to take and why",
  "what are we trying to accomplish",
]);
/** Sub-actions inside one cell: "a. ...", "b) ...", "(c) ...". */
export const SUB_ITEM = /^\(?([a-h])[.)]\s+(\S.*)$/;

export function isBlank(cell: GridCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** "Objective 1: Improve X" -> number "1", title "Improve X"; "1. Data" -> "1", "Data". */
export function splitHeading(text: string): { number: string; title: string } {
  const line = oneLine(text);
  const match = line.match(
    /^(?:(?:strategic\s+)?(?:objective|priority|aim|goal|theme|workstream|section|amcan)s?\b\.?)?\s*(\d+(?:\.\d+)*)?\s*[.):\-–]*\s*(.*)$/iu,
  );
  const number = match?.[1] ?? "";
  const title = (match?.[2] ?? "").trim();
  return { number, title: title.length > 0 ? title : line };
}

/** An action number as written in a number cell: "Action 3" -> "3", "1.2." -> "1.2". */
export function tidyNumber(text: string): string {
  return oneLine(text)
    .replace(/^action\s*(?:no\.?|number)?\s*/i, "")
    .replace(/\.$/, "")
    .trim();
}

export function rowText(row: readonly GridCell[]): string {
  const text = row
    .filter((cell) => !isBlank(cell))
    .map((cell) => oneLine(cellText(cell)))
    .join(" | ");
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
