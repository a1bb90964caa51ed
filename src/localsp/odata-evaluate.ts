// Evaluating a parsed $filter (odata-filter.ts) against a row, and the order $orderby sorts in:
// SharePoint's comparisons of numbers, strings, dates, booleans and nulls.
import { chain, type CompareOp, type FilterNode, type Literal } from "./odata-filter";

export type ValueOf = (path: string[]) => unknown;

function normalise(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

function compareScalars(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" || typeof b === "boolean") return Number(a) - Number(b);
  const sa = String(normalise(a));
  const sb = String(normalise(b));
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Turns a literal into the form of the stored value it is compared with. */
function coerceLiteral(literal: Literal, sample: unknown): unknown {
  if (literal !== null && typeof literal === "object") return Date.parse(literal.datetime);
  if (
    typeof sample === "number" &&
    typeof literal === "string" &&
    literal.trim() !== "" &&
    !Number.isNaN(Number(literal))
  ) {
    return Number(literal);
  }
  if (typeof sample === "boolean" && typeof literal === "number") return literal !== 0;
  return literal;
}

function isDateString(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value);
}

function compareOne(op: CompareOp, stored: unknown, literal: Literal): boolean {
  if (literal === null) {
    const isNull = stored === null || stored === undefined || stored === "";
    if (op === "eq") return isNull;
    if (op === "ne") return !isNull;
    return false;
  }
  if (stored === null || stored === undefined) return op === "ne";
  let left: unknown = stored;
  let right = coerceLiteral(literal, stored);
  if (typeof right === "number" && isDateString(left) && typeof literal === "object") left = Date.parse(left);
  else if (isDateString(left) && isDateString(right)) {
    left = Date.parse(left);
    right = Date.parse(right);
  }
  const c = compareScalars(left, right);
  switch (op) {
    case "eq":
      return c === 0;
    case "ne":
      return c !== 0;
    case "gt":
      return c > 0;
    case "ge":
      return c >= 0;
    case "lt":
      return c < 0;
    case "le":
      return c <= 0;
  }
}

/** Evaluates a filter against one record. Multi-value fields match when any value matches (CAML Includes). */
export function evaluateFilter(node: FilterNode, valueOf: ValueOf): boolean {
  switch (node.kind) {
    case "and":
      return chain(node).every((operand) => evaluateFilter(operand, valueOf));
    case "or":
      return chain(node).some((operand) => evaluateFilter(operand, valueOf));
    case "not":
      return !evaluateFilter(node.operand, valueOf);
    case "compare": {
      const stored = valueOf(node.path);
      if (Array.isArray(stored)) {
        if (node.value === null) return (node.op === "eq") === (stored.length === 0);
        const any = stored.some((v) => compareOne(node.op === "ne" ? "eq" : node.op, v, node.value));
        return node.op === "ne" ? !any : any;
      }
      return compareOne(node.op, stored, node.value);
    }
    case "startswith": {
      const stored = valueOf(node.path);
      return typeof stored === "string" && stored.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case "substringof": {
      const stored = valueOf(node.path);
      return typeof stored === "string" && stored.toLowerCase().includes(node.value.toLowerCase());
    }
  }
}

/** Orders two stored values the way $orderby does: nulls first ascending, text case-insensitive. */
export function compareForSort(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? -1 : 1;
  const av = Array.isArray(a) ? a[0] : a;
  const bv = Array.isArray(b) ? b[0] : b;
  if (isDateString(av) && isDateString(bv)) return Date.parse(av) - Date.parse(bv);
  return compareScalars(av, bv);
}
