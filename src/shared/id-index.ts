// A set of string ids, each given a dense number 0, 1, 2... in the order first added: the workbook reader
// joins people across sheets with it and the indicators count distinct people with it. Pure, imports nothing.
/** An id's integer key, for ids of one to nine digits with no leading zero (as ESR writes them); else -1. */
function integerKey(id: string): number {
  const n = id.length;
  if (n === 0 || n > 9 || (n > 1 && id.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const EMPTY = -1;

/**
 * Person ids to dense numbers 0, 1, 2... Digit ids live in an open-addressing table of integers: at
 * 100,000 people that is several times faster than a Map of strings, whose every lookup with an id read
 * from another workbook hashes and compares the text again. Any other id goes in a Map.
 */
export class IdIndex {
  private keys = new Int32Array(1024).fill(EMPTY);
  private numbers = new Int32Array(1024);
  private bits = 10;
  private integers = 0;
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.integers + this.others.size;
  }

  /** The id's number, or -1 when it has none. */
  find(id: string): number {
    const key = integerKey(id);
    if (key < 0) return this.others.get(id) ?? -1;
    const slot = this.slotOf(key);
    return this.keys[slot] === EMPTY ? -1 : this.numbers[slot]!;
  }

  /** The id's number, given it the next one if it had none. */
  add(id: string): number {
    const key = integerKey(id);
    if (key < 0) {
      let n = this.others.get(id);
      if (n === undefined) this.others.set(id, (n = this.size));
      return n;
    }
    if ((this.integers + 1) * 2 > this.keys.length) this.grow();
    const slot = this.slotOf(key);
    if (this.keys[slot] === key) return this.numbers[slot]!;
    const n = this.size;
    this.keys[slot] = key;
    this.numbers[slot] = n;
    this.integers++;
    return n;
  }

  /**
   * Makes room for `count` ids in all, so that adding them never grows the table again: growing rehashes every
   * id so far, and a staff sheet knows how many rows it has before it adds one.
   */
  reserve(count: number): void {
    while (count * 2 > this.keys.length) this.grow();
  }

  /** Adds the id if it is new; whether it was. */
  addIfNew(id: string): boolean {
    const before = this.size;
    return this.add(id) === before;
  }

  /**
   * The key's slot, or the empty slot where it would go. It starts at the top bits of key times 2^32 / phi
   * (Fibonacci hashing, so nearby ids spread across the table) and probes on from there.
   */
  private slotOf(key: number): number {
    const { keys } = this;
    const mask = keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
    while (keys[slot] !== key && keys[slot] !== EMPTY) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, numbers } = this;
    this.bits++;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.numbers = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const slot = this.slotOf(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.numbers[slot] = numbers[i]!;
    }
  }
}
