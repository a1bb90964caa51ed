// Beside an indicator's result: our figure, the target that speaks for the year and the comparison
// figures that apply to it (each its own year's, else its latest earlier one, labelled with its year
// and source). Nothing when the indicator has neither a target nor a comparison.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { comparisonsFor, targetFor, type IndicatorFigure, type IndicatorNumber } from "../../plan";
import { comparisonText, targetText } from "./figure-labels";
import { formatHeadline } from "./headline";

const useStyles = makeStyles({
  box: {
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorBrandStroke1,
    paddingInlineStart: tokens.spacingHorizontalM,
    display: "grid",
    gap: tokens.spacingVerticalXXS,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export function FiguresBeside(props: {
  indicator: IndicatorNumber;
  /** The results' year ("2024/25"). */
  year: string | null;
  ours: number | null;
  figures: readonly IndicatorFigure[];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const year = props.year ?? "";
  const target = targetFor(props.figures, props.indicator, year);
  const comparisons = comparisonsFor(props.figures, props.indicator, year);
  if (!target && comparisons.length === 0) return null;
  return (
    <section
      className={styles.box}
      aria-labelledby={`wres-beside-${props.indicator}`}
      data-testid="wres-figures-beside"
    >
      <h3 id={`wres-beside-${props.indicator}`} className={styles.heading}>
        {t("targets.beside")}
      </h3>
      <ul className={styles.list}>
        <li>{t("targets.ours", { value: formatHeadline(props.indicator, props.ours), year })}</li>
        {target ? <li>{targetText(t, target)}</li> : null}
        {comparisons.map((c) => (
          <li key={c.id}>{comparisonText(t, c)}</li>
        ))}
      </ul>
    </section>
  );
}
