// Ethnicity values as real extracts spell them: a code ("A", "CA"), a code and label
// ("CA White English", "Z Not Stated"), or a label alone ("White - British",
// "Asian or Asian British - Indian", census 2021 wording). Classified on the first character of
// the NHS ethnic category code (docs/wres-method.md#ethnic-groups); anything unrecognised is unknown.
import { broadOfCode, groupOfBroad, type Ethnicity } from "../indicators/input";

const NATIONAL_CODES = "ABCDEFGHJKLMNPRSZ";

/** Labels, normalised (lower case, letters and digits only, "&" as "and"). */
export function normaliseLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Phrases that mean "not stated" in ESR, recruitment systems and survey tools.
const NOT_STATED =
  /^(z|zz|99|na|n a|nk|n k|ns|n s|not stated|not known|unknown|not declared|undeclared|not disclosed|undisclosed|prefer not to say|prefer not to answer|i do not wish to .*|do not wish to .*|declined.*|not given|not provided|not recorded|not specified|unspecified|blank|none|null|information refused|refused|withheld|no answer|not answered|did not answer|no response|no data)$/;

/** A national identity alone, as hand-keyed sheets and survey free text write White British (A). */
const NATIONAL_WORDS = new Set(["british", "english", "welsh", "scottish", "northern irish"]);

/** Code for a label alone, or null when the words name no group. */
function codeOfLabel(label: string): string | null {
  const t = ` ${label} `;
  const has = (w: string) => t.includes(` ${w} `) || t.includes(` ${w}`);
  if (NOT_STATED.test(label) || /\bnot stated\b|\bprefer not\b|\bnot known\b|\bnot declared\b/.test(label)) return "Z";
  const white = has("white");
  const black = has("black");
  const asian = has("asian");
  // "Black and Asian", "Chinese and White" (ESR's local mixed codes GA to GE) name two groups: mixed.
  const twoGroups = has("and") && Number(white) + Number(black) + Number(asian) + Number(has("chinese")) >= 2;
  if (has("mixed") || has("multiple") || has("dual heritage") || (white && (black || asian)) || twoGroups) {
    // "White and Caribbean", "White and African": the mixed groups name Black in full, hand-keyed sheets not always.
    if (has("caribbean")) return "D";
    if (has("african")) return "E";
    if (asian) return "F";
    return "G";
  }
  if (white || has("gypsy") || has("traveller") || has("roma")) {
    if (has("irish") && !has("traveller") && !has("northern irish")) return "B";
    if (has("british") || has("english") || has("welsh") || has("scottish") || has("northern irish")) return "A";
    return "C";
  }
  if (has("indian")) return "H";
  if (has("pakistani")) return "J";
  if (has("bangladeshi")) return "K";
  if (has("chinese")) return "R";
  if (asian) return "L";
  // Census 2021 wording lists both ("Black, Black British, Caribbean or African - African"): the last word decides.
  if (has("caribbean") && has("african"))
    return label.lastIndexOf("african") > label.lastIndexOf("caribbean") ? "N" : "M";
  if (has("caribbean")) return "M";
  if (has("african")) return "N";
  if (black) return "P";
  if (has("arab") || /\bother ethnic\b|\bany other\b|\bother\b/.test(label)) return "S";
  if (label === "irish") return "B";
  if (NATIONAL_WORDS.has(label)) return "A";
  return null;
}

/**
 * Every ethnicity is made here, each field written once: overwriting one afterwards (a spread, then localCode)
 * makes V8 take the field for changing, and throw away the optimised code of the record readers that relied on it
 * the first time a sheet met such a value, in the middle of the sheet.
 */
function make(code: string | null, localCode: string | null, raw: string): Ethnicity {
  const broad = code ? broadOfCode(code) : "unknown";
  return { group: groupOfBroad(broad), broad, code, localCode: localCode ?? code, raw };
}

/**
 * A code alone or at the start of a value: "A", "CA", "C3", optionally followed by a label. Any case:
 * hand-typed and re-keyed extracts write "a" or "ca white english"; a lower-case word still only
 * counts as a code when it stands alone or is followed by a label that agrees with it. The label may run
 * onto another line of the cell ("s": "." takes line breaks too).
 */
const CODE_PREFIX = /^\(?([A-Z])([A-Z0-9])?\)?(?:\s*[-:.)]\s*|\s+|$)(.*)/is;

export interface ParsedEthnicity {
  ethnicity: Ethnicity;
  /** False when the value was not blank but matched nothing (reported as a warning). */
  recognised: boolean;
  /**
   * A value whose code and words name different categories ("H White - British": H is Asian or Asian
   * British - Indian, the words are White British, code A): the code it gave and the code of its words.
   * Which is used: when both are in the same broad group (A and B, both White) the code, so the WRES
   * groups are the same either way; when the groups differ, the words, as a one-letter code is the
   * likelier slip (but Z, not stated, stays not stated). Either way the value is reported (a warning
   * naming the rows) so it can be corrected.
   */
  contradiction: { code: string; words: string } | null;
}

/** Parses one ethnicity value. Blank and "not stated" are unknown but recognised. */
export function parseEthnicity(value: unknown): ParsedEthnicity {
  const raw = value === null || value === undefined ? "" : String(value).trim();
  if (raw === "") return { ethnicity: make(null, null, raw), recognised: true, contradiction: null };
  if (raw === "99") return { ethnicity: make(null, null, raw), recognised: true, contradiction: null };
  const label = normaliseLabel(raw);
  if (NOT_STATED.test(label))
    return {
      ethnicity: make("Z", /^[a-z0-9]{1,2}$/i.test(raw) ? raw.toUpperCase() : "Z", raw),
      recognised: true,
      contradiction: null,
    };
  let contradiction: ParsedEthnicity["contradiction"] = null;

  const m = CODE_PREFIX.exec(raw);
  if (m) {
    const national = (m[1] ?? "").toUpperCase();
    const second = (m[2] ?? "").toUpperCase();
    const rest = m[3] ?? ""; // no space around it: raw is trimmed and the separator takes the spaces
    // A bare two-letter word such as "NA" was handled above; a code must be a national code,
    // and a label after it must not contradict it (so "Black" is not read as code B).
    if (NATIONAL_CODES.includes(national)) {
      const restCode = rest ? codeOfLabel(normaliseLabel(rest)) : null;
      // Every C-prefixed local code is White (docs/wres-method.md#ethnic-groups), whatever its label says ("CX White Mixed").
      const localWhite = national === "C" && second !== "";
      // Typed as a word ("No answer", "Do not know"): a code only when its words name a group.
      const typedAsWord = (m[1] ?? "") + (m[2] ?? "") !== national + second;
      // A code with only marks around it is one when typed in capitals ("CA.", "(A)", "PD -"); a word with a
      // full stop ("No.", "Dr.") is not.
      const codeIsWholeToken = rest !== "" || raw.length <= 2 || !typedAsWord;
      // A national code (one letter) whose words name another category; a local code (two characters,
      // a subdivision its words describe loosely) only when the words name another broad group.
      const contradicted =
        codeIsWholeToken &&
        restCode !== null &&
        restCode !== national &&
        (second === "" || (broadOfCode(restCode) !== broadOfCode(national) && !localWhite));
      if (contradicted) contradiction = { code: national + second, words: restCode };
      if (
        codeIsWholeToken &&
        (restCode === null
          ? rest === "" || !typedAsWord
          : broadOfCode(restCode) === broadOfCode(national) || national === "Z" || localWhite)
      ) {
        return { ethnicity: make(national, national + second, raw), recognised: true, contradiction };
      }
    }
  }
  const code = codeOfLabel(label);
  if (code) return { ethnicity: make(code, null, raw), recognised: true, contradiction };
  return { ethnicity: make(null, null, raw), recognised: false, contradiction: null };
}
