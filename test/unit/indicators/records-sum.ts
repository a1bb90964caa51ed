// A structural fact both disclosure attackers (disclosure-attack and suppression-recovery) use: where a
// relative-likelihood indicator's input has exactly its two groups plus its unknowns as records, data
// completeness's record count is their sum.
import type { RelativeLikelihoodResult, ResultsDocument } from "../../../src/indicators";

/** The sum as result paths (`P` is the indicator's path), or null where the records are not exactly those. */
export function recordsSum(
  exact: ResultsDocument,
  rl: RelativeLikelihoodResult,
  P: string,
): { input: string; total: string; parts: string[] } | null {
  const name = rl.measure === "applications" ? "applications" : rl.measure;
  const key = rl.measure === "applications" ? "of" : "count";
  const q = exact.dataQuality.inputs[name];
  if (
    rl.source !== "rows" ||
    !q ||
    q.unknown === null ||
    rl.white[key] === null ||
    rl.bme[key] === null ||
    q.records !== rl.white[key] + rl.bme[key] + q.unknown
  )
    return null;
  const input = `dataQuality/inputs/${name}`;
  return { input, total: `${input}/records`, parts: [`${P}/white/${key}`, `${P}/bme/${key}`, `${input}/unknown`] };
}
