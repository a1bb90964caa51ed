// The bank-only workforce's records as the reader makes them from staff in post extracts (docs/bank-workforce.md):
// each bank worker's row read as a substantive row would be, and their training joined to them.
import { describe, expect, it } from "vitest";
import { readWorkbooks } from "../../../../src/workbook";
import { buildXlsx, type FixtureCell } from "../fixtures";

const TITLES: FixtureCell[][] = [["Staff in Post - Snapshot 31/03/2025"], []];

/** A staff extract with the given columns, each row given by header. */
function staffExtract(name: string, header: string[], rows: Record<string, FixtureCell>[]) {
  const cells = rows.map((r) => header.map((h) => r[h] ?? null));
  return { name, bytes: buildXlsx([{ name: "Staff in Post", rows: [...TITLES, header, ...cells] }]) };
}

const bank = (id: string, fields: Record<string, FixtureCell>): Record<string, FixtureCell> => ({
  "Employee Number": id,
  "Assignment Number": `${id}-1`,
  "Assignment Category": "Bank",
  "Primary Assignment": "Yes",
  "Ethnic Origin": "A",
  ...fields,
});

const HEADER = [
  "Employee Number",
  "Assignment Number",
  "Ethnic Origin",
  "Staff Group",
  "Pay Band",
  "Job Role",
  "Assignment Category",
  "Primary Assignment",
  "Gender",
  "Disability",
  "Directorate",
  "Division",
  "Team",
  "Leaving Date",
];

describe("bank workers' records", () => {
  it("keeps a bank worker's staff group, gender, disability, directorate, division and team, and blanks as unknown", () => {
    const ds = readWorkbooks([
      staffExtract("staff.xlsx", HEADER, [
        bank("12", {
          "Staff Group": "Nursing and Midwifery Registered",
          "Pay Band": "Band 5",
          Gender: "Female",
          Disability: "No",
          Directorate: "Surgery",
          Division: "Planned Care",
          Team: "Ward 7",
        }),
        bank("13", { "Staff Group": "Nursing and Midwifery Registered", "Pay Band": "Band 3" }),
      ]),
    ]);
    expect(
      ds.bank!.staff.map((s) => [s.personId, s.staffGroup, s.gender, s.disability, s.directorate, s.division, s.team]),
    ).toEqual([
      ["12", "Nursing and Midwifery Registered", "Female", "No", "Surgery", "Planned Care", "Ward 7"],
      ["13", "Nursing and Midwifery Registered", null, null, null, null, null],
    ]);
  });

  it("places bank doctors in the medical cohort by subgroup (from the grade, else the job role), never as senior medical managers, and others by band", () => {
    const ds = readWorkbooks([
      staffExtract("staff.xlsx", HEADER, [
        bank("20", { "Staff Group": "Medical and Dental", "Pay Band": "Consultant" }),
        bank("21", { "Staff Group": "Medical and Dental", "Pay Band": "Band 7" }),
        bank("22", { "Pay Band": "Consultant" }),
        bank("23", { "Pay Band": "Band 4" }),
        bank("24", {}),
        bank("25", { "Staff Group": "Nursing and Midwifery Registered", "Pay Band": "Band 6" }),
        bank("26", { "Staff Group": "Medical and Dental", "Job Role": "Specialty Doctor" }),
      ]),
    ]);
    expect(ds.bank!.staff.map((s) => [s.personId, s.cohort, s.band, s.medical, s.seniorMedicalManager])).toEqual([
      ["20", "medical", null, "consultant", false],
      ["21", "medical", null, "other", false],
      ["22", "medical", null, "consultant", false],
      ["23", "non-clinical", "4", null, false],
      ["24", "non-clinical", null, null, false],
      ["25", "clinical", "6", null, false],
      ["26", "medical", null, "non-consultant-career-grade", false],
    ]);
  });

  it("counts a bank worker who leaves on or after the snapshot date, and leaves out one who had left before it", () => {
    const ds = readWorkbooks([
      staffExtract("staff.xlsx", HEADER, [
        bank("30", { "Leaving Date": "28/02/2025" }),
        bank("31", { "Leaving Date": "31/03/2025" }),
        bank("32", { "Leaving Date": "30/06/2025" }),
        bank("33", {}),
      ]),
    ]);
    expect(ds.bank!.staff.map((s) => s.personId)).toEqual(["31", "32", "33"]);
  });

  it("reads a bank worker's division, team and leaving date in whichever column the extract puts them", () => {
    const worker = bank("40", { Division: "Planned Care", Team: "Ward 7", "Pay Band": "Band 5" });
    const gone = bank("41", { "Leaving Date": "01/01/2025", "Pay Band": "Band 5" });
    for (const first of ["Division", "Team", "Leaving Date"]) {
      const header = [first, ...HEADER.filter((h) => h !== first)];
      const ds = readWorkbooks([staffExtract("staff.xlsx", header, [worker, gone])]);
      expect(
        ds.bank!.staff.map((s) => [s.personId, s.division, s.team]),
        `${first} in column A`,
      ).toEqual([["40", "Planned Care", "Ward 7"]]);
    }
  });

  it("counts a bank worker's training by the training row's own ethnicity when it gives one, else by the worker's", () => {
    const training = {
      name: "cpd.xlsx",
      bytes: buildXlsx([
        {
          name: "CPD",
          rows: [
            ["Ethnic Origin", "Employee Number", "Course Title"],
            ["H", "50", "Mentoring"],
            [null, "51", "Coaching"],
          ],
        },
      ]),
    };
    const ds = readWorkbooks([
      staffExtract("staff.xlsx", HEADER, [
        bank("50", { "Ethnic Origin": "A", "Pay Band": "Band 5" }),
        bank("51", { "Ethnic Origin": "M", "Pay Band": "Band 5" }),
      ]),
      training,
    ]);
    expect(ds.bank!.training.map((t) => [t.personId, t.ethnicity.group])).toEqual([
      ["50", "bme"],
      ["51", "bme"],
    ]);
    expect(ds.bank!.staff.map((s) => [s.personId, s.ethnicity.group])).toEqual([
      ["50", "white"],
      ["51", "bme"],
    ]);
  });
});
