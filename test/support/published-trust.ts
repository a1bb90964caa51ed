// A generated trust's results as the tab publishes them: its workbooks read, the 2024/25 indicators computed with
// breakdowns, and small numbers suppressed at 10.
import { generateTrust } from "../../src/demo/trust";
import { computeResults, suppressResults, type ResultsDocument } from "../../src/indicators";
import { readWorkbooks } from "../../src/workbook";

export function publishedTrustResults(staff: number, seed: number): ResultsDocument {
  const { files } = generateTrust({ staff, seed, year: "2024/25" });
  return suppressResults(computeResults(readWorkbooks(files), { period: "2024/25", breakdowns: true }), 10);
}
