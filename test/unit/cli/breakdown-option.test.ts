// `npm run indicators -- --breakdown <dimension>` names one of the seven dimensions; any other word, including
// the names every JavaScript object has (toString, constructor), is a usage error that lists the seven.
import { describe, expect, it } from "vitest";
import { EXIT_USAGE, run } from "../../../src/cli/run";

async function usage(...argv: string[]) {
  const err: string[] = [];
  const code = await run(["staff.xlsx", ...argv], { out: () => {}, err: (t) => err.push(t), cwd: "/nowhere" });
  return { code, err: err.join("") };
}

describe("the --breakdown option", () => {
  it.each(["team", "toString", "constructor", "__proto__", "hasOwnProperty"])(
    "refuses %s, naming the dimensions it takes",
    async (word) => {
      const { code, err } = await usage("--breakdown", word);
      expect(code).toBe(EXIT_USAGE);
      expect(err).toContain(
        `--breakdown is one of ethnic-group, ethnic-category, gender, ethnic-group-gender, directorate, division, staff-group, not "${word}"`,
      );
    },
  );
});
