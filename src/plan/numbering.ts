// Action numbers as plans write them: "2.3" is action 3 of objective 2, and "2.10" follows "2.9".

function segments(number: string): string[] {
  return number
    .trim()
    .split(/[.\s]+/)
    .filter((s) => s.length > 0);
}

/** Orders numbers segment by segment, numerically where both segments are numbers. */
export function compareNumbers(a: string, b: string): number {
  const left = segments(a);
  const right = segments(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i];
    const r = right[i];
    if (l === undefined) return -1; // "2" before "2.1"
    if (r === undefined) return 1;
    const ln = /^\d+$/.test(l) ? Number(l) : NaN;
    const rn = /^\d+$/.test(r) ? Number(r) : NaN;
    if (!Number.isNaN(ln) && !Number.isNaN(rn)) {
      if (ln !== rn) return ln - rn;
    } else {
      // Numeric collation puts "2a" (inserted after 2) between "2" and "3", and digits before letters,
      // so numbers still come before labels ("5" before "Board item").
      const c = l.localeCompare(r, "en", { sensitivity: "base", numeric: true });
      if (c !== 0) return c;
    }
  }
  return 0;
}

/** A copy sorted by number (stable for equal numbers). */
export function sortByNumber<T extends { number: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareNumbers(a.number, b.number));
}

export interface Renumbering<T> {
  item: T;
  number: string;
}

/** The prefix an action number carries ("2.3" -> "2"), or "" for a top-level number. */
export function numberPrefix(number: string): string {
  const parts = segments(number);
  return parts.slice(0, -1).join(".");
}

/**
 * Numbers items 1..n in the order given (the order the editor arranged them in), under a
 * prefix ("2" gives "2.1", "2.2", ...; "" gives "1", "2", ...). Without a prefix, the first
 * item's own prefix is kept. Returns only the items whose number changes, so the caller writes
 * nothing for the rest.
 */
export function renumber<T extends { number: string }>(items: readonly T[], prefix?: string): Renumbering<T>[] {
  const first = items[0];
  const base = prefix ?? (first ? numberPrefix(first.number) : "");
  const changes: Renumbering<T>[] = [];
  items.forEach((item, index) => {
    const number = base ? `${base}.${index + 1}` : String(index + 1);
    if (item.number !== number) changes.push({ item, number });
  });
  return changes;
}

/** The next free number under a prefix ("2" with 2.1..2.9 -> "2.10"). */
export function nextNumber(existing: readonly string[], prefix: string): string {
  let max = 0;
  for (const number of existing) {
    if (numberPrefix(number) !== prefix) continue;
    const last = Number(segments(number).at(-1));
    if (Number.isInteger(last) && last > max) max = last;
  }
  return prefix ? `${prefix}.${max + 1}` : String(max + 1);
}

export interface ObjectiveRenumbering<O, A> {
  objectives: Renumbering<O>[];
  /** Actions whose numbers follow their objective's, moved with it ("3.2" -> "2.2"). */
  actions: Renumbering<A>[];
}

/**
 * Numbers a plan year's objectives 1..n in their number order, closing gaps ("1", "3", "4" ->
 * "1", "2", "3"), and moves each action whose number starts with its objective's old number onto
 * the new one ("3.2" -> "2.2"; the action's own part is kept, so gaps in actions stay for Renumber
 * actions). Actions numbered some other way are left alone. Only changes are returned. Writing
 * each objective's actions before the objective keeps a rerun after a failure consistent: actions
 * already moved no longer start with the old number and are not moved twice.
 */
export function renumberObjectives<
  O extends { id: number; number: string },
  A extends { objectiveId: number; number: string },
>(objectives: readonly O[], actions: readonly A[]): ObjectiveRenumbering<O, A> {
  const objectiveChanges = renumber(sortByNumber(objectives), "");
  const actionChanges: Renumbering<A>[] = [];
  for (const { item: objective, number } of objectiveChanges) {
    const old = segments(objective.number);
    for (const action of sortByNumber(actions.filter((a) => a.objectiveId === objective.id))) {
      const parts = segments(action.number);
      const follows =
        parts.length > old.length &&
        old.every((segment, i) => parts[i]?.toLocaleLowerCase("en-GB") === segment.toLocaleLowerCase("en-GB"));
      if (follows) actionChanges.push({ item: action, number: [number, ...parts.slice(old.length)].join(".") });
    }
  }
  return { objectives: objectiveChanges, actions: actionChanges };
}
