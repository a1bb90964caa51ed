// WRES indicators and NHS EDI High Impact Actions named in a plan's words: "WRES 2",
// "Indicator 5", "Ind 1 & 3", "Metrics 5, 6, 7 and 8", "Metrics 1 and Metric 9", "HIA 3".
import { INDICATOR_NUMBERS, type IndicatorNumber } from "../types";

const JOIN = String.raw`(?:\s*(?:,|&|\+|/|and|or|to|-|–)\s*(?:(?:wres\s+)?(?:indicators?|inds?\.?|metrics?)\s*)?)`;
const LIST = String.raw`(\d(?!\d|\.\d|%)(?:${JOIN}\d(?!\d|\.\d|%))*)`;
const INDICATOR_REFERENCE = new RegExp(
  String.raw`\b(?:wres\s+(?:indicators?|inds?\.?|metrics?)|wres|indicators?|inds?\.?|metrics?)\s*(?:no\.?\s*)?${LIST}`,
  "gi",
);

function numbersIn(list: string): number[] {
  const numbers: number[] = [];
  // "1-4" and "1 to 4" are ranges; every other join lists single numbers.
  const range = /(\d)\s*(?:-|–|to)\s*(\d)/g;
  const withoutRanges = list.replace(range, (_m, from: string, to: string) => {
    for (let n = Number(from); n <= Number(to); n++) numbers.push(n);
    return " ";
  });
  for (const digit of withoutRanges.match(/\d/g) ?? []) numbers.push(Number(digit));
  return numbers;
}

function asIndicators(numbers: Iterable<number>): IndicatorNumber[] {
  const set = new Set(numbers);
  return INDICATOR_NUMBERS.filter((n) => set.has(n));
}

/** Indicators named in free text, in order 1-9. "WRES 2020" and "EDS goal 3" name none. */
export function indicatorsInText(text: string): IndicatorNumber[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(INDICATOR_REFERENCE)) numbers.push(...numbersIn(match[1] ?? ""));
  return asIndicators(numbers);
}

/** A dedicated indicator column may hold just numbers ("1, 3", 2); words work too. */
export function indicatorsInCell(text: string): IndicatorNumber[] {
  const named = indicatorsInText(text);
  if (named.length > 0) return named;
  if (!/^[\d\s,&/+andto–-]+$/i.test(text)) return [];
  return asIndicators(numbersIn(text));
}

/** High Impact Actions named in text ("HIA 3", "High Impact Action 2"), as "HIA n" labels. */
export function highImpactActionsInText(text: string): string[] {
  const found = new Set<number>();
  for (const match of text.matchAll(/\b(?:hia|high impact actions?)\s*(\d)\b/gi)) found.add(Number(match[1]));
  return [...found].sort((a, b) => a - b).map((n) => `HIA ${n}`);
}

export function unionIndicators(...lists: IndicatorNumber[][]): IndicatorNumber[] {
  return asIndicators(lists.flat());
}
