// The bordered card each tool of the Plan year screen sits in, and its heading: one look for the
// cycle, the committee report, the documents, import and roll-over.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useToolCardStyles = makeStyles({
  card: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});
