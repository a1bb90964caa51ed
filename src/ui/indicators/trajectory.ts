// Each target's trajectory from the saved figures (the trend's), for the trend card: the pure rules are
// the plan's (src/plan/targets.ts); here each indicator's saved headline figures, its direction of good
// and its display precision are put to them.
import {
  targetsFor,
  trajectoryOf,
  INDICATOR_NUMBERS,
  type IndicatorFigure,
  type IndicatorNumber,
  type IndicatorResultRow,
  type Trajectory,
} from "../../plan";
import { HEADLINE_DIRECTION, headlinePlaces, STANDARD_ID } from "./headline";

export interface TargetTrajectory {
  indicator: IndicatorNumber;
  target: IndicatorFigure;
  trajectory: Trajectory;
}

/** Every target of the standard with its trajectory, by indicator and then target year. */
export function targetTrajectories(
  saved: readonly IndicatorResultRow[],
  figures: readonly IndicatorFigure[],
  standard = STANDARD_ID,
): TargetTrajectory[] {
  const mine = figures.filter((f) => f.standard === standard);
  return INDICATOR_NUMBERS.flatMap((indicator) => {
    const years = saved
      .filter((r) => r.standard === standard && r.indicator === indicator)
      .map((r) => ({ year: r.year, value: r.value }));
    return targetsFor(mine, indicator).map((target) => ({
      indicator,
      target,
      trajectory: trajectoryOf(target, years, HEADLINE_DIRECTION[indicator], headlinePlaces(indicator)),
    }));
  });
}
