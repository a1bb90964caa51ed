// The Indicators screen's styles (Fluent v9: state in hooks, styles in a hook, the component renders).
import { makeStyles, tokens } from "@fluentui/react-components";

export const useIndicatorsScreenStyles = makeStyles({
  screen: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalXL },
  bar: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalM,
    "@media (max-width: 600px)": { padding: tokens.spacingHorizontalS },
  },
  threshold: { maxWidth: "60ch" },
  thresholdInput: { width: "8ch" },
  // Nine indicators and the report do not fit one line in a narrow tab (320 px): wrap, never scroll the page sideways.
  tabs: { flexWrap: "wrap" },
});
