// Splits a SharePoint REST path (after `_api/`) into segments such as
// `getByTitle('WRES Actions')`, `items(3)` or `AddUsingPath(decodedurl='a/b.xlsx',Overwrite=true)`,
// honouring quotes (a literal may hold `/`, `(` or `''`) and resolving `@alias` parameters from the query.
import { readQuoted } from "./odata-filter";
import { badRequest } from "./errors";

export type ArgValue = string | number | boolean | null;

export interface Segment {
  /** Lower-cased name, for case-insensitive matching as SharePoint does. */
  name: string;
  raw: string;
  /** Null when the segment has no parentheses. */
  args: { positional: ArgValue[]; named: Record<string, ArgValue> } | null;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") {
      i = readQuoted(text, i)[1];
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}

function parseArgValue(text: string, aliases: URLSearchParams): ArgValue {
  const value = text.trim();
  if (value.startsWith("@")) {
    const aliased = aliases.get(value);
    if (aliased === null) throw badRequest(`The parameter alias '${value}' has no value.`);
    return parseArgValue(aliased, aliases);
  }
  const quoted = /^(guid|datetime)?'/i.exec(value);
  if (quoted) return readQuoted(value, quoted[0].length - 1)[0];
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  if (value === "null") return null;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

export function parseSegments(path: string, aliases: URLSearchParams): Segment[] {
  return splitTopLevel(path, "/")
    .filter((s) => s.length > 0)
    .map((raw) => {
      const open = raw.indexOf("(");
      if (open < 0 || !raw.endsWith(")")) return { name: raw.toLowerCase(), raw, args: null };
      const name = raw.slice(0, open).toLowerCase();
      const inner = raw.slice(open + 1, -1);
      const positional: ArgValue[] = [];
      const named: Record<string, ArgValue> = {};
      if (inner.trim() !== "") {
        for (const part of splitTopLevel(inner, ",")) {
          const eq = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(part);
          if (eq) named[(eq[1] as string).toLowerCase()] = parseArgValue(part.slice(eq[0].length), aliases);
          else positional.push(parseArgValue(part, aliases));
        }
      }
      return { name, raw, args: { positional, named } };
    });
}

/** The first argument, positional or named (e.g. `getByTitle('X')` or `getFolderByServerRelativePath(decodedUrl='X')`). */
export function firstArg(segment: Segment): ArgValue | undefined {
  if (!segment.args) return undefined;
  if (segment.args.positional.length > 0) return segment.args.positional[0];
  return Object.values(segment.args.named)[0];
}
