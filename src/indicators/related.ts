// Related measures, labelled as such: Model Employer gaps from 8a up, and race disparity ratios.
import type { AfcBand } from "./input";
import type {
  ModelEmployerBand,
  ModelEmployerResult,
  PayTier,
  RaceDisparityResult,
  RepresentationResult,
  DisparityRatio,
} from "./types";
import { fromCounts, tallyTotal, addTally, emptyTally } from "./groups";
import { percent, ratioOfRatios } from "./stats";
import { SENIOR_8A } from "./representation";

/**
 * Model Employer (NHS England, 2019): BME representation at each band from 8a upward should match
 * the overall workforce. `needed` is how many more focus-group staff that band needs at today's headcount.
 */
export function computeModelEmployer<R extends string, F extends string>(
  rep: RepresentationResult<R, F>,
  names: { reference: R; focus: F },
  targetYear: number,
  currentYear: number | null,
): ModelEmployerResult {
  const overall = fromCounts(rep.overall, names);
  const targetPct = percent(overall.focus, tallyTotal(overall));
  // The period's figures are at 31 March of its end year; years left run from there to the target year.
  const yearsLeft = currentYear === null ? null : Math.max(0, targetYear - (currentYear + 1));
  const bands: ModelEmployerBand[] = [];
  for (const band of SENIOR_8A) {
    const counts = rep.bands[band];
    if (!counts) continue;
    const t = fromCounts(counts, names);
    const headcount = tallyTotal(t);
    const focusPct = percent(t.focus, headcount);
    // A hair below the exact product so floating error (e.g. 14.000000000002) never asks for one more person.
    const needed = targetPct === null ? null : Math.max(0, Math.ceil((targetPct / 100) * headcount - t.focus - 1e-9));
    bands.push({
      band,
      headcount,
      focus: t.focus,
      focusPct,
      targetPct,
      gapPct: targetPct !== null && focusPct !== null ? targetPct - focusPct : null,
      needed,
      neededPerYear: needed !== null && yearsLeft !== null && yearsLeft > 0 ? needed / yearsLeft : null,
    });
  }
  return { kind: "model-employer", targetYear, yearsLeft, targetPct, bands };
}

export const PAY_TIERS: Record<PayTier, AfcBand[]> = {
  lower: ["1", "2", "3", "4", "5"],
  middle: ["6", "7"],
  upper: ["8a", "8b", "8c", "8d", "9", "VSM"],
};

/**
 * Race disparity ratios as trusts report them (derived from trust reports, a setting):
 * RDR(from -> to) = (reference to / reference from) / (focus to / focus from); above 1 means the
 * focus group is less likely to be in the higher tier.
 */
export function computeRaceDisparity<R extends string, F extends string>(
  rep: RepresentationResult<R, F>,
  names: { reference: R; focus: F },
): RaceDisparityResult {
  const tier = (p: PayTier) => {
    const t = emptyTally();
    for (const b of PAY_TIERS[p]) {
      const c = rep.bands[b];
      if (c) addTally(t, fromCounts(c, names));
    }
    return t;
  };
  const tiers = { lower: tier("lower"), middle: tier("middle"), upper: tier("upper") };
  const pairs: [PayTier, PayTier][] = [
    ["lower", "upper"],
    ["lower", "middle"],
    ["middle", "upper"],
  ];
  const ratios: DisparityRatio[] = pairs.map(([from, to]) => {
    const r = ratioOfRatios(
      { count: tiers[to].reference, of: tiers[from].reference },
      { count: tiers[to].focus, of: tiers[from].focus },
    );
    return { from, to, value: r.value, reason: r.reason };
  });
  return { kind: "race-disparity", tiers: { ...PAY_TIERS }, ratios };
}
