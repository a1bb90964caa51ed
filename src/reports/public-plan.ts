// The public version of an approved plan as a Word document for the organisation's website: the plan
// as approved, the approval line, and the protected indicator figures or the plan alone. The content
// is public-plan-content.ts's (the print view draws the same); this only lays it out.
import type { Paragraph, Table } from "docx";
import type { ApprovedCopy } from "../plan/cycle";
import type { DocumentLabels } from "./plan-document-labels";
import { anyHidden } from "./plan-figures";
import { approvalLine, publicPlanContent, publicTitle, type PublicPlanOptions } from "./public-plan-content";
import {
  documentBytes,
  figureNotes,
  figuresTable,
  fill,
  heading,
  longDate,
  para,
  table,
  title,
  type DocumentLocale,
} from "./word";

export async function publicPlanDocument(input: {
  copy: ApprovedCopy;
  options: PublicPlanOptions;
  labels: DocumentLabels;
  locale: DocumentLocale;
}): Promise<Uint8Array> {
  const { labels, locale } = input;
  const l = labels.public;
  const content = publicPlanContent(input.copy, input.options);
  const day = (iso: string) => longDate(iso, locale);
  const documentTitle = publicTitle(content, l);
  const children: (Paragraph | Table)[] = [
    title(documentTitle),
    para(approvalLine(content, l, day), { bold: true }),
    para(fill(l.intro, { year: content.year })),
  ];

  if (content.figures) {
    const figures = content.figures;
    children.push(
      heading(l.figuresHeading, 1),
      para(fill(l.figuresIntro, { year: figures.year, previous: figures.previousYear })),
      figuresTable(figures, labels.figures),
      ...figureNotes(figures, labels.figures, anyHidden(figures)),
    );
  }

  children.push(heading(l.planHeading, 1));
  for (const objective of content.objectives) {
    children.push(heading(fill(l.objective, { number: objective.number, title: objective.title }), 2));
    if (objective.description) children.push(para(objective.description));
    if (objective.actions.length === 0) {
      children.push(para(l.noActions));
      continue;
    }
    children.push(
      table(
        [l.number, l.action, l.lead, l.dueDate, l.kpis],
        objective.actions.map((a) => [
          a.number,
          a.title,
          a.lead || l.notGiven,
          a.dueDate ? day(a.dueDate) : l.notGiven,
          a.kpis,
        ]),
        [8, 40, 18, 14, 20],
      ),
    );
  }
  return documentBytes({ title: documentTitle, locale, creator: "WRES Action Plans", children });
}
