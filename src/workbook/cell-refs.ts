// Cell references as spreadsheets write them ("AB12", "A1:C3"), to and from 0-based rows and columns.

/** A range of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column letters of a 0-based column: 0 -> "A", 27 -> "AB", 16383 -> "XFD". */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The 0-based column of its letters, in either case: "A" -> 0, "ab" -> 27. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// Up to three letters (Excel's last column is XFD), "$" allowed before either part, one cell or two.
const RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

/** A range ("A5:H5", "$B$2:$AB$10", "c3" for one cell) with its corners in either order, or null. */
export function rangeRef(ref: string): CellRange | null {
  const m = RANGE.exec(ref);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]!);
  const bottom = m[4] === undefined ? top : Number(m[4]) - 1;
  const right = m[3] === undefined ? left : columnIndex(m[3]);
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}
