// One indicator's results: the figure, adverse-impact band and confidence interval, direction of good,
// the method note, and always a table, with a Fluent chart next to it on screen (the table is the chart's
// text alternative). Figures come from the protected copy: every hidden one shows as "*", whatever the reason.
// One file because its parts (representation, likelihood, survey and board views) are used only here and share
// the counts table, the styles and the marking of hidden and small figures.
import {
  Badge,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { numberColumn } from "./number-column";
import { WideTable } from "../components/WideTable";
import { useTranslation } from "react-i18next";
import {
  HIDDEN_MARK,
  cautionNote,
  formatCount,
  formatPercent,
  formatPoints,
  formatRatio,
  reasonNote,
} from "../../indicators";
import type {
  Counts,
  IndicatorResult,
  RelativeLikelihoodResult,
  RepresentationResult,
  ResultsDocument,
  SurveyResult,
  BoardResult,
} from "../../indicators";
import { AFC_BANDS, MEDICAL_SUBGROUPS } from "../../indicators";
import { BreakdownChooser } from "./BreakdownChooser";
import { CategoryBars } from "./charts/CategoryBars";
import { GroupBars } from "./charts/GroupBars";
import { LikelihoodChart } from "./charts/LikelihoodChart";
import { methodNoteText, noteText } from "./method-note";
import { bmeShare, modelEmployerGap, point, type ChartPoint } from "./charts/points";

const useStyles = makeStyles({
  view: { display: "grid", gap: tokens.spacingVerticalM },
  figure: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
  },
  facts: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "center" },
  note: { color: tokens.colorNeutralForeground2, maxWidth: "80ch" },
  number: numberColumn,
});

type T = (key: string, options?: Record<string, unknown>) => string;

function count(c: Counts, key: "white" | "bme" | "unknown" | "total"): string {
  return formatCount(c[key], c.suppressed?.[key]);
}

function pct(c: Counts, key: "whitePct" | "bmePct" | "unknownPct"): string {
  return formatPercent(c[key], Boolean(c.suppressed?.[key]));
}

function CountsTable(props: { caption: string; rows: [string, Counts | undefined][]; threshold: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const rows = props.rows.filter((r): r is [string, Counts] => Boolean(r[1]) && (r[1]!.total ?? 1) !== 0);
  if (rows.length === 0) return null;
  return (
    <WideTable size="small" aria-label={props.caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{props.caption}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.group.white")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.group.bme")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.group.unknown")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.view.total")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.view.whitePct")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.view.bmePct")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("indicators.view.unknownPct")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([label, c]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell className={styles.number}>{count(c, "white")}</TableCell>
            <TableCell className={styles.number}>{count(c, "bme")}</TableCell>
            <TableCell className={styles.number}>{count(c, "unknown")}</TableCell>
            <TableCell className={styles.number}>{count(c, "total")}</TableCell>
            <TableCell className={styles.number}>{pct(c, "whitePct")}</TableCell>
            <TableCell className={styles.number}>{pct(c, "bmePct")}</TableCell>
            <TableCell className={styles.number}>{pct(c, "unknownPct")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WideTable>
  );
}

function bandLabel(t: T, band: string): string {
  return band === "VSM" ? t("indicators.view.vsm") : t("indicators.view.band", { band });
}

const percentText = (v: number) => `${v.toFixed(1)}%`;
const pointsText = (v: number) => `${v.toFixed(1)} pp`;

/** Rows of an indicator 1 table that have anyone in them (the table and its chart show the same rows). */
function presentRows<K extends string>(keys: readonly K[], rows: Partial<Record<K, Counts>>): [K, Counts][] {
  return keys.flatMap((k) => {
    const c = rows[k];
    return c && (c.total ?? 1) !== 0 ? [[k, c] as [K, Counts]] : [];
  });
}

function Representation(props: {
  result: RepresentationResult;
  doc: ResultsDocument;
  threshold: number;
  charts: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const r = props.result;
  const model = props.doc.related.modelEmployer;
  const modelBands = model ? model.bands.filter((b) => b.headcount !== 0) : [];
  // The whole workforce's BME share is the line on every cohort's chart; none when it is hidden.
  const line = {
    label: t("indicators.view.overallLine"),
    value: r.overall.suppressed?.bmePct ? null : r.overall.bmePct,
  };
  const cohortChart = (cohort: string, title: "chart1Bands" | "chart1Grades", points: ChartPoint[], testId: string) =>
    props.charts && points.length > 0 ? (
      <CategoryBars
        title={t(`indicators.view.${title}`, { cohort })}
        series={t("indicators.view.bmePct")}
        points={points}
        format={percentText}
        unit="%"
        line={line}
        testId={testId}
      />
    ) : null;
  return (
    <>
      <div className={styles.facts}>
        <span className={styles.figure}>{pct(r.overall, "bmePct")}</span>
        <Text>{t("indicators.view.bmeOfWorkforce")}</Text>
        <Badge appearance="outline">{t("indicators.direction.higher")}</Badge>
      </div>
      <CountsTable
        caption={t("indicators.view.overall")}
        rows={[
          [t("indicators.view.allStaff"), r.overall],
          [t("indicators.view.senior8a"), r.senior["8a-VSM"]],
          [t("indicators.view.senior8c"), r.senior["8c-VSM"]],
        ]}
        threshold={props.threshold}
      />
      {cohortChart(
        t("indicators.view.nonClinical"),
        "chart1Bands",
        presentRows(AFC_BANDS, r.cohorts["non-clinical"]).map(([b, c]) => bmeShare(bandLabel(t, b), c)),
        "chart-1-non-clinical",
      )}
      <CountsTable
        caption={t("indicators.view.nonClinical")}
        rows={AFC_BANDS.map((b) => [bandLabel(t, b), r.cohorts["non-clinical"][b]])}
        threshold={props.threshold}
      />
      {cohortChart(
        t("indicators.view.clinical"),
        "chart1Bands",
        presentRows(AFC_BANDS, r.cohorts.clinical).map(([b, c]) => bmeShare(bandLabel(t, b), c)),
        "chart-1-clinical",
      )}
      <CountsTable
        caption={t("indicators.view.clinical")}
        rows={AFC_BANDS.map((b) => [bandLabel(t, b), r.cohorts.clinical[b]])}
        threshold={props.threshold}
      />
      {cohortChart(
        t("indicators.view.medical"),
        "chart1Grades",
        presentRows(MEDICAL_SUBGROUPS, r.cohorts.medical).map(([m, c]) => bmeShare(t(`indicators.medical.${m}`), c)),
        "chart-1-medical",
      )}
      <CountsTable
        caption={t("indicators.view.medical")}
        rows={MEDICAL_SUBGROUPS.map((m) => [t(`indicators.medical.${m}`), r.cohorts.medical[m]])}
        threshold={props.threshold}
      />
      {model && props.charts && modelBands.length > 0 ? (
        <CategoryBars
          title={t("indicators.view.chartGap", { target: formatPercent(model.targetPct) })}
          series={t("indicators.view.gap")}
          points={modelBands.map((b) => modelEmployerGap(bandLabel(t, b.band), b))}
          format={pointsText}
          unit=" pp"
          testId="chart-1-model-employer"
        />
      ) : null}
      {model ? (
        <WideTable size="small" aria-label={t("indicators.view.modelEmployer")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("indicators.view.modelEmployer")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("indicators.view.bmePct")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("indicators.view.target")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("indicators.view.gap")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>
                {t("indicators.view.needed", { year: model.targetYear })}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {modelBands.map((b) => (
              <TableRow key={b.band}>
                <TableCell>{bandLabel(t, b.band)}</TableCell>
                <TableCell className={styles.number}>
                  {formatPercent(b.focusPct, Boolean(b.suppressed?.focusPct))}
                </TableCell>
                <TableCell className={styles.number}>{formatPercent(b.targetPct)}</TableCell>
                {/* Hidden ("*") and not calculable ("–") read differently, as on the chart. */}
                <TableCell className={styles.number}>
                  {b.suppressed?.gapPct ? "*" : b.gapPct === null ? "–" : pointsText(b.gapPct)}
                </TableCell>
                <TableCell className={styles.number}>{formatCount(b.needed, b.suppressed?.needed)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      ) : null}
      <Text className={styles.note}>{t("indicators.view.method1")}</Text>
    </>
  );
}

function Likelihood(props: { id: string; result: RelativeLikelihoodResult; threshold: number; charts: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const r = props.result;
  const fraction = (group: "white" | "bme") => r[group];
  return (
    <>
      <div className={styles.facts}>
        <span className={styles.figure}>{formatRatio(r.value)}</span>
        {/* The uncertainty first: an interval that includes 1 says the data cannot tell, whatever the band says. */}
        {r.significant === null ? null : (
          <Badge appearance="outline" color={r.significant ? "brand" : "informative"} data-testid="significance">
            {r.significant ? t("likelihood.significant") : t("likelihood.notSignificant")}
          </Badge>
        )}
        {r.adverse === null ? null : (
          <Badge
            appearance="tint"
            color={r.significant === false ? "informative" : r.adverse ? "danger" : "success"}
            data-testid="adverse"
          >
            {r.adverse
              ? t("indicators.view.adverse", { low: r.adverseBand.low.toFixed(2), high: r.adverseBand.high.toFixed(2) })
              : t("indicators.view.notAdverse", {
                  low: r.adverseBand.low.toFixed(2),
                  high: r.adverseBand.high.toFixed(2),
                })}
          </Badge>
        )}
        <Badge appearance="outline">{t("indicators.direction.towardsOne")}</Badge>
      </div>
      {r.value !== null && (props.id === "2" || props.id === "3" || props.id === "4") ? (
        <Text data-testid="likelihood-sentence">
          {r.ci95
            ? t(`likelihood.sentence.i${props.id}`, {
                value: formatRatio(r.value),
                low: r.ci95[0].toFixed(2),
                high: r.ci95[1].toFixed(2),
              })
            : t(`likelihood.sentenceNoCi.i${props.id}`, { value: formatRatio(r.value) })}
        </Text>
      ) : null}
      <Text>
        {r.ci95
          ? t("indicators.view.ci", { low: r.ci95[0].toFixed(2), high: r.ci95[1].toFixed(2) })
          : t("indicators.view.noCi")}
      </Text>
      {r.significant === null ? null : (
        <Text>{r.significant ? t("indicators.view.significant") : t("indicators.view.notSignificant")}</Text>
      )}
      {r.reason ? <Text>{noteText(t, reasonNote(r.reason, r.reasonGroup), true)}</Text> : null}
      {r.cautions.map((c) => (
        <Text key={c}>{noteText(t, cautionNote(c))}</Text>
      ))}
      {props.charts ? (
        <LikelihoodChart
          title={t("indicators.view.chartRl")}
          value={r.value}
          // A figure hidden in the publishable copy is "below-threshold"; any other null cannot be calculated.
          state={r.value !== null ? "value" : r.reason === "below-threshold" ? "hidden" : "not-calculable"}
          ci={r.ci95}
          band={r.adverseBand}
          testId={`chart-${props.id}`}
        />
      ) : null}
      <WideTable size="small" aria-label={t(`indicators.title.i${props.id}`)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("indicators.view.groupCol")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t(`indicators.view.count${props.id}`)}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t(`indicators.view.of${props.id}`)}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.view.rate")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(["white", "bme"] as const).map((g) => (
            <TableRow key={g}>
              <TableCell>{t(`indicators.group.${g}`)}</TableCell>
              <TableCell className={styles.number}>
                {formatCount(fraction(g).count, fraction(g).suppressed?.count)}
              </TableCell>
              <TableCell className={styles.number}>{formatCount(fraction(g).of, fraction(g).suppressed?.of)}</TableCell>
              <TableCell className={styles.number}>
                {formatPercent(
                  fraction(g).rate === null ? null : fraction(g).rate! * 100,
                  Boolean(fraction(g).suppressed?.rate),
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WideTable>
      <Text className={styles.note}>{methodNoteText(r, t)}</Text>
    </>
  );
}

function Survey(props: { id: string; result: SurveyResult; charts: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const r = props.result;
  return (
    <>
      <div className={styles.facts}>
        <span className={styles.figure}>{formatPercent(r.bmePct, Boolean(r.suppressed?.bmePct))}</span>
        <Text>{t("indicators.view.bmeStaff")}</Text>
        <Badge appearance="outline">
          {t(r.direction === "lower" ? "indicators.direction.lower" : "indicators.direction.higher")}
        </Badge>
      </div>
      {props.charts ? (
        <GroupBars
          title={t("indicators.view.chartSurvey")}
          group={
            r.year === null
              ? t("indicators.view.surveyGroupNoYear")
              : t("indicators.view.surveyGroup", { year: r.year })
          }
          points={[
            point(t("indicators.group.white"), r.whitePct, Boolean(r.suppressed?.whitePct)),
            point(t("indicators.group.bme"), r.bmePct, Boolean(r.suppressed?.bmePct)),
          ]}
          format={percentText}
          testId={`chart-${props.id}`}
        />
      ) : null}
      <WideTable size="small" aria-label={t("indicators.view.chartSurvey")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("indicators.view.groupCol")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.view.percent")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.view.respondents")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>{t("indicators.group.white")}</TableCell>
            <TableCell className={styles.number}>
              {formatPercent(r.whitePct, Boolean(r.suppressed?.whitePct))}
            </TableCell>
            <TableCell className={styles.number}>
              {formatCount(r.whiteRespondents, r.suppressed?.whiteRespondents)}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{t("indicators.group.bme")}</TableCell>
            <TableCell className={styles.number}>{formatPercent(r.bmePct, Boolean(r.suppressed?.bmePct))}</TableCell>
            <TableCell className={styles.number}>
              {formatCount(r.bmeRespondents, r.suppressed?.bmeRespondents)}
            </TableCell>
          </TableRow>
        </TableBody>
      </WideTable>
      <Text>{t("indicators.view.gapText", { gap: r.gap === null ? "–" : r.gap.toFixed(1) })}</Text>
      <Text className={styles.note}>{t("indicators.view.methodSurvey")}</Text>
    </>
  );
}

function Board(props: { result: BoardResult; published: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const r = props.result;
  const members = (k: "voting" | "executive") =>
    (["white", "bme", "unknown"] as const).map((g) => count(r[k].members, g)).join(" / ");
  const points = (x: number | null) => (x === null ? "–" : formatPoints(x));
  return (
    <>
      <div className={styles.facts}>
        <span className={styles.figure}>{points(r.voting.difference)}</span>
        <Text>{t("indicators.view.votingDifference")}</Text>
        <Badge appearance="outline">{t("indicators.direction.towardsZero")}</Badge>
        {/* The board setting beside the figure it decides (docs/disclosure-control.md, "Board composition"). */}
        <Text data-testid="wres-board-setting">
          {t(props.published ? "disclosure.boardPublished" : "disclosure.boardProtected")}
        </Text>
      </div>
      <WideTable size="small" aria-label={t("indicators.title.i9")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("indicators.view.membership")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.view.boardBme")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.view.workforceBme")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.view.difference")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("disclosure.members")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(["voting", "executive"] as const).map((k) => (
            <TableRow key={k}>
              <TableCell>{t(`indicators.view.${k}`)}</TableCell>
              <TableCell className={styles.number}>
                {formatPercent(r[k].boardBmePct, Boolean(r[k].suppressed?.boardBmePct))}
              </TableCell>
              <TableCell className={styles.number}>
                {formatPercent(r[k].workforceBmePct, Boolean(r[k].suppressed?.workforceBmePct))}
              </TableCell>
              <TableCell className={styles.number}>
                {r[k].suppressed?.difference ? HIDDEN_MARK : points(r[k].difference)}
              </TableCell>
              <TableCell className={styles.number}>{members(k)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WideTable>
      <Text className={styles.note}>{t("indicators.view.method9")}</Text>
    </>
  );
}

/** The indicators the chooser offers breakdowns for (docs/wres-method.md#breakdowns). */
const BROKEN_DOWN = new Set(["1", "2", "3", "4"]);

/**
 * `copy` names a second rendering of the same view (the print copy), so ids and test ids stay unique.
 * The print copy has the tables only: it is display:none until printed, and Fluent's charts size
 * themselves by measuring their box, which has no size then and is not measured again for paper.
 */
export function IndicatorView(props: { id: string; result: IndicatorResult; doc: ResultsDocument; copy?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const threshold = props.doc.suppression?.threshold ?? 10;
  const r = props.result;
  const suffix = props.copy ? `${props.copy}-${props.id}` : props.id;
  const charts = !props.copy;
  return (
    <section className={styles.view} aria-labelledby={`wres-indicator-${suffix}`} data-testid={`indicator-${suffix}`}>
      <h3 id={`wres-indicator-${suffix}`}>{t(`indicators.title.i${props.id}`)}</h3>
      {r.kind === "representation" ? (
        <Representation result={r} doc={props.doc} threshold={threshold} charts={charts} />
      ) : null}
      {r.kind === "relative-likelihood" ? (
        <Likelihood id={props.id} result={r} threshold={threshold} charts={charts} />
      ) : null}
      {(r.kind === "representation" || r.kind === "relative-likelihood") && BROKEN_DOWN.has(props.id) ? (
        <BreakdownChooser id={props.id} result={r} copy={props.copy} />
      ) : null}
      {r.kind === "survey" ? <Survey id={props.id} result={r} charts={charts} /> : null}
      {r.kind === "board-difference" ? (
        <Board result={r} published={props.doc.suppression?.publishBoardComposition !== false} />
      ) : null}
      {props.doc.suppression ? (
        <Text className={styles.note}>{t("indicators.view.suppressionNote", { threshold })}</Text>
      ) : null}
    </section>
  );
}
