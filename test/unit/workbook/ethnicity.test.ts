import { describe, expect, it } from "vitest";
import { parseEthnicity } from "../../../src/workbook";

function classify(raw: string) {
  const { ethnicity, recognised } = parseEthnicity(raw);
  return {
    group: ethnicity.group,
    broad: ethnicity.broad,
    code: ethnicity.code,
    localCode: ethnicity.localCode,
    recognised,
  };
}

describe("ethnicity values", () => {
  it.each([
    // code alone
    ["A", "white", "white", "A", "A"],
    ["B", "white", "white", "B", "B"],
    ["C", "white", "white", "C", "C"],
    ["D", "bme", "mixed", "D", "D"],
    ["G", "bme", "mixed", "G", "G"],
    ["H", "bme", "asian", "H", "H"],
    ["L", "bme", "asian", "L", "L"],
    ["M", "bme", "black", "M", "M"],
    ["P", "bme", "black", "P", "P"],
    ["R", "bme", "other", "R", "R"],
    ["S", "bme", "other", "S", "S"],
    ["CA", "white", "white", "C", "CA"],
    ["CP", "white", "white", "C", "CP"],
    ["LB", "bme", "asian", "L", "LB"],
    ["PD", "bme", "black", "P", "PD"],
    // code and label (ESR)
    ["A White - British", "white", "white", "A", "A"],
    ["B White - Irish", "white", "white", "B", "B"],
    ["CA White English", "white", "white", "C", "CA"],
    ["CX White Mixed", "white", "white", "C", "CX"],
    ["CQ White Roma", "white", "white", "C", "CQ"],
    ["C3 White Unspecified", "white", "white", "C", "C3"],
    ["D Mixed - White & Black Caribbean", "bme", "mixed", "D", "D"],
    ["H Asian or Asian British - Indian", "bme", "asian", "H", "H"],
    ["LK Asian Sri Lankan", "bme", "asian", "L", "LK"],
    ["N Black or Black British - African", "bme", "black", "N", "N"],
    ["PC Black Nigerian", "bme", "black", "P", "PC"],
    ["R Chinese", "bme", "other", "R", "R"],
    ["SC Filipino", "bme", "other", "S", "SC"],
    ["S Any Other Ethnic Group", "bme", "other", "S", "S"],
    ["A - White British", "white", "white", "A", "A"],
    ["(M) Black Caribbean", "bme", "black", "M", "M"],
    // label alone (recruitment systems, census 2021 wording, NHS Wales)
    ["White - British", "white", "white", "A", "A"],
    ["WHITE BRITISH", "white", "white", "A", "A"],
    ["White - Irish", "white", "white", "B", "B"],
    ["White - Any other White background", "white", "white", "C", "C"],
    ["White: Welsh", "white", "white", "A", "A"],
    ["White - Gypsy or Irish Traveller", "white", "white", "C", "C"],
    ["Mixed - White & Black Caribbean", "bme", "mixed", "D", "D"],
    ["Mixed - White and Black African", "bme", "mixed", "E", "E"],
    ["Mixed - White & Asian", "bme", "mixed", "F", "F"],
    ["Mixed or Multiple ethnic groups - Any other Mixed background", "bme", "mixed", "G", "G"],
    ["Asian or Asian British - Indian", "bme", "asian", "H", "H"],
    ["Asian or Asian British - Pakistani", "bme", "asian", "J", "J"],
    ["Asian, Asian British or Asian Welsh - Bangladeshi", "bme", "asian", "K", "K"],
    ["Asian or Asian British - Any other Asian background", "bme", "asian", "L", "L"],
    ["Black or Black British - Caribbean", "bme", "black", "M", "M"],
    ["Black or Black British - African", "bme", "black", "N", "N"],
    ["Black, Black British, Black Welsh, Caribbean or African - African", "bme", "black", "N", "N"],
    ["BLACK AFRICAN", "bme", "black", "N", "N"],
    ["Black or Black British - Any other Black background", "bme", "black", "P", "P"],
    ["Chinese", "bme", "other", "R", "R"],
    ["Any other ethnic group", "bme", "other", "S", "S"],
    ["Other ethnic group - Arab", "bme", "other", "S", "S"],
  ])("%s -> %s (%s, code %s)", (raw, group, broad, code, localCode) => {
    const c = classify(raw);
    expect(c).toEqual({ group, broad, code, localCode, recognised: true });
  });

  it.each([
    "",
    "Z",
    "Z Not Stated",
    "Not stated",
    "Not Stated",
    "Prefer not to say",
    "Prefer Not To Answer",
    "I do not wish to disclose my ethnic origin",
    "Not known",
    "99",
    "Unknown",
    "Not Declared",
    "N/A",
  ])("%j is unknown and recognised (no warning)", (raw) => {
    const c = classify(raw);
    expect(c.group).toBe("unknown");
    expect(c.recognised).toBe(true);
  });

  it.each(["Q", "X", "ZZZ9", "Martian", "12"])("%j is unknown and unrecognised (warned)", (raw) => {
    const c = classify(raw);
    expect(c).toMatchObject({ group: "unknown", code: null, recognised: false });
  });

  it.each([
    // Codes typed in lower case (hand-keyed sheets, exports that lower-case everything).
    ["a", "white", "white", "A", "A"],
    ["c", "white", "white", "C", "C"],
    ["ca", "white", "white", "C", "CA"],
    ["lb", "bme", "asian", "L", "LB"],
    ["m", "bme", "black", "M", "M"],
    ["ca white english", "white", "white", "C", "CA"],
    ["n black or black british - african", "bme", "black", "N", "N"],
    ["Pd Black British", "bme", "black", "P", "PD"],
  ])("lower-case code %j -> %s (%s, code %s)", (raw, group, broad, code, localCode) => {
    expect(classify(raw)).toEqual({ group, broad, code, localCode, recognised: true });
  });

  it("still reads lower-case words that are not codes as labels, not as codes", () => {
    // "black" must not be code B (White Irish), nor "asian" code A.
    expect(classify("black british")).toMatchObject({ group: "bme", code: "P" });
    expect(classify("asian")).toMatchObject({ group: "bme", code: "L" });
    expect(classify("z")).toMatchObject({ group: "unknown", code: "Z", recognised: true });
    expect(classify("q")).toMatchObject({ group: "unknown", code: null, recognised: false });
  });

  it("keeps the raw value for reports", () => {
    expect(parseEthnicity("  CA White English ").ethnicity.raw).toBe("CA White English");
  });
});

describe("ethnicity values as other systems and hand-keyed sheets write them", () => {
  it.each([null, undefined])("a blank cell given as %s is unknown without a warning", (value) => {
    const { ethnicity, recognised } = parseEthnicity(value);
    expect(ethnicity).toEqual({ group: "unknown", broad: "unknown", code: null, localCode: null, raw: "" });
    expect(recognised).toBe(true);
  });

  it('reads "99" as the data dictionary\'s "not known": unknown, with no code, not Z (not stated)', () => {
    expect(classify("99")).toEqual({
      group: "unknown",
      broad: "unknown",
      code: null,
      localCode: null,
      recognised: true,
    });
  });

  it.each([
    // Short not-stated codes keep their own spelling as the local code; phrases are Z.
    ["NA", "NA"],
    ["NK", "NK"],
    ["NS", "NS"],
    ["ZZ", "ZZ"],
    ["nk", "NK"],
    ["Not stated", "Z"],
    ["Z Not Stated", "Z"],
    ["Do not wish to disclose", "Z"],
    ["Declined", "Z"],
    ["Declined to state", "Z"],
    // A slash with spaces around it is still "not applicable", not code N (Black African).
    ["N / A", "Z"],
    ["Not  stated", "Z"],
    // Hand-keyed full stops and the code written after the words.
    ["Unknown.", "Z"],
    ["Refused.", "Z"],
    ["Not stated (Z)", "Z"],
    ["Ethnicity not known", "Z"],
  ])("%j is not stated (local code %s), recognised", (raw, localCode) => {
    expect(classify(raw)).toEqual({ group: "unknown", broad: "unknown", code: "Z", localCode, recognised: true });
  });

  it.each([
    // A national word alone, as a hand-keyed sheet or a survey's free text gives it.
    ["British", "A"],
    ["English", "A"],
    ["Welsh", "A"],
    ["Scottish", "A"],
    ["Northern Irish", "A"],
    ["Irish", "B"],
    ["Irish.", "B"],
    // Travellers and Roma are White, in the plural and in Romani spelling too.
    ["Irish Travellers", "C"],
    ["Romani", "C"],
    ["White - Irish Travellers", "C"],
  ])("%j is White (code %s)", (raw, code) => {
    expect(classify(raw)).toEqual({ group: "white", broad: "white", code, localCode: code, recognised: true });
  });

  it.each([
    // Two groups named with "&" or "/" and no "Mixed" (ESR's local mixed codes without their code).
    ["Black & Asian", "F"],
    ["Chinese & White", "G"],
    ["White/Black Caribbean", "D"],
    ["White/Asian", "F"],
    // The mixed groups without "Black", as hand-keyed sheets shorten them.
    ["Mixed - White and African", "E"],
    ["Mixed White/Caribbean", "D"],
    ["White and Black African", "E"],
    // Census 2021 lists both in the group and names one after the dash: the last word decides.
    ["Black, Black British, Black Welsh, Caribbean or African - Caribbean", "M"],
    ["Black, Black British, Caribbean or African - African", "N"],
    // Census 2021 puts Chinese under Asian: one group (Chinese), not a mix of two.
    ["Asian, Asian British or Asian Welsh - Chinese", "R"],
    // Hyphenated labels are words, not a code letter and a label ("Black-British" is not code B, White Irish).
    ["Black-British", "P"],
    ["Asian-British", "L"],
    // "And" inside one group's wording names one group.
    ["Asian and Asian British - Indian", "H"],
  ])("%j -> code %s", (raw, code) => {
    expect(classify(raw)).toMatchObject({ group: "bme", code, localCode: code, recognised: true });
  });

  it("reads White - Gypsy and Traveller as White, not Mixed", () => {
    expect(classify("White - Gypsy and Traveller")).toMatchObject({ group: "white", code: "C" });
  });

  it.each([
    // A code joined to its label without spaces keeps its local code.
    ["CA-White English", "white", "C", "CA"],
    ["CA:White English", "white", "C", "CA"],
    ["PD-Black British", "bme", "P", "PD"],
    // A code in capitals with only marks around it, as hand-keyed sheets write it.
    ["(A)", "white", "A", "A"],
    ["CA.", "white", "C", "CA"],
    ["A -", "white", "A", "A"],
    ["PD.", "bme", "P", "PD"],
    ["(CA)", "white", "C", "CA"],
  ])("%j keeps its code (%s, %s, local %s)", (raw, group, code, localCode) => {
    expect(classify(raw)).toEqual({ group, broad: expect.any(String), code, localCode, recognised: true });
  });

  it("counts a one-letter code whose words name another group by its words, and reports both", () => {
    const parsed = parseEthnicity("C Asian or Asian British - Indian");
    expect(parsed.ethnicity).toMatchObject({ group: "bme", code: "H", localCode: "H" });
    expect(parsed.contradiction).toEqual({ code: "C", words: "H" });
  });

  // A word with a mark ("No.", "Dr.") is not a code in capitals with marks around it ("CA.", above).
  it.each(["-", "?", "...", "No.", "Dr.", "Mr.", "Do.", "(No)", "Pd."])(
    "%j names nothing: unknown and warned",
    (raw) => {
      expect(classify(raw)).toEqual({
        group: "unknown",
        broad: "unknown",
        code: null,
        localCode: null,
        recognised: false,
      });
    },
  );

  it("reads a code and label wrapped onto two lines in one cell (Alt+Enter) as on one line", () => {
    expect(classify("CA White\nEnglish")).toEqual({
      group: "white",
      broad: "white",
      code: "C",
      localCode: "CA",
      recognised: true,
    });
    const wrapped = parseEthnicity("H White\r\nBritish");
    expect(wrapped.ethnicity).toMatchObject({ group: "white", code: "A" });
    expect(wrapped.contradiction).toEqual({ code: "H", words: "A" });
  });

  it.each([
    "No answer",
    "No response",
    "NO RESPONSE",
    "NO DATA",
    "Do not wish to say",
    "N/K",
    "N/S",
    "Not answered",
    "Did not answer",
    "Withheld",
  ])("%j is not stated, not a code (N is Black African, D Mixed)", (raw) => {
    expect(classify(raw)).toMatchObject({ group: "unknown", code: "Z", recognised: true });
  });

  it("keeps a not-stated code typed with a full stop as its code alone", () => {
    expect(classify("Z.")).toMatchObject({ code: "Z", localCode: "Z", recognised: true });
    expect(classify("NK.")).toMatchObject({ code: "Z", localCode: "Z", recognised: true });
  });

  it("does not take a capitalised word for a local code when the words after it name no group", () => {
    // Hand-keyed free text: "No" and "Do" are not ESR's local codes NO and DO (Black African, Mixed).
    expect(classify("No idea")).toMatchObject({ group: "unknown", code: null, recognised: false });
    expect(classify("Do not know about this")).toMatchObject({ group: "unknown", code: null, recognised: false });
    // A code in capitals keeps its local label, as ESR writes it.
    expect(classify("SC Filipino")).toMatchObject({ group: "bme", code: "S", localCode: "SC", recognised: true });
    expect(classify("P Somali")).toMatchObject({ group: "bme", code: "P", localCode: "P", recognised: true });
  });
});
