// The results saved for the newest year, shown as the run's results are (one view per indicator with
// its linked actions), for readers who cannot run the indicators and for editors after a reload. The
// saved detail is the suppressed copy; it is suppressed again on the way in (saved-results.ts savedResults).
import { useMemo, useState } from "react";
import { MessageBar, MessageBarBody, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatDateTime, type AppLocale } from "../../i18n";
import type { Action, IndicatorFigure, IndicatorNumber } from "../../plan";
import { headlineValue } from "../../indicators";
import { FiguresBeside } from "./FiguresBeside";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { BreakdownsLeftOut } from "./BreakdownChooser";
import { BankFigures } from "./BankFigures";
import { IndicatorView } from "./IndicatorView";
import { LinkedActions } from "./LinkedActions";
import { indicatorKeys } from "./view";
import { type SavedResults as Saved } from "./saved-results";

const useStyles = makeStyles({
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    display: "grid",
    gap: tokens.spacingVerticalM,
  },
  facts: { display: "grid", gap: tokens.spacingVerticalXS },
  // Nine indicators and the report do not fit one line in a narrow tab (320 px): wrap, never scroll the page sideways.
  tabs: { flexWrap: "wrap" },
});

export function SavedResults(props: {
  saved: Saved;
  actions: readonly Action[];
  today: string;
  locale: AppLocale;
  canRun: boolean;
  /** Targets and comparison figures, shown beside the indicator's result. */
  figures?: readonly IndicatorFigure[];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { doc, year, threshold, savedAt, savedBy, unreadable } = props.saved;
  const keys = useMemo(() => indicatorKeys(doc), [doc]);
  const [view, setView] = useState<string | null>(null);
  const current = view !== null && keys.includes(view) ? view : (keys[0] ?? null);
  const date = savedAt ? formatDateTime(savedAt, props.locale) : null;

  return (
    <section className={styles.card} aria-labelledby="wres-saved-heading" data-testid="wres-saved-results">
      <h2 id="wres-saved-heading">{t("indicators.saved.title", { year })}</h2>
      <div className={styles.facts}>
        {date ? (
          <Text>
            {savedBy
              ? t("indicators.saved.savedOnBy", { date, name: savedBy })
              : t("indicators.saved.savedOn", { date })}
          </Text>
        ) : null}
        <Text weight="semibold">{t("disclosure.savedNote", { threshold })}</Text>
        {props.canRun ? <Text size={200}>{t("indicators.saved.editorNote")}</Text> : null}
      </div>
      {unreadable.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t("indicators.saved.unreadable", { list: unreadable.map((n) => t(`indicators.short.i${n}`)).join(", ") })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <BreakdownsLeftOut leftOut={props.saved.leftOut} />
      {keys.length > 0 && current !== null ? (
        <>
          <nav aria-label={t("indicators.saved.nav")}>
            <TabList
              selectedValue={current}
              onTabSelect={(_, d) => setView(String(d.value))}
              size="small"
              className={styles.tabs}
            >
              {keys.map((k) => (
                <Tab key={k} value={k}>
                  {t(`indicators.short.i${k}`)}
                </Tab>
              ))}
            </TabList>
          </nav>
          {/* A damaged list item draws a message in its own place, not a blank tab. The run's own results
              are never on screen at the same time, so the view keeps its ids (and its charts: a "copy" is
              the print copy's, tables only). */}
          <ErrorBoundary key={current}>
            <IndicatorView id={current} result={doc.indicators[current]!} doc={doc} />
            <FiguresBeside
              indicator={Number(current) as IndicatorNumber}
              year={year}
              ours={headlineValue(doc.indicators[current]!, doc.groups)}
              figures={props.figures ?? []}
            />
            <BankFigures id={current} bank={doc.bank} />
            <LinkedActions indicator={Number(current) as IndicatorNumber} actions={props.actions} today={props.today} />
          </ErrorBoundary>
        </>
      ) : null}
    </section>
  );
}
