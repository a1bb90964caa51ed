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
