// Ethnicity as the indicators read it: the national category code's broad group and the WRES group.
// The reader that parses a file's wording into these (src/workbook/ethnicity.ts) uses the same rule.
/** The three groups every WRES measure compares (docs/wres-method.md#ethnic-groups). */
export type EthnicGroup = "white" | "bme" | "unknown";

/** The groups below BME that trusts and NHS Wales disaggregate to. */
export type BroadEthnicity = "white" | "mixed" | "asian" | "black" | "other" | "unknown";

export interface Ethnicity {
  group: EthnicGroup;
  broad: BroadEthnicity;
  /** National one-character code (A-S, Z), or null when unknown or unrecognised. */
  code: string | null;
  /** Local refinement when given (e.g. "CA", "LB"), else the national code. */
  localCode: string | null;
  /** The value as it appeared in the file, for reports. */
  raw: string;
}

/** The broad group of a national ethnic category code's first letter (docs/wres-method.md#ethnic-groups). */
export function broadOfCode(code: string): BroadEthnicity {
  // One letter only: "ABC".includes("") and "ABC".includes("AB") are true too.
  if (code.length !== 1) return "unknown";
  if ("ABC".includes(code)) return "white";
  if ("DEFG".includes(code)) return "mixed";
  if ("HJKL".includes(code)) return "asian";
  if ("MNP".includes(code)) return "black";
  if ("RS".includes(code)) return "other";
  return "unknown";
}

/** White stays White, unknown stays unknown, every other broad group is BME. */
export function groupOfBroad(broad: BroadEthnicity): EthnicGroup {
  return broad === "white" ? "white" : broad === "unknown" ? "unknown" : "bme";
}
