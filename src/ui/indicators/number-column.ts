import type { GriffelStyle } from "@fluentui/react-components";

/**
 * A table column of figures: the numbers line up at their end, and so does the column's heading (a sortable
 * heading holds its text in a button, which Fluent lays out from the start).
 */
export const numberColumn: GriffelStyle = {
  textAlign: "end",
  "& .fui-TableHeaderCell__button": { justifyContent: "flex-end" },
};
