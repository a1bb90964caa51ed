// Indicators 5-8 (staff survey percentages) and 9 (board compared with the workforce).
import type { IndicatorDefinition } from "./standard-types";
import type { BoardDifference, BoardResult, SurveyResult } from "./types";
import { emptyTally, tally, tallyTotal, toCounts, capitalise, type Tally } from "./groups";
import { aggregatesFor, sumAggregates, type Context } from "./context";
import { percent } from "./stats";

type SurveyDefinition = Extract<IndicatorDefinition, { kind: "survey" }>;

/** The latest year's published percentages for the question; null when the survey does not carry it. */
export function computeSurvey<R extends string, F extends string>(
  ctx: Context<R, F>,
  def: SurveyDefinition,
): SurveyResult<R, F> | null {
  const classify = ctx.standard.classify.survey;
  if (!classify) return null;
  const rows = ctx.dataset.survey.filter((s) => s.indicator === def.question);
  if (rows.length === 0) return null;
  const latest = rows.reduce((best, r) => ((r.year ?? -Infinity) > (best.year ?? -Infinity) ? r : best));
  const v = classify(latest);
  const { reference, focus } = ctx.names;
  return {
    kind: "survey",
    question: def.question,
    year: latest.year,
    direction: def.direction,
    [`${reference}Pct`]: v.reference,
    [`${focus}Pct`]: v.focus,
    gap: v.focus - v.reference,
    [`${reference}Respondents`]: v.referenceN,
    [`${focus}Respondents`]: v.focusN,
    cautions: v.referenceN === null || v.focusN === null ? ["survey-respondents-unknown"] : [],
  } as unknown as SurveyResult<R, F>;
}

/** Board BME % minus workforce BME %, for voting and executive membership; null when there is no board input. */
export function computeBoard<R extends string, F extends string>(ctx: Context<R, F>): BoardResult<R, F> | null {
  const { board, staff } = ctx.dataset;
  let voting: Tally;
  let executive: Tally;
  let source: BoardResult["source"];
  const boardSide = ctx.standard.classify.board;
  if (board.length > 0 && boardSide) {
    voting = tally(
      board.filter((b) => b.voting),
      boardSide,
    );
    executive = tally(
      board.filter((b) => b.executive),
      boardSide,
    );
    source = "board";
  } else if (staff.some((s) => s.board !== null)) {
    const sideOf = ctx.standard.classify.staff;
    voting = tally(
      staff.filter((s) => s.board?.voting),
      sideOf,
    );
    executive = tally(
      staff.filter((s) => s.board?.executive),
      sideOf,
    );
    source = "staff";
  } else {
    const v = aggregatesFor(ctx, "board-voting");
    const e = aggregatesFor(ctx, "board-executive");
    if (v.length === 0 && e.length === 0) return null;
    voting = v.length > 0 ? sumAggregates(ctx, v) : emptyTally();
    executive = e.length > 0 ? sumAggregates(ctx, e) : emptyTally();
    source = "aggregates";
  }
  const workforcePct = ctx.staffTally ? percent(ctx.staffTally.focus, tallyTotal(ctx.staffTally)) : null;
  return {
    kind: "board-difference",
    voting: difference(ctx, voting, workforcePct),
    executive: difference(ctx, executive, workforcePct),
    source,
  };
}

function difference<R extends string, F extends string>(
  ctx: Context<R, F>,
  members: Tally,
  workforcePct: number | null,
): BoardDifference<R, F> {
  const F = capitalise(ctx.names.focus);
  const boardPct = percent(members.focus, tallyTotal(members));
  const reason = boardPct === null ? "zero-denominator" : workforcePct === null ? "missing-input" : null;
  return {
    [`board${F}Pct`]: boardPct,
    [`workforce${F}Pct`]: workforcePct,
    difference: boardPct !== null && workforcePct !== null ? boardPct - workforcePct : null,
    reason,
    members: toCounts(members, ctx.names),
  } as unknown as BoardDifference<R, F>;
}
