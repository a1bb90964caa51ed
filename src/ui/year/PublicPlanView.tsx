// The public version of an approved plan as a page that prints cleanly to PDF: the same content as the
// Word document (public-plan-content.ts), laid out with the committee report's print styles. It takes
// the approved copy as a prop (PublicPlanRoot loads it), so any loader can host it.
import { Button } from "@fluentui/react-components";
import { PrintRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { ApprovedCopy } from "../../plan/cycle";
import { anyHidden, figureText } from "../../reports/plan-figures";
import {
  approvalLine,
  publicPlanContent,
  publicTitle,
  type PublicPlanOptions,
} from "../../reports/public-plan-content";
import { fill, longDate } from "../../reports/text";
import { documentLocale, labelsFrom } from "./plan-documents";
import "./report.css";

export function PublicPlanView(props: { copy: ApprovedCopy; options: PublicPlanOptions }) {
  const { t, i18n } = useTranslation();
  const labels = labelsFrom(t);
  const l = labels.public;
  const f = labels.figures;
  const locale = documentLocale(i18n.language);
  const day = (iso: string) => longDate(iso, locale);
  const content = publicPlanContent(props.copy, props.options);
  const figures = content.figures;
  return (
    <main className="wres-report" lang={locale}>
      <div className="wres-toolbar wres-no-print">
        <Button appearance="primary" icon={<PrintRegular />} onClick={() => window.print()}>
          {t("planYear.report.print")}
        </Button>
        <span>{t("planYear.report.printHint")}</span>
      </div>
      <h1>{publicTitle(content, l)}</h1>
      <p>
        <strong>{approvalLine(content, l, day)}</strong>
      </p>
      <p>{fill(l.intro, { year: content.year })}</p>

      {figures ? (
        <section aria-labelledby="public-figures">
          <h2 id="public-figures">{l.figuresHeading}</h2>
          <p>{fill(l.figuresIntro, { year: figures.year, previous: figures.previousYear })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{f.indicator}</th>
                <th scope="col">{fill(f.yearColumn, { year: figures.year })}</th>
                <th scope="col">{fill(f.yearColumn, { year: figures.previousYear })}</th>
                <th scope="col">{f.change}</th>
              </tr>
            </thead>
            <tbody>
              {figures.rows.map((row) => (
                <tr key={row.indicator} data-testid={`public-figure-${row.indicator}`}>
                  <th scope="row" style={{ fontWeight: "normal" }}>
                    {f.indicators[String(row.indicator)]}
                    <br />
                    <span className="wres-muted">{f.direction[row.direction]}</span>
                  </th>
                  {[row.current, row.previous].map((figure, i) => (
                    <td key={i} className="wres-num">
                      {figureText(row.indicator, figure)}
                      {figure.kind === "shown" && figure.origin === "entered" ? ` (${f.entered})` : ""}
                    </td>
                  ))}
                  <td>{f.trend[row.trend]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {anyHidden(figures) && figures.threshold !== null ? (
            <p className="wres-muted">{fill(f.hiddenNote, { threshold: figures.threshold })}</p>
          ) : null}
          {figures.publishBoardComposition !== null && figures.rows.some((r) => r.indicator === 9) ? (
            <p className="wres-muted">{figures.publishBoardComposition ? f.boardPublished : f.boardProtected}</p>
          ) : null}
        </section>
      ) : null}

      <h2>{l.planHeading}</h2>
      {content.objectives.map((objective) => (
        <section
          key={objective.number}
          className="wres-public-objective"
          aria-label={fill(l.objective, { number: objective.number, title: objective.title })}
        >
          <h3>{fill(l.objective, { number: objective.number, title: objective.title })}</h3>
          {objective.description ? <p style={{ whiteSpace: "pre-line" }}>{objective.description}</p> : null}
          {objective.actions.length === 0 ? (
            <p>{l.noActions}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col" className="wres-nowrap">
                    {l.number}
                  </th>
                  <th scope="col">{l.action}</th>
                  <th scope="col">{l.lead}</th>
                  <th scope="col">{l.dueDate}</th>
                  <th scope="col">{l.kpis}</th>
                </tr>
              </thead>
              <tbody>
                {objective.actions.map((a) => (
                  <tr key={a.number}>
                    <td className="wres-nowrap">{a.number}</td>
                    <td>{a.title}</td>
                    <td>{a.lead || l.notGiven}</td>
                    <td className="wres-nowrap">{a.dueDate ? day(a.dueDate) : l.notGiven}</td>
                    <td style={{ whiteSpace: "pre-line" }}>{a.kpis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </main>
  );
}
