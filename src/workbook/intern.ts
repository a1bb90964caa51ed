// Text cells' bytes to strings, each distinct text decoded once. HR extracts repeat a few hundred
// values (ethnic groups, bands, staff groups) down hundreds of thousands of rows; a writer that puts
// text in the cell (inline strings, t="str") instead of a shared-string table would otherwise cost a
// decode, a string and garbage per cell. Here equal bytes find the text already decoded, by a hash of
// the bytes checked byte by byte against a copy, and the cell stores only its text's number.
import { grow } from "./typed-arrays";
import { xmlText } from "./xml";

const utf8 = new TextDecoder();
/** Past this many distinct texts (or bytes of them) a sheet is mostly unique text: stop remembering. */
const MAX_ENTRIES = 1 << 20;
const MAX_ARENA = 64 << 20;
/** Columns whose last text is remembered: far more than any extract's columns, and 4 KiB. */
const MAX_CACHED_COLUMNS = 1024;

/** Where interned texts go: addText keeps the decoded string and returns its number. */
export interface TextStore {
  addText(text: string): number;
}

export class TextInterner {
  /** Open addressing: slot -> entry + 1 (0 empty). */
  private slots = new Int32Array(1 << 12);
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Entry -> the caller's number for its text. */
  private ids = new Int32Array(1024);
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private count = 0;
  /** Column -> the entry (+ 1; 0 none) of the text last interned in that column, for the first columns. */
  private readonly lastInColumn = new Int32Array(MAX_CACHED_COLUMNS);

  constructor() {
    // The arrays are replaced when they grow. Stored once, V8 takes each field for a constant, and code
    // optimised on that (the sheet scanner, with intern inlined) is thrown away when a sheet's texts first
    // outgrow them: a second store here tells it from the start that they change.
    this.slots = grow(this.slots, this.slots.length);
    this.starts = grow(this.starts, this.starts.length);
    this.lengths = grow(this.lengths, this.lengths.length);
    this.hashes = grow(this.hashes, this.hashes.length);
    this.ids = grow(this.ids, this.ids.length);
    this.arena = grow(this.arena, this.arena.length);
  }

  /**
   * The store's number for the text in bytes s..e of column `col` (`escaped`: it may hold entities or _xHHHH_
   * escapes), adding it with `store.addText` when new (a store, not a callback: no closure to allocate for every
   * cell).
   */
  intern(b: Uint8Array, s: number, e: number, escaped: boolean, store: TextStore, col: number): number {
    const len = e - s;
    // Extracts sorted by directorate, staff group or band repeat the row above's text down a column: compare
    // with that text first, before hashing.
    const cached = col < MAX_CACHED_COLUMNS ? (this.lastInColumn[col] ?? 0) - 1 : -1;
    if (cached >= 0 && this.lengths[cached] === len && this.same(b, s, cached, len)) return this.ids[cached] ?? 0;
    let h = 0x811c9dc5 ^ len;
    for (let k = s; k < e; k++) h = Math.imul(h ^ (b[k] ?? 0), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] ?? 0) - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === h && this.lengths[entry] === len && this.same(b, s, entry, len)) {
        if (col < MAX_CACHED_COLUMNS) this.lastInColumn[col] = entry + 1;
        return this.ids[entry] ?? 0;
      }
    }
    // Equal bytes decode to equal text, entities and escapes included: those are decoded once too.
    const raw = utf8.decode(b.subarray(s, e));
    const id = store.addText(escaped ? xmlText(raw) : raw);
    if (this.count < MAX_ENTRIES && this.arenaUsed + len <= MAX_ARENA) {
      const entry = this.remember(b, s, len, h, id);
      if (col < MAX_CACHED_COLUMNS) this.lastInColumn[col] = entry + 1;
    }
    return id;
  }

  private same(b: Uint8Array, s: number, entry: number, len: number): boolean {
    const a = this.arena;
    const at = this.starts[entry] ?? 0;
    for (let k = 0; k < len; k++) if (a[at + k] !== b[s + k]) return false;
    return true;
  }

  /** Adds an entry for the text and returns its number. */
  private remember(b: Uint8Array, s: number, len: number, h: number, id: number): number {
    if (this.count >= this.ids.length) {
      const capacity = this.ids.length * 2;
      this.starts = grow(this.starts, capacity);
      this.lengths = grow(this.lengths, capacity);
      this.hashes = grow(this.hashes, capacity);
      this.ids = grow(this.ids, capacity);
    }
    if (this.arenaUsed + len > this.arena.length)
      this.arena = grow(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + len));
    this.arena.set(b.subarray(s, s + len), this.arenaUsed);
    const entry = this.count++;
    this.starts[entry] = this.arenaUsed;
    this.lengths[entry] = len;
    this.hashes[entry] = h;
    this.ids[entry] = id;
    this.arenaUsed += len;
    // Half full at most, so probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(entry);
    return entry;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = (this.hashes[entry] ?? 0) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.count; entry++) this.place(entry);
  }
}
