// computeResults: records in, the results document out (docs/wres-method.md#the-results-document).
import type { Dataset } from "./input";
import type { ComputeOptions, Standard } from "./standard-types";
import type { IndicatorResult, ResultsDocument, RepresentationResult } from "./types";
import { makeContext } from "./context";
import { computeRepresentation } from "./representation";
import { computeLikelihood } from "./likelihood";
import { computeBoard, computeSurvey } from "./survey-board";
import { computeModelEmployer, computeRaceDisparity } from "./related";
import { computeDataQuality } from "./quality";
import { compareResults } from "./compare";
import { WRES_STANDARD } from "./standard";
import { periodLabel } from "./period";
import { EXACT_NOTICE } from "./suppress";
import { likelihoodBreakdowns, staffBreakdowns, teamsWithoutFocus } from "./breakdowns";
import { bankDataset, bankStandard } from "./bank";

export function computeResults(
  dataset: Dataset,
  options?: ComputeOptions<"white", "bme">,
): ResultsDocument<"white", "bme">;
export function computeResults<R extends string, F extends string>(
  dataset: Dataset,
  options: ComputeOptions<R, F> & { standard: Standard<R, F> },
): ResultsDocument<R, F>;
export function computeResults<R extends string, F extends string>(
  dataset: Dataset,
  options: ComputeOptions<R, F> = {},
): ResultsDocument<R, F> {
  const standard = (options.standard ?? WRES_STANDARD) as unknown as Standard<R, F>;
  const ctx = makeContext(dataset, standard, options.period ?? null, options.indicator3TwoYear ?? true);
  const indicators: Partial<Record<string, IndicatorResult<R, F>>> = {};
  let representation: RepresentationResult<R, F> | null = null;
  const breakdowns = options.breakdowns ?? true;
  const staffBd = breakdowns ? staffBreakdowns(ctx) : null;
  for (const def of standard.indicators) {
    let result: IndicatorResult<R, F> | null = null;
    switch (def.kind) {
      case "representation":
        result = representation = computeRepresentation(ctx);
        if (representation && staffBd) {
          representation.breakdowns = staffBd.tables;
          const teams = teamsWithoutFocus(ctx);
          if (teams) representation.teamsWithoutFocus = teams;
        }
        break;
      case "relative-likelihood": {
        const rl = (result = computeLikelihood(ctx, def));
        const tables = rl && breakdowns ? likelihoodBreakdowns(ctx, def, staffBd?.tallies ?? null) : null;
        if (rl && tables) rl.breakdowns = tables;
        break;
      }
      case "survey":
        result = computeSurvey(ctx, def);
        break;
      case "board-difference":
        result = computeBoard(ctx);
        break;
    }
    // An indicator whose inputs are absent is left out (contract).
    if (result) indicators[def.id] = result;
  }
  const related: ResultsDocument<R, F>["related"] = {};
  if (representation) {
    const me = standard.related.modelEmployer;
    if (me)
      related.modelEmployer = computeModelEmployer(
        representation,
        ctx.names,
        options.modelEmployerTargetYear ?? me.targetYear,
        ctx.currentYear,
      );
    if (standard.related.raceDisparity) related.raceDisparity = computeRaceDisparity(representation, ctx.names);
  }
  const doc: ResultsDocument<R, F> = {
    schemaVersion: 3,
    audience: "exact",
    notice: EXACT_NOTICE,
    standard: standard.id,
    period: options.period ?? dataset.period ?? (ctx.currentYear !== null ? periodLabel(ctx.currentYear) : null),
    organisation: options.organisation ?? null,
    snapshotDate: dataset.snapshotDate,
    groups: { reference: standard.groups.reference, focus: standard.groups.focus },
    indicators,
    related,
    dataQuality: computeDataQuality(ctx),
    comparison: null,
    suppression: null,
  };
  if (options.previous) doc.comparison = compareResults(doc, options.previous);
  // The bank-only workforce: its own population, its own standard, never added to the figures above.
  const bank = bankDataset(dataset);
  if (bank) {
    const { previous, ...rest } = options;
    // Not broken down: a bank population is small (a few hundred in a large trust), so its breakdowns would be
    // hidden almost cell by cell, and their sums would only cost headline figures (docs/bank-workforce.md).
    doc.bank = computeResults(bank, {
      ...rest,
      breakdowns: false,
      standard: bankStandard(standard),
      ...(doc.period !== null ? { period: doc.period } : {}),
      ...(previous?.bank ? { previous: previous.bank } : {}),
    } as ComputeOptions<R, F> & { standard: Standard<R, F> });
  }
  return doc;
}
