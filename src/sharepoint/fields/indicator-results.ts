// WRES Indicator Results: each field once (see objectives.ts). The item's Title is made from the row
// (src/sharepoint/mapping.ts, indicatorResultFields) and read by no one.
import type { IndicatorNumber, IndicatorResultRow } from "../../plan";
import { optionalNumber, plainText, type Codec } from "./codecs";
import type { Column } from "./column";
import { F } from "./spec";

const indicatorNumber: Codec<IndicatorNumber> = { read: (raw) => Number(raw) as IndicatorNumber, write: (v) => v };
const origin: Codec<IndicatorResultRow["origin"]> = {
  read: (raw) => (raw === "entered" ? "entered" : "computed"),
  write: (v) => v,
};

export const RESULT_COLUMNS: readonly Column<IndicatorResultRow>[] = [
  {
    key: "year",
    field: { name: F.resultYear, type: "text", indexed: true, maxLength: 20 },
    display: "Year",
    codec: plainText,
  },
  {
    key: "standard",
    field: { name: F.standard, type: "text", indexed: true, maxLength: 100 },
    display: "Standard",
    codec: plainText,
  },
  { key: "indicator", field: { name: F.indicator, type: "number" }, display: "Indicator", codec: indicatorNumber },
  {
    key: "value",
    field: { name: F.value, type: "number" },
    display: "Value",
    codec: optionalNumber as Codec<number | null>,
  },
  { key: "detail", field: { name: F.detail, type: "note" }, display: "Detail", codec: plainText },
  {
    key: "origin",
    field: { name: F.origin, type: "choice", choices: ["computed", "entered"] },
    display: "Origin",
    codec: origin,
  },
];
