import { describe, expect, it } from "vitest";
import { cohortOfStaffGroup, parseDate, parseGrade, parseYesNo } from "../../../src/workbook";
import { serialToIso } from "../../../src/workbook/parts";
import {
  cellText,
  normalisePersonId,
  parseCaseType,
  parseNumber,
  personOfAssignment,
  staffGroupKey,
} from "../../../src/workbook/values";

describe("pay bands and grades", () => {
  it.each([
    ["Band 5", "5"],
    ["AfC Band 5", "5"],
    ["5", "5"],
    [5, "5"],
    ["Band 1", "1"],
    ["Band 8a", "8a"],
    ["Band 8A", "8a"],
    ["8A", "8a"],
    ["8 a", "8a"],
    ["Band 8 - Range A", "8a"],
    ["Band 8 - Range B", "8b"],
    ["Band 8 - Range C", "8c"],
    ["Band 8 - Range D", "8d"],
    ["AfC Band 8c", "8c"],
    ["Band 9", "9"],
    ["VSM", "VSM"],
    ["Very Senior Manager", "VSM"],
    ["XN05", "5"],
    ["XR08A", "8a"],
    // Grades written otherwise than "Band 5": without the word Band, or with the band inside longer text.
    ["AfC 5", "5"],
    ["AfC5", "5"],
    ["AfC 5 (Nursing)", "5"],
    ["Agenda for Change 7", "7"],
    ["8 - Range A", "8a"],
    ["Band 5 Nursing", "5"],
    ["Nursing Band5", "5"],
    ["AfC Band 8c - Clinical", "8c"],
    ["Band 8 - Range B - Management", "8b"],
    ["Band 8-Range B - Management", "8b"],
    ["Band 8 Range B - Management", "8b"],
    ["Very  Senior  Manager", "VSM"],
    ["Non-AfC Executive", "VSM"],
    ["NonAfC Director", "VSM"],
  ])("%j -> band %s", (raw, band) => {
    expect(parseGrade(raw)).toEqual({ band, medical: null, recognised: true });
  });

  it.each([
    ["Consultant", "consultant"],
    ["Medical Director", "consultant"],
    ["Specialty Doctor", "non-consultant-career-grade"],
    ["Associate Specialist", "non-consultant-career-grade"],
    ["Staff Grade", "non-consultant-career-grade"],
    ["Specialist", "non-consultant-career-grade"],
    ["Foundation Year 1", "trainee"],
    ["Foundation Year 2", "trainee"],
    ["FY1", "trainee"],
    ["Core Trainee", "trainee"],
    ["CT2", "trainee"],
    ["Specialty Registrar", "trainee"],
    ["Specialist Registrar", "trainee"],
    ["ST3", "trainee"],
    ["F1", "trainee"],
    ["F2", "trainee"],
    ["Core Training", "trainee"],
    ["GPST2", "trainee"],
    ["Clinical Fellow", "other"],
    ["Trust Grade Doctor", "other"],
  ])("%j -> medical subgroup %s", (raw, medical) => {
    expect(parseGrade(raw)).toEqual({ band: null, medical, recognised: true });
  });

  // Job titles in the grade column: only an executive director or director by that title alone is on VSM pay, not
  // the people who work for one, nor a non-executive.
  it.each([
    "Band 8",
    "Band 10",
    "Grade X",
    "Apprentice",
    "Band 5a Nursing",
    "Band 8 Nursing",
    "Non-Executive Director",
    "Executive Director's PA",
    "Directorate Manager",
  ])("%j is not recognised", (raw) => {
    expect(parseGrade(raw).recognised).toBe(false);
    expect(parseGrade(raw).band).toBeNull();
  });

  it("reads a whole number from 1 to 9 as its band, except 8 (8a to 8d), and no other number", () => {
    expect([1, 9].map((n) => parseGrade(n).band)).toEqual(["1", "9"]);
    for (const n of [0, 8, 10, -5, 4.5])
      expect(parseGrade(n)).toEqual({ band: null, medical: null, recognised: false });
  });

  it("treats a blank grade as no band, without a warning", () => {
    expect(parseGrade("")).toEqual({ band: null, medical: null, recognised: true });
    expect(parseGrade(null)).toEqual({ band: null, medical: null, recognised: true });
  });
});

describe("staff groups", () => {
  it.each([
    ["Nursing and Midwifery Registered", "clinical"],
    ["Additional Clinical Services", "clinical"],
    ["Allied Health Professionals", "clinical"],
    ["Add Prof Scientific and Technic", "clinical"],
    ["Healthcare Scientists", "clinical"],
    ["Medical and Dental", "medical"],
    ["Medical & Dental", "medical"],
    ["Administrative and Clerical", "non-clinical"],
    ["Estates and Ancillary", "non-clinical"],
    ["Clinical Support Services", "clinical"],
  ])("%s -> %s", (group, cohort) => {
    expect(cohortOfStaffGroup(group)).toBe(cohort);
  });

  it.each([
    ["Junior Doctors", "medical"],
    ["Non-medical Clinical Staff", "clinical"],
    ["Nonmedical Scientists", "clinical"],
    ["Corporate Services", "non-clinical"],
    ["Non-clinical Staff", "non-clinical"],
    ["Nonclinical Staff", "non-clinical"],
    ["Health Care Assistants", "clinical"],
    ["Healthcare Assistants", "clinical"],
    ["", null],
  ])("reads a group the mapping does not list by its words: %j -> %s", (group, cohort) => {
    expect(cohortOfStaffGroup(group)).toBe(cohort);
  });

  it("looks a group up by lower-case words and digits, '&' read as 'and'", () => {
    expect(staffGroupKey("ADD PROF SCIENTIFIC & TECHNIC")).toBe("add prof scientific and technic");
    expect(staffGroupKey("Medical&Dental")).toBe("medical and dental");
    expect(staffGroupKey("  Nursing & Midwifery (Registered). ")).toBe("nursing and midwifery registered");
    expect(staffGroupKey("Estates -- Ancillary 2")).toBe("estates ancillary 2");
  });

  it("returns null for words that name no group", () => {
    expect(cohortOfStaffGroup("Group 7")).toBeNull();
  });
});

describe("yes/no values", () => {
  // Every spelling of the lists, as board lists, staff in post and recruitment extracts write flags.
  it.each([
    "Y",
    "y",
    "Yes",
    "YES",
    "TRUE",
    "True",
    "1",
    "x",
    "X",
    "✓",
    true,
    1,
    "T",
    "✔",
    "Ticked",
    "Primary",
    "P",
    "Appointed",
    "Shortlisted",
    "Offered",
    "Voting",
    "Executive",
    "Exec",
  ])("%j is yes", (v) => {
    expect(parseYesNo(v)).toBe(true);
  });
  it.each([
    "N",
    "No",
    "no",
    "FALSE",
    "0",
    "-",
    "",
    null,
    false,
    0,
    "Non-Exec",
    "Non  Exec",
    "Non-Voting",
    "F",
    "Not",
    "Secondary",
    "S",
    "Nonvoting",
    "Non-Executive",
    "NonExecutive",
    "Non Exec",
  ])("%j is no", (v) => {
    expect(parseYesNo(v)).toBe(false);
  });
  it.each(["maybe", "pending", 2])("%j is neither", (v) => {
    expect(parseYesNo(v)).toBeNull();
  });
});

describe("dates", () => {
  it.each([
    [45382, "2025-03-31".replace("2025", "2024")],
    [45382.75, "2024-03-31"],
    ["2025-03-31", "2025-03-31"],
    ["2025-03-31T10:00:00", "2025-03-31"],
    ["31/03/2025", "2025-03-31"],
    ["1/4/2024", "2024-04-01"],
    ["31-03-2025", "2025-03-31"],
    ["31.03.25", "2025-03-31"],
    ["31 Mar 2025", "2025-03-31"],
    ["31-Mar-25", "2025-03-31"],
    ["5 September 2024", "2024-09-05"],
    ["45382", "2024-03-31"],
    // As text exports write dates: spaces around, a time after.
    [" 31/03/2025 ", "2025-03-31"],
    ["31/03/2025 00:00:00", "2025-03-31"],
  ])("%j -> %s", (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    ["31 March, 2025", "2025-03-31"],
    ["1 Sept 2024", "2024-09-01"],
    ["45747.25", "2025-03-31"],
    // Two-digit years: 70 to 99 are the 1900s, 00 to 69 the 2000s.
    ["01/04/70", "1970-04-01"],
    ["01/04/69", "2069-04-01"],
  ])("%j -> %s", (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([0, -1, 0.5, 2_958_466, Number.NaN])("serial %d is not a date", (serial) => {
    expect(parseDate(serial)).toBeNull();
  });

  it.each(["Due 31 Mar 2025", "31 Mar 2025 (revised)"])("text around a date is not a date: %j", (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  it.each([
    "31/02/2025",
    "13/13/2024",
    "soon",
    "",
    null,
    true,
    "Due 2025-03-31",
    "Due 31/03/2025",
    "2024-04-01/2025-03-31",
    "4.5e4",
  ])("%j is not a date", (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe("Excel serial dates", () => {
  // The reference: what Excel shows, computed through Date (the converter itself avoids Date for speed).
  const viaDate = (serial: number, date1904: boolean): string => {
    const days = date1904 || serial >= 60 ? serial : serial + 1;
    const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
  };

  it("agrees with the calendar for every seventh day from 1900 to 9999, in both date systems", () => {
    for (const date1904 of [false, true]) {
      for (let serial = 1; serial < 2_958_466 - (date1904 ? 1462 : 0); serial += 7) {
        if (serialToIso(serial, date1904) !== viaDate(serial, date1904))
          expect([serial, serialToIso(serial, date1904)]).toEqual([serial, viaDate(serial, date1904)]);
      }
    }
  });

  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45747, "2025-03-31"],
    [45747.5, "2025-03-31T12:00:00"],
    [2_958_465, "9999-12-31"],
  ])("serial %d is %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
  });
});

describe("numbers written as text (survey percentages, counts)", () => {
  it.each([
    ["12", 12],
    ["1,234", 1234],
    ["12%", 12],
    [" 45.2 % ", 45.2],
    ["12% ", 12],
    ["-3.5", -3.5],
    ["+2", 2],
    ["1.25", 1.25],
    [".25", 0.25],
    ["5.", 5],
    ["1e3", 1000],
    ["1E-2", 0.01],
    ["2.5e+10", 2.5e10],
  ])("%j -> %d", (raw, n) => {
    expect(parseNumber(raw)).toBe(n);
  });

  it.each(["", "  ", "%", "%12", "abc", "12abc", "1.2.3", "e5", "-", "1e", Number.POSITIVE_INFINITY, true, null])(
    "%j is not a number",
    (raw) => {
      expect(parseNumber(raw)).toBeNull();
    },
  );
});

describe("case types", () => {
  it.each([
    ["Disciplinary", "disciplinary"],
    ["Gross Misconduct", "disciplinary"],
    ["Capability (Performance)", "capability"],
    ["Sickness Absence", "capability"],
    ["Grievance", "grievance"],
    ["Bullying and Harassment", "grievance"],
    ["Dignity at Work", "grievance"],
    ["Whistleblowing", "grievance"],
    ["Appeal", "other"],
    ["Investigation", "other"],
    ["", "other"],
    [null, "other"],
  ])("%j -> %s", (raw, type) => {
    expect(parseCaseType(raw)).toBe(type);
  });
});

describe("person identifiers", () => {
  it("reads a missing cell as no text", () => {
    expect(cellText(undefined)).toBe("");
    expect(normalisePersonId(undefined)).toBeNull();
  });

  it("keeps an identifier of more digits than a number holds exactly, leading zeros dropped", () => {
    expect(normalisePersonId("123456789012345678901")).toBe("123456789012345678901");
    expect(normalisePersonId("00123456789012345678901")).toBe("123456789012345678901");
  });

  it.each([
    [12345, "12345"],
    ["00012345", "12345"],
    ["0", "0"],
    ["12345.0", "12345"],
    ["0012345.00", "12345"],
    ["ab123", "AB123"],
    ["AB123", "AB123"],
    ["  ", null],
  ])("%j is person %j", (raw, id) => {
    expect(normalisePersonId(raw)).toBe(id);
  });

  it.each([
    ["12345678-2", "12345678"],
    ["12345678-10", "12345678"],
    ["EMP-0012-1", "EMP-0012"],
    [12345678, "12345678"],
    ["", null],
  ])("assignment %j belongs to person %j", (raw, id) => {
    expect(personOfAssignment(raw)).toBe(id);
  });
});
