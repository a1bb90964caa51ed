// Small helpers for the XML parts of a workbook. We never build a DOM: the parts we read are
// regular enough (SpreadsheetML) to scan with indexOf and a few regular expressions.

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref.charCodeAt(1) === 120 /* x */ ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // The pattern allows digits alone, so code is never negative nor NaN; too many digits give Infinity.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/**
 * Decodes SpreadsheetML's `_xHHHH_` escapes (used for control characters such as `_x000D_`).
 * `_x005F_` escapes a literal underscore, so `_x005F_x000D_` reads as the text `_x000D_`.
 */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text content of an XML text node as the user typed it. */
export function xmlText(raw: string): string {
  return decodeOoxmlEscapes(decodeEntities(raw));
}

const RICH_PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const RICH_TEXT = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;

/** The visible text of a string item (`<si>` or `<is>` content): plain `<t>` or rich-text runs. */
export function stringItemText(inner: string): string {
  // Fast path: <t>text</t> with nothing else.
  if (inner.startsWith("<t>") && inner.endsWith("</t>") && inner.indexOf("<", 3) === inner.length - 4) {
    return xmlText(inner.slice(3, -4));
  }
  if (inner.indexOf("rPh") >= 0) inner = inner.replace(RICH_PHONETIC, "");
  let out = "";
  RICH_TEXT.lastIndex = 0;
  for (let m = RICH_TEXT.exec(inner); m; m = RICH_TEXT.exec(inner)) out += m[1] ?? "";
  return xmlText(out);
}

/** Attributes of one start tag (the text between the tag name and `>`), keyed by local name. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const name = m[1] ?? "";
    const local = name.includes(":") && !name.startsWith("xmlns") ? name.slice(name.indexOf(":") + 1) : name;
    // Keep r:id addressable both ways: relationships use a prefixed id attribute.
    out.set(name, decodeEntities(m[2] ?? m[3] ?? ""));
    if (!out.has(local)) out.set(local, decodeEntities(m[2] ?? m[3] ?? ""));
  }
  return out;
}

/** Every start tag with the given local name, as attribute maps. */
export function startTags(xml: string, localName: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])([^>]*)>`, "g");
  const out: Map<string, string>[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(attributes(m[1] ?? ""));
  return out;
}

/** The inner text of the first element with the given local name, or null. */
export function section(xml: string, localName: string): string | null {
  const open = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === "/") return "";
  const start = open.index + open[0].length;
  const close = new RegExp(`</(?:[\\w.-]+:)?${localName}\\s*>`, "g");
  close.lastIndex = start;
  const end = close.exec(xml);
  return end ? xml.slice(start, end.index) : xml.slice(start);
}
