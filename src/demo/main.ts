// npm run demo-data -- --staff 10000 --out DIR [--seed N] [--year 2024/25]
// Writes a synthetic trust's HR workbooks (see trust.ts). Synthetic only: no real person's data.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateTrust } from "./trust";

const USAGE = "Usage: npm run demo-data -- --staff 10000 --out DIR [--seed N] [--year 2024/25]";

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        staff: { type: "string", default: "2000" },
        out: { type: "string" },
        seed: { type: "string", default: "1" },
        year: { type: "string", default: "2024/25" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const staff = Number(values.staff);
  const seed = Number(values.seed);
  if (
    !values.out ||
    !Number.isInteger(staff) ||
    staff < 1 ||
    !Number.isInteger(seed) ||
    !/^\d{4}\/\d{2}$/.test(values.year)
  ) {
    console.error(USAGE);
    return 2;
  }
  const out = resolve(values.out);
  const trust = generateTrust({ staff, seed, year: values.year });
  mkdirSync(out, { recursive: true });
  for (const file of trust.files) writeFileSync(join(out, file.name), file.bytes);
  const r = trust.rows;
  console.log(
    `Wrote ${trust.files.length} workbooks to ${out}: ${r.staff} staff rows, ${r.applications} applications, ` +
      `${r.cases} cases, ${r.training} CPD rows (and ${r.bankCases} cases and ${r.bankTraining} CPD rows of bank-only workers), ` +
      `${r.board} board members, ${r.survey} survey indicators.`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
