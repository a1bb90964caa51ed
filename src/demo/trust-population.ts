// The made-up trust's workforce as proportions: staff groups, bands and medical grades, the share of
// BME staff by band, ESR's code-and-label ethnicities, directorates and job roles.
import { weights, type WeightTable } from "./random";

export type Group = "white" | "bme" | "unknown";
export type StaffGroup =
  | "Nursing and Midwifery Registered"
  | "Additional Clinical Services"
  | "Administrative and Clerical"
  | "Medical and Dental"
  | "Allied Health Professionals"
  | "Add Prof Scientific and Technic"
  | "Estates and Ancillary"
  | "Healthcare Scientists";

export const STAFF_GROUPS = weights<StaffGroup>({
  "Nursing and Midwifery Registered": 27,
  "Additional Clinical Services": 22,
  "Administrative and Clerical": 20,
  "Medical and Dental": 11,
  "Allied Health Professionals": 7,
  "Add Prof Scientific and Technic": 4,
  "Estates and Ancillary": 6,
  "Healthcare Scientists": 3,
});

export type Band = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8a" | "8b" | "8c" | "8d" | "9" | "VSM";
export type MedicalGrade =
  | "Consultant"
  | "Specialty Doctor"
  | "Associate Specialist"
  | "Specialist"
  | "Specialty Registrar"
  | "Core Trainee"
  | "Foundation Year 1"
  | "Foundation Year 2"
  | "Clinical Fellow";

export const BANDS_BY_GROUP: Record<Exclude<StaffGroup, "Medical and Dental">, WeightTable<Band>> = {
  "Nursing and Midwifery Registered": weights<Band>({
    "5": 45,
    "6": 30,
    "7": 17,
    "8a": 5,
    "8b": 2,
    "8c": 0.7,
    "8d": 0.3,
  }),
  "Additional Clinical Services": weights<Band>({ "2": 35, "3": 45, "4": 18, "5": 2 }),
  "Administrative and Clerical": weights<Band>({
    "2": 15,
    "3": 25,
    "4": 22,
    "5": 12,
    "6": 8,
    "7": 7,
    "8a": 4.5,
    "8b": 2.5,
    "8c": 1.5,
    "8d": 1,
    "9": 0.5,
    VSM: 0.6,
  }),
  "Allied Health Professionals": weights<Band>({ "5": 25, "6": 35, "7": 28, "8a": 9, "8b": 3 }),
  "Add Prof Scientific and Technic": weights<Band>({
    "4": 10,
    "5": 15,
    "6": 20,
    "7": 25,
    "8a": 15,
    "8b": 8,
    "8c": 5,
    "8d": 2,
  }),
  "Estates and Ancillary": weights<Band>({ "1": 5, "2": 50, "3": 25, "4": 10, "5": 5, "6": 3, "7": 1, "8a": 1 }),
  "Healthcare Scientists": weights<Band>({ "5": 20, "6": 25, "7": 30, "8a": 15, "8b": 7, "8c": 3 }),
};

export const MEDICAL_GRADES = weights<MedicalGrade>({
  Consultant: 38,
  "Specialty Doctor": 14,
  "Associate Specialist": 2,
  Specialist: 2,
  "Specialty Registrar": 24,
  "Core Trainee": 7,
  "Foundation Year 1": 6,
  "Foundation Year 2": 6,
  "Clinical Fellow": 1,
});

/** ESR writes bands as "Band 5" and "Band 8 - Range A". */
export function esrBand(band: Band): string {
  if (band === "VSM") return "VSM";
  if (band.startsWith("8")) return `Band 8 - Range ${band.slice(1).toUpperCase()}`;
  return `Band ${band}`;
}

/** Probability of a BME person by band: higher at band 5 and among doctors, lower at senior bands. */
export const BME_SHARE: Record<Band | MedicalGrade, number> = {
  "1": 0.2,
  "2": 0.24,
  "3": 0.24,
  "4": 0.22,
  "5": 0.42,
  "6": 0.3,
  "7": 0.22,
  "8a": 0.16,
  "8b": 0.13,
  "8c": 0.1,
  "8d": 0.09,
  "9": 0.07,
  VSM: 0.08,
  Consultant: 0.4,
  "Specialty Doctor": 0.62,
  "Associate Specialist": 0.55,
  Specialist: 0.55,
  "Specialty Registrar": 0.5,
  "Core Trainee": 0.48,
  "Foundation Year 1": 0.4,
  "Foundation Year 2": 0.42,
  "Clinical Fellow": 0.7,
};
export const UNKNOWN_SHARE = 0.03;

// ESR ethnic origin values: national code and label, or a local code (second character) and label.
export const ESR_WHITE = weights({
  "A White - British": 78,
  "B White - Irish": 3,
  "C White - Any other White background": 8,
  "CA White English": 4,
  "CB White Scottish": 1,
  "CC White Welsh": 1,
  "CP White Polish": 3,
  "CX White Mixed": 1,
  "C3 White Unspecified": 1,
});
export const ESR_BME = weights({
  "D Mixed - White & Black Caribbean": 2,
  "E Mixed - White & Black African": 1.5,
  "F Mixed - White & Asian": 2,
  "G Mixed - Any other mixed background": 2.5,
  "H Asian or Asian British - Indian": 22,
  "J Asian or Asian British - Pakistani": 8,
  "K Asian or Asian British - Bangladeshi": 3,
  "L Asian or Asian British - Any other Asian background": 9,
  "LB Asian Punjabi": 1,
  "LK Asian Sri Lankan": 2,
  "M Black or Black British - Caribbean": 6,
  "N Black or Black British - African": 18,
  "P Black or Black British - Any other Black background": 3,
  "PC Black Nigerian": 2,
  "R Chinese": 3,
  "S Any Other Ethnic Group": 6,
  "SC Filipino": 9,
});
export const ESR_UNKNOWN = weights({ "Z Not Stated": 90, "": 10 });

// Recruitment systems (NHS Jobs, TRAC) export the label alone.
export const LABEL_WHITE = weights({
  "White - British": 80,
  "White - Irish": 4,
  "White - Any other White background": 16,
});
export const LABEL_BME = weights({
  "Mixed - White & Black Caribbean": 2,
  "Mixed - White & Black African": 2,
  "Mixed - White & Asian": 2,
  "Mixed - Any other mixed background": 2,
  "Asian or Asian British - Indian": 24,
  "Asian or Asian British - Pakistani": 10,
  "Asian or Asian British - Bangladeshi": 3,
  "Asian or Asian British - Any other Asian background": 9,
  "Black or Black British - Caribbean": 5,
  "Black or Black British - African": 30,
  "Black or Black British - Any other Black background": 3,
  Chinese: 3,
  "Any other ethnic group": 5,
});
export const LABEL_UNKNOWN = weights({ "Not stated": 100 });

export const DIRECTORATES = [
  "Medicine",
  "Surgery",
  "Women and Children",
  "Clinical Support Services",
  "Emergency Care",
  "Community Services",
  "Corporate Services",
  "Estates and Facilities",
];

export const JOB_ROLES: Record<StaffGroup, readonly string[]> = {
  "Nursing and Midwifery Registered": [
    "Staff Nurse",
    "Sister/Charge Nurse",
    "Midwife",
    "Nurse Manager",
    "Specialist Nurse Practitioner",
  ],
  "Additional Clinical Services": [
    "Healthcare Assistant",
    "Nursery Nurse",
    "Support Worker",
    "Maternity Support Worker",
  ],
  "Administrative and Clerical": ["Administrator", "Clerical Worker", "Manager", "Secretary", "Receptionist"],
  "Medical and Dental": ["Consultant", "Specialty Doctor", "Specialty Registrar", "Foundation Doctor"],
  "Allied Health Professionals": [
    "Physiotherapist",
    "Occupational Therapist",
    "Radiographer - Diagnostic",
    "Dietitian",
  ],
  "Add Prof Scientific and Technic": ["Pharmacist", "Psychologist", "Pharmacy Technician"],
  "Estates and Ancillary": ["Domestic Services", "Porter", "Catering", "Estates Officer"],
  "Healthcare Scientists": ["Biomedical Scientist", "Clinical Scientist", "Healthcare Science Practitioner"],
};
