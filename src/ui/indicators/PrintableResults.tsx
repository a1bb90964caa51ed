// The print view of the results: the summary of every indicator's headline figure, then every
// indicator's full view and linked actions (not only the tab on screen). It is rendered into <body>
// outside the tab's layout and shown only by @media print (global.css), in the light theme so the
// paper copy is dark text on white whatever the Teams theme.
import {
  FluentProvider,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { headlineValue, type ResultsDocument } from "../../indicators";
import type { Action, IndicatorNumber } from "../../plan";
import { IndicatorView } from "./IndicatorView";
import { LinkedActions } from "./LinkedActions";
import { formatHeadline } from "./headline";
import { indicatorKeys } from "./view";

export const PRINT_CLASS = "wres-print";

export function PrintableResults(props: { doc: ResultsDocument; actions: readonly Action[]; today: string }) {
  const { t } = useTranslation();
  const doc = props.doc;
  const keys = indicatorKeys(doc);
  const content = (
    <FluentProvider theme={webLightTheme} className={PRINT_CLASS} data-testid="wres-print">
      <h1>{doc.period ? t("indicators.results.titleYear", { year: doc.period }) : t("indicators.results.title")}</h1>
      {doc.organisation ? <Text as="p">{doc.organisation}</Text> : null}
      <Table size="small" aria-label={t("indicators.print.summary")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("indicators.trend.indicator")}</TableHeaderCell>
            <TableHeaderCell>{t("indicators.print.headline")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((k) => (
            <TableRow key={k}>
              <TableCell>{t(`indicators.title.i${k}`)}</TableCell>
              <TableCell>
                {formatHeadline(Number(k) as IndicatorNumber, headlineValue(doc.indicators[k]!, doc.groups))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {keys.map((k) => (
        <div key={k} className={`${PRINT_CLASS}-indicator`}>
          <IndicatorView id={k} result={doc.indicators[k]!} doc={doc} copy="print" />
          <LinkedActions
            indicator={Number(k) as IndicatorNumber}
            actions={props.actions}
            today={props.today}
            copy="print"
          />
        </div>
      ))}
    </FluentProvider>
  );
  return typeof document === "undefined" ? null : createPortal(content, document.body);
}
