// NHS England's Workforce Race Equality Standard as data: which measures, which groups, which
// direction is good. A new standard is a new definition like this one, not new code.
import { broadOfCode, type EthnicGroup, type Ethnicity } from "./input";
import type { Standard } from "./standard-types";
import type { Side } from "./types";

const SIDE_OF_ETHNIC_GROUP: Record<EthnicGroup, Side> = { white: "reference", bme: "focus", unknown: "unknown" };

/** White -> reference, BME -> focus, anything else unknown (never guessed). */
export const ethnicSide = (record: { ethnicity: Ethnicity }): Side => SIDE_OF_ETHNIC_GROUP[record.ethnicity.group];

const BME_BROAD = new Set(["mixed", "asian", "black", "other"]);

/** National ethnic category codes (NHS Data Dictionary), Z ("not stated") left to "unknown". */
export const NATIONAL_CATEGORIES = [
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
  "G",
  "H",
  "J",
  "K",
  "L",
  "M",
  "N",
  "P",
  "R",
  "S",
] as const;

export const WRES_STANDARD: Standard<"white", "bme"> = {
  id: "nhs-england-wres",
  labelKey: "nhs-england-wres",
  groups: { reference: "white", focus: "bme" },
  groupLabelKeys: { reference: "group.white", focus: "group.bme", unknown: "group.unknown" },
  classify: {
    staff: ethnicSide,
    application: ethnicSide,
    case: ethnicSide,
    training: ethnicSide,
    board: ethnicSide,
    aggregate: (a) => ({ reference: a.white, focus: a.bme, unknown: a.unknown }),
    survey: (s) => ({
      reference: s.whitePct,
      focus: s.bmePct,
      referenceN: s.whiteRespondents,
      focusN: s.bmeRespondents,
    }),
  },
  indicators: [
    { id: "1", kind: "representation", labelKey: "nhs-england-wres.1", direction: "higher" },
    // Each RL is arranged so that above 1 means BME staff fare worse.
    {
      id: "2",
      kind: "relative-likelihood",
      labelKey: "nhs-england-wres.2",
      measure: { source: "applications" },
      numerator: "reference",
      direction: "towards-one",
    },
    {
      id: "3",
      kind: "relative-likelihood",
      labelKey: "nhs-england-wres.3",
      measure: { source: "cases", caseType: "disciplinary", rollingTwoYears: true, aggregate: "disciplinary" },
      numerator: "focus",
      direction: "towards-one",
    },
    {
      id: "4",
      kind: "relative-likelihood",
      labelKey: "nhs-england-wres.4",
      measure: { source: "training", aggregate: "training" },
      numerator: "reference",
      direction: "towards-one",
    },
    { id: "5", kind: "survey", labelKey: "nhs-england-wres.5", question: 5, direction: "lower" },
    { id: "6", kind: "survey", labelKey: "nhs-england-wres.6", question: 6, direction: "lower" },
    { id: "7", kind: "survey", labelKey: "nhs-england-wres.7", question: 7, direction: "higher" },
    { id: "8", kind: "survey", labelKey: "nhs-england-wres.8", question: 8, direction: "lower" },
    { id: "9", kind: "board-difference", labelKey: "nhs-england-wres.9", direction: "towards-zero" },
  ],
  breakdown: {
    categories: [
      { key: "white", side: "reference", labelKey: "group.white" },
      { key: "mixed", side: "focus", labelKey: "group.mixed" },
      { key: "asian", side: "focus", labelKey: "group.asian" },
      { key: "black", side: "focus", labelKey: "group.black" },
      { key: "other", side: "focus", labelKey: "group.other" },
      { key: "unknown", side: "unknown", labelKey: "group.unknown" },
    ],
    // The group decides the side; the broad category only refines BME (an inconsistent one reads as Other).
    of: (s) =>
      s.ethnicity.group !== "bme" ? s.ethnicity.group : BME_BROAD.has(s.ethnicity.broad) ? s.ethnicity.broad : "other",
    // The NHS Data Dictionary's ethnic categories (ESR's national codes) under those groups.
    detail: {
      categories: [
        ...NATIONAL_CATEGORIES.map((code) => ({ key: code, parent: broadOfCode(code) })),
        { key: "unknown", parent: "unknown" },
      ],
      of: (s) => {
        const e = s.ethnicity;
        if (e.group === "unknown") return "unknown";
        // A known group always has its code (the reader derives the group from it); the fallback keeps the sums.
        if (
          e.code !== null &&
          broadOfCode(e.code) === (e.group === "white" ? "white" : BME_BROAD.has(e.broad) ? e.broad : "other")
        )
          return e.code;
        return e.group === "white" ? "C" : "S";
      },
    },
  },
  adverseBand: { low: 0.8, high: 1.25 },
  completeness: { caution: 5, unreliable: 20 },
  related: { modelEmployer: { targetYear: 2028 }, raceDisparity: true },
};
