// The English the indicator module writes itself (method notes, the Markdown report): keys -> templates
// with {placeholders}. Why a figure is not given and the cautions beside one are written once, in the
// module's own catalogues (./notes, English and Welsh; the tab's i18n layer files them under `indicatorNotes`): the module returns
// their codes (reasonNote, cautionNote) and reads the English from there for its own report, so the tab,
// the Markdown report and the Excel workbook say the same thing.
import indicatorNotes from "./notes/en-GB.json";
import type { IndicatorDefinition, Standard } from "./standard-types";
import type { Caution, MethodNotePart, NotCalculableReason } from "./types";

/** A message as a key of the tab's catalogue (`indicatorNotes.…`) and its parameters, for any language. */
export interface Note {
  key: string;
  /** `group` is a group code ("white", "bme"), for the reader's language to name. */
  params: { group?: string };
  /** The sentence a reason stands in when shown on its own ("Not calculable: …"); none for a hidden figure. */
  frame?: string;
}

const NOT_CALCULABLE = "indicatorNotes.notCalculable";

/**
 * Why a figure is not given. A reason about one group names it; the same reason without a group (a race
 * disparity ratio, a board difference) says "one group" or "no one" instead of leaving a gap.
 */
export function reasonNote(reason: NotCalculableReason, group: string | null): Note {
  const frame = reason === "below-threshold" ? {} : { frame: NOT_CALCULABLE };
  const named =
    reason === "zero-denominator" || reason === "zero-numerator" || reason === "numerator-exceeds-denominator";
  if (!named) return { key: `indicatorNotes.reason.${reason}`, params: {}, ...frame };
  return group === null
    ? { key: `indicatorNotes.reason.${reason}-nogroup`, params: {}, ...frame }
    : { key: `indicatorNotes.reason.${reason}`, params: { group }, ...frame };
}

export function cautionNote(caution: Caution): Note {
  return { key: `indicatorNotes.caution.${caution}`, params: {} };
}

/** {{placeholders}} (the catalogues' i18next form) -> {placeholders} (this module's). */
function fromCatalogue(prefix: string, section: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(section).map(([code, text]) => [`${prefix}.${code}`, text.replace(/\{\{(\w+)\}\}/g, "{$1}")]),
  );
}

export const EN_GB: Record<string, string> = {
  ...fromCatalogue("indicatorNotes.reason", indicatorNotes.reason),
  ...fromCatalogue("indicatorNotes.caution", indicatorNotes.caution),
  [NOT_CALCULABLE]: indicatorNotes.notCalculable.replace(/\{\{(\w+)\}\}/g, "{$1}"),
  "nhs-england-wres": "NHS England Workforce Race Equality Standard (WRES)",
  "group.white": "White",
  "group.bme": "BME",
  "group.unknown": "Unknown",
  "group.mixed": "Mixed",
  "group.asian": "Asian",
  "group.black": "Black",
  "group.other": "Other",
  "breakdown.title": "Ethnic groups in more detail",
  "breakdown.note":
    "Headcount by broad ethnic group (NHS ethnic category), so results can be read below the BME total.",
  "nhs-england-wres.1": "Indicator 1: Workforce by pay band (percentage White, BME and unknown)",
  "nhs-england-wres.2":
    "Indicator 2: Relative likelihood of White staff being appointed from shortlisting compared with BME staff",
  "nhs-england-wres.3":
    "Indicator 3: Relative likelihood of BME staff entering the formal disciplinary process compared with White staff",
  "nhs-england-wres.4":
    "Indicator 4: Relative likelihood of White staff accessing non-mandatory training and CPD compared with BME staff",
  "nhs-england-wres.5":
    "Indicator 5: Staff experiencing harassment, bullying or abuse from patients, relatives or the public in the last 12 months",
  "nhs-england-wres.6":
    "Indicator 6: Staff experiencing harassment, bullying or abuse from staff in the last 12 months",
  "nhs-england-wres.7":
    "Indicator 7: Staff believing the organisation provides equal opportunities for career progression or promotion",
  "nhs-england-wres.8":
    "Indicator 8: Staff personally experiencing discrimination at work from a manager, team leader or colleagues in the last 12 months",
  "nhs-england-wres.9": "Indicator 9: Board membership compared with the overall workforce",
  "group.nonDisabled": "Non-disabled",
  "group.disabled": "Disabled",
  "indicator.fallback": "Indicator {id}",
  "report.title": "{standard}: results",
  "report.organisation": "Organisation",
  "report.period": "Period",
  "report.snapshot": "Staff in post at",
  "report.notGiven": "not given",
  "report.audience":
    "Protected figures, for publication and for the tab's readers. The exact figures (for submission to NHS England and the board only, not for publication) are in the exact results document.",
  "report.suppression":
    "Figures marked * are hidden: a count below {threshold}, or a count hidden so that one below {threshold} cannot be worked out from the totals (the two are not told apart). Percentages, rates, relative likelihoods, intervals and ratios computed from a hidden count are not published either: with the other figures, a ratio and its interval narrow the counts behind it to a few values, often one.",
  "report.rounding":
    "Figures are computed from unrounded counts and published rounded (relative likelihoods, intervals and ratios to 2 decimal places, percentages to 1).",
  "report.noIndicators": "No indicator could be computed: the inputs carry none of the tables they need.",
  "table.band": "Band",
  "table.subgroup": "Subgroup",
  "table.cohort": "Cohort",
  "table.total": "Total",
  "table.group": "Group",
  "cohort.overall": "All staff",
  "cohort.non-clinical": "Non-clinical staff (Agenda for Change bands)",
  "cohort.clinical": "Clinical staff (Agenda for Change bands)",
  "cohort.medical": "Medical and dental staff",
  "cohort.bands": "All Agenda for Change staff by band",
  "cohort.unbanded": "Staff whose band or grade is not known",
  "cohort.senior": "Senior bands",
  "senior.8a-VSM": "Band 8a and above (incl. VSM)",
  "senior.8c-VSM": "Band 8c to VSM",
  "senior.smm": "Senior medical managers (consultants)",
  "medical.consultant": "Consultants",
  "medical.non-consultant-career-grade": "Non-consultant career grades",
  "medical.trainee": "Trainee grades",
  "medical.other": "Other medical and dental",
  "band.VSM": "VSM",
  "band.n": "Band {band}",
  "rl.count.applications": "Appointed from shortlisting",
  "rl.of.applications": "Shortlisted",
  "rl.count.cases": "Entering the formal process",
  "rl.of.cases": "Headcount",
  "rl.of.cases.pooled": "Person-years (headcount x 2)",
  "rl.count.training": "Accessing non-mandatory training or CPD",
  "rl.of.training": "Headcount",
  "rl.rate": "Rate",
  "rl.value": "Relative likelihood: **{value}** (95% confidence interval {lo} to {hi})",
  "rl.adverse": "Outside the non-adverse range {low}-{high}: adverse impact.",
  "rl.nonAdverse": "Within the non-adverse range {low}-{high}.",
  "rl.significant": "The interval excludes 1: the difference is statistically significant at the 5% level.",
  "rl.notSignificant": "The interval includes 1: the difference is not statistically significant at the 5% level.",
  "rl.years": "Years: {years}.",
  "rl.notCalculable": "Relative likelihood: not calculable. {reason}",
  "rl.hidden": "Relative likelihood: {mark}. {reason}",
  "survey.year": "Staff survey {year}.",
  "survey.gap": "Gap ({focus} minus {reference})",
  "survey.respondents": "Respondents",
  "direction.lower": "Lower is better.",
  "direction.higher": "Higher is better.",
  "board.membership": "Membership",
  "board.voting": "Voting members",
  "board.executive": "Executive members",
  "board.boardPct": "Board {focus} %",
  "board.workforcePct": "Workforce {focus} %",
  "board.difference": "Difference",
  "board.members": "Members ({reference} / {focus} / unknown)",
  "board.published":
    'Board composition is published in full (setting "Publish board composition": on), as WRES reports publish it; board members\' ethnicity is special-category data, and an organisation may turn this off.',
  "board.protected": 'Board composition is protected like other counts (setting "Publish board composition": off).',
  "board.note":
    "Difference = board {focus} % minus workforce {focus} %, in percentage points; negative means the board under-represents {focus} staff.",
  "related.title": "Related measures",
  "related.note": "These are not WRES indicators; they are shown alongside them, clearly labelled.",
  "me.title": "Model Employer (related measure)",
  "me.note":
    "NHS England's Model Employer aspiration: {focus} representation at every band from 8a upward matching the overall workforce ({target}). Needed = more {focus} staff at today's headcount; per year = spread evenly to {year}.",
  "me.headcount": "Headcount",
  "me.pct": "{focus} %",
  "me.target": "Target %",
  "me.gap": "Gap",
  "me.needed": "Needed",
  "me.perYear": "Per year",
  "rdr.title": "Race disparity ratios (related measure, derived from trust reports)",
  "rdr.note":
    "Ratio = ({reference} in the higher tier / {reference} in the lower tier) / ({focus} in the higher tier / {focus} in the lower tier); above 1 means {focus} staff are less likely to be in the higher tier. Tiers: lower bands 1-5, middle 6-7, upper 8a-VSM.",
  "rdr.pair": "{from} to {to}",
  "rdr.ratio": "Ratio",
  "rdr.hidden":
    "Ratios marked {mark} are not published: each is computed from a hidden count, and with the other figures it would narrow that count down. The exact figures are in the exact results, for submission to NHS England and the board only.",
  "tier.lower": "Lower",
  "tier.middle": "Middle",
  "tier.upper": "Upper",
  "cmp.title": "Change since {period}",
  "cmp.indicator": "Indicator",
  "cmp.measure": "Figure",
  "cmp.previous": "Previous",
  "cmp.current": "Now",
  "cmp.change": "Change",
  "cmp.trend": "Trend",
  "cmp.m.value": "Relative likelihood",
  "cmp.m.gap": "Gap ({focus} minus {reference})",
  "cmp.m.focusPct": "{focus} %",
  "cmp.m.overall.focusPct": "{focus} % of all staff",
  "cmp.m.senior.8a-VSM.focusPct": "{focus} % at band 8a and above",
  "cmp.m.senior.8c-VSM.focusPct": "{focus} % at band 8c to VSM",
  "cmp.m.voting.difference": "Voting board difference",
  "cmp.m.executive.difference": "Executive board difference",
  "cmp.m.voting.boardFocusPct": "Voting board {focus} %",
  "trend.improved": "↑ improved",
  "trend.worsened": "↓ worsened",
  "trend.unchanged": "→ unchanged",
  "trend.not-comparable": "not comparable",
  "dq.title": "Data quality",
  "dq.input": "Input",
  "dq.records": "Records",
  "dq.unknown": "Unknown ethnicity",
  "dq.unknownPct": "Unknown %",
  "dq.level": "Completeness",
  "dq.level.ok": "ok",
  "dq.level.caution": "caution (over {caution}% unknown)",
  "dq.level.unreliable": "unreliable (over {unreliable}% unknown)",
  "dq.excluded": "Rows excluded while reading: {n}.",
  "dq.exclusion": "{reason}: {n}",
  "dq.issues": "Problems reported while reading: {errors} errors, {warnings} warnings.",
  "input.staff": "Staff in post",
  "input.applications": "Recruitment",
  "input.cases": "Employee relations cases",
  "input.training": "Training and CPD",
  "input.board": "Board",
  "input.aggregates": "Aggregated counts",
  "method.title": "Method",
  "method.rl":
    "Relative likelihood = ({top} rate) / ({bottom} rate), computed from unrounded counts; 95% confidence interval by the log method for a ratio of two proportions (Katz); adverse outside {low}-{high} (four-fifths rule).",
  "method.rl.applications":
    "Rate = appointed from shortlisting / shortlisted; applicants of unknown ethnicity are excluded.",
  "method.rl.cases":
    "Rate = people entering a formal {caseType} process (each person once a year) / headcount in staff in post.",
  "method.rl.training":
    "Rate = people accessing non-mandatory training or CPD (each person once) / headcount in staff in post.",
  "method.basis.single-year": "One year of cases.",
  "method.basis.two-year-pooled":
    "Two-year rolling figure: the two years' cases pooled over twice the headcount (person-years).",
  "nhs-england-wres-bank": "Bank workers (bank-only workforce)",
  "nhs-england-wres-bank.1": "Bank workers, indicator 1: bank workers by pay band (percentage White, BME and unknown)",
  "nhs-england-wres-bank.2":
    "Bank workers, indicator 2: Relative likelihood of White applicants being appointed to bank posts from shortlisting compared with BME applicants",
  "nhs-england-wres-bank.3":
    "Bank workers, indicator 3: Relative likelihood of BME bank workers entering the formal disciplinary process compared with White bank workers",
  "nhs-england-wres-bank.4":
    "Bank workers, indicator 4: Relative likelihood of White bank workers accessing non-mandatory training and CPD compared with BME bank workers",
  "bank.title": "Bank workers",
  "bank.note":
    "These figures are for bank-only workers (people whose only assignments are bank), counted on their own and never added to the figures above. Someone with a substantive and a bank assignment is counted with substantive staff only. The same small-number protection applies.",
};

/** Fill {placeholders} in a message. Unknown keys come back as the key, so a gap is visible, not blank. */
export function t(
  key: string,
  params: Record<string, string | number> = {},
  catalogue: Record<string, string> = EN_GB,
): string {
  const template = catalogue[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function groupLabel<R extends string, F extends string>(
  standard: Standard<R, F>,
  side: "reference" | "focus" | "unknown",
): string {
  return t(standard.groupLabelKeys[side]);
}

/** A note in English; `label` names a group code ("bme" -> "BME"). `framed`: in its sentence, for a note shown on its own. */
export function englishNote(note: Note, label: (group: string) => string, framed = false): string {
  const text = t(note.key, note.params.group === undefined ? {} : { group: label(note.params.group) });
  return framed && note.frame ? t(note.frame, { reason: text }) : text;
}

/** The method note of a relative likelihood as keys and codes (contract key `methodKeys`), for any language. */
export function methodNoteKeys<R extends string, F extends string>(
  standard: Standard<R, F>,
  def: Extract<IndicatorDefinition, { kind: "relative-likelihood" }>,
  basis: "single-year" | "two-year-pooled",
): MethodNotePart[] {
  const top = standard.groups[def.numerator];
  const bottom = standard.groups[def.numerator === "reference" ? "focus" : "reference"];
  const parts: MethodNotePart[] = [
    {
      key: "method.rl",
      params: { top, bottom, low: standard.adverseBand.low.toFixed(2), high: standard.adverseBand.high.toFixed(2) },
    },
    {
      key: `method.rl.${def.measure.source}`,
      params: def.measure.source === "cases" ? { caseType: def.measure.caseType } : {},
    },
  ];
  if (def.measure.source === "cases") parts.push({ key: `method.basis.${basis}`, params: {} });
  return parts;
}

/** The method note stored with a relative likelihood (contract key `method`): the keys' English text. */
export function methodNote<R extends string, F extends string>(
  standard: Standard<R, F>,
  def: Extract<IndicatorDefinition, { kind: "relative-likelihood" }>,
  basis: "single-year" | "two-year-pooled",
): string {
  const groupName = (code: string) => {
    const side = (Object.keys(standard.groups) as ("reference" | "focus")[]).find((s) => standard.groups[s] === code);
    return side ? groupLabel(standard, side) : code;
  };
  return methodNoteKeys(standard, def, basis)
    .map((part) =>
      t(part.key, {
        ...part.params,
        ...(part.params.top ? { top: groupName(part.params.top), bottom: groupName(part.params.bottom ?? "") } : {}),
      }),
    )
    .join(" ");
}
