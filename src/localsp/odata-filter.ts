// A small recursive-descent parser for the $filter grammar that reaches SharePoint from @pnp/sp
// (docs/sharepoint.md §2.7): eq ne gt ge lt le, and, or, not, parentheses, startswith/substringof,
// string/number/null/boolean/datetime literals and Field or Field/Sub paths. Anything else is
// refused by name (501) rather than guessed at.
// Evaluation is in odata-evaluate.ts.
import { SpError, unsupported } from "./errors";
import { filterTooDeep, MAX_FILTER_DEPTH } from "./limits";

export type Literal = string | number | boolean | null | { datetime: string };

export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; op: CompareOp; path: string[]; value: Literal }
  | { kind: "startswith"; path: string[]; value: string }
  | { kind: "substringof"; path: string[]; value: string };

export type CompareOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
const COMPARE_OPS = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le"]);

type Token =
  | { t: "ident"; v: string }
  | { t: "string"; v: string }
  | { t: "number"; v: number }
  | { t: "datetime"; v: string }
  | { t: "guid"; v: string }
  | { t: "punct"; v: "(" | ")" | "," | "/" };

function badFilter(message: string): SpError {
  return new SpError(400, "-1, Microsoft.SharePoint.Client.InvalidClientQueryException", message);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (c === "(" || c === ")" || c === "," || c === "/") {
      tokens.push({ t: "punct", v: c });
      i++;
    } else if (c === "'") {
      const [value, next] = readQuoted(text, i);
      tokens.push({ t: "string", v: value });
      i = next;
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[dDmMlLfF]?/.exec(text.slice(i));
      if (!m) throw badFilter(`Syntax error at position ${i} in '${text}'.`);
      tokens.push({ t: "number", v: Number(m[0].replace(/[dDmMlLfF]$/, "")) });
      i += m[0].length;
    } else if (/[A-Za-z_@$]/.test(c)) {
      const m = /^[A-Za-z_@$][A-Za-z0-9_.$]*/.exec(text.slice(i)) as RegExpExecArray;
      const word = m[0];
      i += word.length;
      const lower = word.toLowerCase();
      if ((lower === "datetime" || lower === "datetimeoffset" || lower === "guid") && text[i] === "'") {
        const [value, next] = readQuoted(text, i);
        i = next;
        tokens.push(lower === "guid" ? { t: "guid", v: value } : { t: "datetime", v: value });
      } else {
        tokens.push({ t: "ident", v: word });
      }
    } else {
      throw badFilter(`Syntax error: character '${c}' at position ${i} in '${text}'.`);
    }
  }
  return tokens;
}

/** Reads a single-quoted OData literal starting at `start`, un-doubling '' escapes. */
export function readQuoted(text: string, start: number): [string, number] {
  let i = start + 1;
  let value = "";
  for (;;) {
    if (i >= text.length) throw badFilter(`Unterminated string literal in '${text}'.`);
    const c = text[i] as string;
    if (c === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return [value, i + 1];
    }
    value += c;
    i++;
  }
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    if (this.pos < this.tokens.length) throw badFilter(`Syntax error at token ${this.pos + 1} in '${this.text}'.`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const token = this.tokens[this.pos++];
    if (!token) throw badFilter(`Unexpected end of expression in '${this.text}'.`);
    return token;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token?.t === "ident" && token.v.toLowerCase() === word;
  }

  private expect(v: "(" | ")" | "," | "/"): void {
    const token = this.next();
    if (token.t !== "punct" || token.v !== v) throw badFilter(`Expected '${v}' in '${this.text}'.`);
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isWord("or")) {
      this.pos++;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isWord("and")) {
      this.pos++;
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private depth = 0;

  /** `not` and parentheses nest; past MAX_FILTER_DEPTH the query is refused, never a stack overflow. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_FILTER_DEPTH) throw filterTooDeep();
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private parseUnary(): FilterNode {
    if (this.isWord("not")) {
      this.pos++;
      return this.nested(() => ({ kind: "not", operand: this.parseUnary() }));
    }
    const token = this.peek();
    if (token?.t === "punct" && token.v === "(") {
      this.pos++;
      return this.nested(() => {
        const inner = this.parseOr();
        this.expect(")");
        return inner;
      });
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterNode {
    const token = this.next();
    if (token.t !== "ident") throw badFilter(`Expected a field name in '${this.text}'.`);
    const after = this.peek();
    if (after?.t === "punct" && after.v === "(") return this.parseFunction(token.v);
    const path = this.parsePathRest(token.v);
    const opToken = this.next();
    if (opToken.t !== "ident") throw badFilter(`Expected an operator after '${path.join("/")}' in '${this.text}'.`);
    const op = opToken.v.toLowerCase();
    if (!COMPARE_OPS.has(op)) {
      if (["add", "sub", "mul", "div", "mod", "has", "in"].includes(op)) throw unsupported(`$filter operator '${op}'`);
      throw badFilter(`Unknown operator '${opToken.v}' in '${this.text}'.`);
    }
    return { kind: "compare", op: op as CompareOp, path, value: this.parseLiteral() };
  }

  private parsePathRest(first: string): string[] {
    const path = [first];
    for (;;) {
      const token = this.peek();
      if (token?.t !== "punct" || token.v !== "/") return path;
      this.pos++;
      const segment = this.next();
      if (segment.t !== "ident") throw badFilter(`Expected a field name after '/' in '${this.text}'.`);
      path.push(segment.v);
    }
  }

  private parseFunction(name: string): FilterNode {
    const lower = name.toLowerCase();
    this.expect("(");
    if (lower === "startswith") {
      const path = this.parseFieldArg();
      this.expect(",");
      const value = this.parseStringArg();
      this.expect(")");
      this.skipTrueComparison();
      return { kind: "startswith", path, value };
    }
    if (lower === "substringof") {
      const value = this.parseStringArg();
      this.expect(",");
      const path = this.parseFieldArg();
      this.expect(")");
      this.skipTrueComparison();
      return { kind: "substringof", path, value };
    }
    throw unsupported(`$filter function '${name}'`);
  }

  /** `startswith(Title,'a') eq true` is the same as the bare call. */
  private skipTrueComparison(): void {
    if (this.isWord("eq")) {
      const value = this.tokens[this.pos + 1];
      if (value?.t === "ident" && value.v.toLowerCase() === "true") this.pos += 2;
    }
  }

  private parseFieldArg(): string[] {
    const token = this.next();
    if (token.t !== "ident") throw badFilter(`Expected a field name in '${this.text}'.`);
    return this.parsePathRest(token.v);
  }

  private parseStringArg(): string {
    const token = this.next();
    if (token.t !== "string") throw badFilter(`Expected a string literal in '${this.text}'.`);
    return token.v;
  }

  private parseLiteral(): Literal {
    const token = this.next();
    switch (token.t) {
      case "string":
      case "guid":
        return token.v;
      case "number":
        return token.v;
      case "datetime":
        return { datetime: token.v };
      case "ident": {
        const lower = token.v.toLowerCase();
        if (lower === "null") return null;
        if (lower === "true") return true;
        if (lower === "false") return false;
        throw unsupported(`$filter comparison with '${token.v}' (only literals are supported on the right-hand side)`);
      }
      default:
        throw badFilter(`Expected a literal in '${this.text}'.`);
    }
  }
}

export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text), text).parse();
}

/** Every field path a filter touches, for validation and the list view threshold rule. */
export function filterPaths(node: FilterNode): string[][] {
  // Iterative: a long `and`/`or` chain is a deep tree, and must not cost a stack frame per clause.
  const paths: string[][] = [];
  const pending: FilterNode[] = [node];
  while (pending.length > 0) {
    const next = pending.pop() as FilterNode;
    switch (next.kind) {
      case "and":
      case "or":
        pending.push(next.right, next.left);
        break;
      case "not":
        pending.push(next.operand);
        break;
      default:
        paths.push(next.path);
    }
  }
  return paths;
}

/** The operands of a chain of one operator (`a and b and c` -> [a, b, c]), without recursion. */
export function chain(node: FilterNode & { kind: "and" | "or" }): FilterNode[] {
  const operands: FilterNode[] = [];
  const pending: FilterNode[] = [node];
  while (pending.length > 0) {
    const next = pending.pop() as FilterNode;
    if (next.kind === node.kind) pending.push((next as typeof node).right, (next as typeof node).left);
    else operands.push(next);
  }
  return operands;
}

/**
 * The clause SharePoint evaluates first against the index: the leftmost operand of an `and`
 * chain (an `or` needs every branch; a `not` cannot use an index at all).
 */
export function leadingClause(node: FilterNode): FilterNode {
  let lead = node;
  while (lead.kind === "and") lead = lead.left;
  return lead;
}
