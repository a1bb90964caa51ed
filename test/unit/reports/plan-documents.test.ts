// The committee paper and the public version, generated and read back as Word text (word/document.xml
// through the workbook reader's .docx reader): their sections, figures, suppression, Welsh, and the
// plan-alone choice.
import { describe, expect, it } from "vitest";
import { wordText, type WordText } from "../../support/word";
import type { IndicatorFigure, IndicatorNumber } from "../../../src/plan";
import { committeePaper, EMPTY_DETAILS, type PaperDetails } from "../../../src/reports/committee-paper";
import { planFigures, figureText } from "../../../src/reports/plan-figures";
import { publicPlanDocument } from "../../../src/reports/public-plan";
import type { PublicPlanOptions } from "../../../src/reports/public-plan-content";
import {
  actions,
  approvedCopy,
  CY,
  EN,
  exactValue,
  HOSTILE,
  leakyRows,
  objectives,
  savedRows,
} from "./plan-documents-fixtures";

/** The table whose header row starts with these cells. */
function tableWith(doc: WordText, ...header: string[]): string[][] {
  const found = doc.tables.find((t) => header.every((h, i) => t[0]?.[i] === h));
  if (!found) throw new Error(`no table headed ${header.join(" | ")}`);
  return found;
}

function rowOf(table: string[][], first: string): string[] {
  const row = table.find((r) => r[0]?.startsWith(first));
  if (!row) throw new Error(`no row starting ${first}`);
  return row;
}

const DETAILS: PaperDetails = {
  committee: "People and Culture Committee",
  meetingDate: "2024-09-12",
  author: "Edith Lead, Head of EDI",
  lead: "Chief People Officer",
  previouslyConsidered: "EDI Steering Group, 3 September 2024",
  engagement:
    "The plan was drafted with the Race Equality Network.\n\n15 members gave feedback; action 1.2 was added as a result.",
  publishBy: "2024-10-31",
};

const paper = (
  details: PaperDetails = DETAILS,
  labels = EN,
  results = savedRows(),
  targets: readonly IndicatorFigure[] = [],
) =>
  committeePaper({
    year: "2024/25",
    objectives,
    actions,
    results,
    targets,
    details,
    labels,
    locale: labels === CY ? "cy-GB" : "en-GB",
  }).then(wordText);

let figureId = 0;
/** An item of the Targets and Comparisons list. */
function figure(
  kind: "target" | "comparison",
  indicator: IndicatorNumber,
  value: number,
  year: string,
  more: Partial<IndicatorFigure> = {},
): IndicatorFigure {
  figureId += 1;
  return {
    id: figureId,
    etag: '"1"',
    modified: "2024-08-01T09:00:00Z",
    kind,
    standard: "nhs-england-wres",
    indicator,
    value,
    year,
    baselineYear: null,
    direction: null,
    comparator: kind === "comparison" ? "national" : null,
    name: kind === "comparison" ? "England" : null,
    source: kind === "comparison" ? "NHS England WRES data report" : null,
    ...more,
  };
}

describe("the plan's indicator figures", () => {
  it("are the protected copy's, rounded as published, hidden where it hides them, with last year's and the change", () => {
    expect(exactValue("2").toFixed(4)).toBe("1.9031");
    const figures = planFigures(savedRows())!;
    expect(figures.year).toBe("2024/25");
    expect(figures.previousYear).toBe("2023/24");
    const two = figures.rows.find((r) => r.indicator === 2)!;
    expect(figureText(2, two.current)).toBe("1.90");
    expect(figureText(2, two.previous)).toBe("2.60");
    expect(two.trend).toBe("improved");
    const three = figures.rows.find((r) => r.indicator === 3)!;
    expect(figureText(3, three.current)).toBe("*");
    expect(three.trend).toBe("not-comparable");
    expect(figureText(5, figures.rows.find((r) => r.indicator === 5)!.current)).toBe("26.4%");
  });

  it("protect again a saved detail that was not protected (written by something else): the small count's ratio stays hidden", () => {
    expect(exactValue("3").toFixed(2)).toBe("0.67");
    const three = planFigures(leakyRows())!.rows.find((r) => r.indicator === 3)!;
    expect(three.current).toEqual({ kind: "hidden" });
  });
});

describe("the committee paper", () => {
  it("has the title block, numbered sections in the shape of a committee paper, and asks for approval", async () => {
    const doc = await paper();
    expect(doc.paragraphs[0]).toBe("Workforce Race Equality Standard (WRES): data and action plan 2024/25");
    const block = doc.tables[0]!;
    expect(block).toEqual([
      ["Meeting", "People and Culture Committee"],
      ["Date of meeting", "12 September 2024"],
      ["Paper title", "Workforce Race Equality Standard (WRES): data and action plan 2024/25"],
      ["Author", "Edith Lead, Head of EDI"],
      ["Executive lead", "Chief People Officer"],
      ["Purpose", "For approval"],
      ["Previously considered by", "EDI Steering Group, 3 September 2024"],
    ]);
    const headings = doc.paragraphs.filter((p) => /^\d+\. /.test(p));
    expect(headings).toEqual([
      "1. Purpose",
      "2. Executive summary",
      "3. Summary of the data",
      "4. The action plan",
      "5. Engagement with the staff network",
      "6. Decision asked for",
      "7. Level of assurance",
    ]);
    expect(doc.paragraphs).toContain(
      "This paper asks the People and Culture Committee to approve the Workforce Race Equality Standard (WRES) data and action plan for 2024/25 for publication by 31 October 2024.",
    );
    expect(doc.paragraphs).toContain("The action plan has 2 objectives and 3 actions.");
    expect(doc.paragraphs).toContain("Their status today: 1 red, 1 amber, 1 green and 0 complete.");
    expect(doc.paragraphs).toContain("The People and Culture Committee is asked to:");
    expect(doc.paragraphs).toContain("approve the WRES data for 2024/25 for publication by 31 October 2024;");
    // The editor's engagement text, paragraph by paragraph.
    expect(doc.paragraphs).toContain("15 members gave feedback; action 1.2 was added as a result.");
    const assurance = tableWith(doc, "Level", "Meaning");
    expect(assurance.slice(1).map((r) => r[0])).toEqual(["☐ Assured", "☐ Partially assured", "☐ Not assured"]);
  });

  it("summarises the nine indicators' protected figures: this year, last year, the change; hidden ones stay hidden", async () => {
    const doc = await paper();
    const figures = tableWith(doc, "Indicator", "2024/25", "2023/24", "Change");
    expect(rowOf(figures, "Indicator 2: appointment from shortlisting")).toEqual([
      "Indicator 2: appointment from shortlisting\nCloser to 1.00 is better",
      "1.90",
      "2.60 (published)",
      "Improved",
    ]);
    expect(rowOf(figures, "Indicator 3").slice(1)).toEqual(["*", "1.50 (published)", "Not comparable"]);
    expect(rowOf(figures, "Indicator 5")[1]).toBe("26.4%");
    expect(doc.all).toContain("* Hidden to protect small numbers: a count below 10");
    expect(doc.all).toContain("Some figures are hidden to protect small numbers of staff (marked *).");
    // Neither the unrounded figure nor the hidden ratio appears anywhere.
    expect(doc.all).not.toContain(exactValue("2").toFixed(3));
    expect(doc.all).not.toContain(exactValue("3").toFixed(2));
  });

  it("gives each indicator's target beside its figures, and whether this year is on its trajectory", async () => {
    const doc = await paper(DETAILS, EN, savedRows(), [
      // 2.60 in 2023/24 to 1.25 by 2026/27: the line stands at 2.15 in 2024/25, and 1.90 is better than that.
      figure("target", 2, 1.25, "2026/27", { baselineYear: "2023/24" }),
      // Indicator 3's figure is hidden this year: the target is given, the year is not judged.
      figure("target", 3, 1.1, "2026/27"),
      // Neither a comparison figure nor the bank workforce's target is a target of these figures.
      figure("comparison", 5, 28.1, "2023/24"),
      figure("target", 5, 10, "2026/27", { standard: "nhs-england-wres-bank" }),
    ]);
    const figures = tableWith(doc, "Indicator", "2024/25", "2023/24", "Change", "Target");
    expect(figures[0]).toHaveLength(5);
    expect(rowOf(figures, "Indicator 2").slice(1)).toEqual([
      "1.90",
      "2.60 (published)",
      "Improved",
      "1.25 by 2026/27\nOn track this year",
    ]);
    expect(rowOf(figures, "Indicator 3")[4]).toBe("1.10 by 2026/27");
    expect(rowOf(figures, "Indicator 5")[4]).toBe("–");
  });

  it("says a year is off track when its figure is worse than the trajectory's, and has no target column without targets", async () => {
    const off = await paper(DETAILS, EN, savedRows(), [figure("target", 2, 1, "2024/25", { baselineYear: "2023/24" })]);
    expect(rowOf(tableWith(off, "Indicator", "2024/25"), "Indicator 2")[4]).toBe(
      "1.00 by 2024/25\nOff track this year",
    );
    const none = await paper();
    expect(tableWith(none, "Indicator", "2024/25")[0]).toEqual(["Indicator", "2024/25", "2023/24", "Change"]);
    const welsh = await paper(DETAILS, CY, savedRows(), [figure("target", 2, 1.25, "2026/27")]);
    expect(welsh.all).toContain("1.25 erbyn 2026/27");
  });

  it("never shows a figure the protected copy hides, even from a saved detail that was not protected", async () => {
    const doc = await paper(DETAILS, EN, leakyRows());
    expect(rowOf(tableWith(doc, "Indicator", "2024/25"), "Indicator 3")[1]).toBe("*");
    expect(doc.all).not.toContain(exactValue("3").toFixed(2));
    expect(doc.all).not.toContain(exactValue("3").toFixed(1));
  });

  it("lists each objective's actions with number, action, lead, due date, KPIs and RAG, text kept as text", async () => {
    const doc = await paper();
    const headings = doc.paragraphs.filter((p) => p.startsWith("Objective "));
    expect(headings).toEqual([
      "Objective 1: Representation at Band 8a and above",
      "Objective 2: Fair disciplinary process",
    ]);
    expect(doc.paragraphs).toContain("Owner: Amara Okafor");
    const first = tableWith(doc, "No.", "Action", "Lead", "Due date", "KPIs", "RAG");
    expect(first.slice(1)).toEqual([
      [
        "1.1",
        "Set divisional representation targets",
        "Amara Okafor; Director of People",
        "31 March 2025",
        "BME staff at 8a+ from 11% to 14%",
        "Green",
      ],
      ["1.2", HOSTILE, "Tom Hughes; Head of Resourcing", "30 November 2024", "Every panel diverse by March", "Red"],
    ]);
  });

  it("leaves the engagement section out when the editor writes none, and says what is not given", async () => {
    const doc = await paper({ ...EMPTY_DETAILS });
    expect(doc.all).not.toContain("Engagement");
    expect(doc.paragraphs.filter((p) => /^\d+\. /.test(p)).at(-1)).toBe("6. Level of assurance");
    expect(doc.tables[0]![0]).toEqual(["Meeting", "Not given"]);
    expect(doc.paragraphs).toContain("approve the WRES data for 2024/25 for publication;");
  });

  it("gives the plan alone, saying so, when no results are saved", async () => {
    const doc = await paper(DETAILS, EN, []);
    expect(doc.paragraphs).toContain("No indicator results have been saved yet, so this paper gives the plan alone.");
    expect(doc.tables.some((t) => t[0]?.[0] === "Indicator")).toBe(false);
  });

  it("is written in Welsh with the Welsh catalogue: labels, dates, indicator titles, assurance levels", async () => {
    const doc = await paper(DETAILS, CY);
    expect(doc.paragraphs[0]).toBe("Safon Cydraddoldeb Hiliol y Gweithlu (WRES): data a chynllun gweithredu 2024/25");
    expect(doc.tables[0]).toContainEqual(["Diben", "I'w gymeradwyo"]);
    expect(doc.tables[0]).toContainEqual(["Dyddiad y cyfarfod", "12 Medi 2024"]);
    expect(doc.paragraphs).toContain("1. Diben");
    const figures = tableWith(doc, "Dangosydd", "2024/25");
    expect(rowOf(figures, "Dangosydd 2")[3]).toBe("Gwell");
    const plan = tableWith(doc, "Rhif", "Cam gweithredu");
    expect(plan[1]).toContain("31 Mawrth 2025");
    expect(plan[1]).toContain("Gwyrdd");
    expect(tableWith(doc, "Lefel", "Ystyr").map((r) => r[0])).toContain("☐ Wedi cael sicrwydd rhannol");
    expect(doc.all).not.toMatch(/Executive summary|Purpose|Level of assurance/);
  });
});

describe("the public version", () => {
  const publicDoc = (
    options: PublicPlanOptions = { withFigures: true, leads: "roles" },
    labels = EN,
    copy = approvedCopy(),
  ) => publicPlanDocument({ copy, options, labels, locale: labels === CY ? "cy-GB" : "en-GB" }).then(wordText);

  it("is the approved plan with its approval line and the protected figures", async () => {
    const doc = await publicDoc();
    expect(doc.paragraphs.slice(0, 2)).toEqual([
      "Demo NHS Trust: Workforce Race Equality Standard (WRES) action plan 2024/25",
      "Approved by the People and Culture Committee on 12 September 2024.",
    ]);
    expect(doc.paragraphs).toContain("Our WRES indicators");
    expect(doc.paragraphs).toContain("Our action plan");
    const figures = tableWith(doc, "Indicator", "2024/25", "2023/24", "Change");
    expect(rowOf(figures, "Indicator 2")[1]).toBe("1.90");
    expect(rowOf(figures, "Indicator 3")[1]).toBe("*");
    const plan = tableWith(doc, "No.", "Action", "Lead", "Due date", "KPIs");
    expect(plan[1]).toEqual([
      "1.1",
      "Set divisional representation targets",
      "Director of People",
      "31 March 2025",
      "BME staff at 8a+ from 11% to 14%",
    ]);
    expect(doc.paragraphs).toContain("Objective 2: Fair disciplinary process");
    // Objective 2's action has no role title and no due date: shown as not given, no name.
    expect(tableWith(doc, "No.", "Action").length).toBe(3);
    const second = doc.tables.filter((t) => t[0]?.[0] === "No.")[1]!;
    expect(second[1]!.slice(0, 4)).toEqual(["2.1", "Independent review of every case", "–", "–"]);
  });

  it("leaves out what the public may not see or need: small-number figures, RAG, progress, assurance, minute, names", async () => {
    const doc = await publicDoc(undefined, EN, approvedCopy(leakyRows()));
    expect(rowOf(tableWith(doc, "Indicator", "2024/25"), "Indicator 3")[1]).toBe("*");
    for (const absent of [
      exactValue("3").toFixed(2),
      exactValue("2").toFixed(3),
      "Green",
      "Red",
      "Amber",
      "Targets agreed",
      "Partially assured",
      "PCC/24/117",
      "Edith Lead",
      "Amara Okafor",
      "Tom Hughes",
    ])
      expect(doc.all, absent).not.toContain(absent);
  });

  it("names the leads when the organisation chooses names", async () => {
    const doc = await publicDoc({ withFigures: true, leads: "names" });
    expect(tableWith(doc, "No.", "Action")[1]![2]).toBe("Amara Okafor; Director of People");
  });

  it("is the plan alone, with no figures at all, when the organisation chooses", async () => {
    const doc = await publicDoc({ withFigures: false, leads: "roles" });
    expect(doc.paragraphs).toContain("Our action plan");
    expect(doc.paragraphs).not.toContain("Our WRES indicators");
    expect(doc.tables.some((t) => t[0]?.[0] === "Indicator")).toBe(false);
    for (const absent of ["1.90", "2.60", "26.4%", "*", "Indicator 2", "small numbers"])
      expect(doc.all, absent).not.toContain(absent);
  });

  it("says 'with changes' when the committee approved it with changes, and is in Welsh with the Welsh catalogue", async () => {
    const copy = approvedCopy();
    copy.decision = { ...copy.decision, outcome: "approved-with-changes" };
    const doc = await publicDoc(undefined, CY, copy);
    expect(doc.paragraphs[1]).toBe(
      "Cymeradwywyd, gyda newidiadau, gan y People and Culture Committee ar 12 Medi 2024.",
    );
    expect(doc.paragraphs).toContain("Ein dangosyddion WRES");
    expect(doc.paragraphs).toContain("Ein cynllun gweithredu");
    expect(tableWith(doc, "Rhif", "Cam gweithredu", "Arweinydd", "Dyddiad targed", "DPA")[1]![3]).toBe(
      "31 Mawrth 2025",
    );
  });
});
