// Every English string the indicator module writes (method notes, the Markdown report), in one
// place so it can be localised later: keys -> templates with {placeholders}.
import type { IndicatorDefinition, Standard } from "./types";

export const EN_GB: Record<string, string> = {
  "standard.wres": "NHS England Workforce Race Equality Standard (WRES)",
  "group.white": "White",
  "group.bme": "BME",
  "group.unknown": "Unknown",
  "wres.1": "Indicator 1: Workforce by pay band (percentage White, BME and unknown)",
  "wres.2": "Indicator 2: Relative likelihood of White staff being appointed from shortlisting compared with BME staff",
  "wres.3": "Indicator 3: Relative likelihood of BME staff entering the formal disciplinary process compared with White staff",
  "wres.4": "Indicator 4: Relative likelihood of White staff accessing non-mandatory training and CPD compared with BME staff",
  "wres.5": "Indicator 5: Staff experiencing harassment, bullying or abuse from patients, relatives or the public in the last 12 months",
  "wres.6": "Indicator 6: Staff experiencing harassment, bullying or abuse from staff in the last 12 months",
  "wres.7": "Indicator 7: Staff believing the organisation provides equal opportunities for career progression or promotion",
  "wres.8": "Indicator 8: Staff personally experiencing discrimination at work from a manager, team leader or colleagues in the last 12 months",
  "wres.9": "Indicator 9: Board membership compared with the overall workforce",
  "method.rl": "Relative likelihood = ({top} rate) / ({bottom} rate), computed from unrounded counts; 95% confidence interval by the log method for a ratio of two proportions (Katz); adverse outside {low}-{high} (four-fifths rule).",
  "method.rl.applications": "Rate = appointed from shortlisting / shortlisted; applicants of unknown ethnicity are excluded.",
  "method.rl.cases": "Rate = people entering a formal {caseType} process (each person once a year) / headcount in staff in post.",
  "method.rl.training": "Rate = people accessing non-mandatory training or CPD (each person once) / headcount in staff in post.",
  "method.basis.single-year": "One year of cases.",
  "method.basis.two-year-pooled": "Two-year rolling figure: the two years' cases pooled over twice the headcount (person-years).",
};

/** Fill {placeholders} in a message. Unknown keys come back as the key, so a gap is visible, not blank. */
export function t(key: string, params: Record<string, string | number> = {}, catalogue: Record<string, string> = EN_GB): string {
  const template = catalogue[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function groupLabel<R extends string, F extends string>(standard: Standard<R, F>, side: "reference" | "focus" | "unknown"): string {
  return t(standard.groupLabelKeys[side]);
}

/** The method note stored with a relative likelihood (contract key `method`). */
export function methodNote<R extends string, F extends string>(
  standard: Standard<R, F>,
  def: Extract<IndicatorDefinition, { kind: "relative-likelihood" }>,
  basis: "single-year" | "two-year-pooled",
): string {
  const top = groupLabel(standard, def.numerator);
  const bottom = groupLabel(standard, def.numerator === "reference" ? "focus" : "reference");
  const parts = [
    t("method.rl", { top, bottom, low: standard.adverseBand.low.toFixed(2), high: standard.adverseBand.high.toFixed(2) }),
    t(`method.rl.${def.measure.source}`, def.measure.source === "cases" ? { caseType: def.measure.caseType } : {}),
  ];
  if (def.measure.source === "cases") parts.push(t(`method.basis.${basis}`));
  return parts.join(" ");
}
