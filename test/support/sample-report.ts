// docs/sample-report.md: the report the command line prints for a generated trust, in a markdown fence that
// ends the page. The unit test renders it again; the integration test runs the page's commands.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const PAGE = resolve(import.meta.dirname, "../../docs/sample-report.md");
const FENCED = /\n```markdown\n([\s\S]*)\n```\n$/;

/** The trust the page reports on: what `npm run demo-data` writes by default, and the previous year it is compared with. */
export const SAMPLE = {
  staff: 2000,
  organisation: "Demo NHS Trust",
  thisYear: { seed: 1, year: "2024/25" },
  lastYear: { seed: 2, year: "2023/24" },
} as const;

export const samplePage = (): string => readFileSync(PAGE, "utf8");

/** The report as the page shows it (undefined when the page does not end with one). */
export const reportOnPage = (): string | undefined => FENCED.exec(samplePage())?.[1];

/** Rewrites the report on the page (npm run docs:sample-report). */
export function writeReportOnPage(report: string): void {
  writeFileSync(
    PAGE,
    samplePage().replace(FENCED, () => `\n\`\`\`markdown\n${report}\n\`\`\`\n`),
  );
}
