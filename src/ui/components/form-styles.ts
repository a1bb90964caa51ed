// The look of the objective and action forms: one dialog width, the form's rhythm, fields side by side where
// there is room, and the indicator checkboxes as one unframed group.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFormStyles = makeStyles({
  surface: { maxWidth: "min(720px, 100vw - 16px)" },
  form: { display: "grid", gap: tokens.spacingVerticalM },
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 200px), 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  indicators: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    border: "none",
    padding: 0,
    margin: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
});
