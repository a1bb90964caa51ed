import { describe, expect, it } from "vitest";
import { generateTrust } from "../../../src/demo/trust";
import { readWorkbooks } from "../../../src/workbook";

describe("readWorkbooks on a generated trust", () => {
  it("recognises every sheet and counts each person once", () => {
    // 300 staff give every sheet kind, second assignments and bank-only rows; more only cost time.
    const { files, rows } = generateTrust({ staff: 300, seed: 11 });
    const ds = readWorkbooks(files);
    expect(ds.sheets.map((s) => s.kind)).toEqual(["staff", "recruitment", "cases", "training", "board", "survey"]);
    const staffSheet = ds.sheets[0]!;
    expect(staffSheet.headerRow).toBe(4);
    expect(staffSheet.rowsRead).toBe(rows.staff);
    expect(staffSheet.rowsUsed + staffSheet.rowsExcluded).toBe(staffSheet.rowsRead);
    expect(staffSheet.exclusions["secondary-assignment"]).toBeGreaterThan(0);
    expect(staffSheet.exclusions["bank-only"]).toBeGreaterThan(0);
    expect(new Set(ds.staff.map((s) => s.personId)).size).toBe(ds.staff.length);
    expect(ds.applications).toHaveLength(rows.applications);
    expect(ds.cases).toHaveLength(rows.cases);
    expect(ds.board).toHaveLength(rows.board);
    expect(ds.survey).toHaveLength(rows.survey);
    expect(ds.period).toBe("2024/25");
    expect(ds.snapshotDate).toBe("2025-03-31");
    expect(ds.issues.filter((i) => i.severity === "error")).toEqual([]);
    // Cases carry only the employee number: ethnicity comes from staff in post.
    expect(ds.cases.every((c) => c.personId !== null)).toBe(true);
    expect(ds.cases.filter((c) => c.ethnicity.group !== "unknown").length).toBeGreaterThan(ds.cases.length * 0.9);
  });
});
