// Printed output is tested by what is on the paper: the PDF's text, read back with poppler's
// pdftotext (Debian's poppler-utils, installed with Chromium by ensure-chromium.sh).
import { execFileSync } from "node:child_process";

/** The text of a PDF, page by page (pdftotext separates pages with a form feed), whitespace collapsed. */
export function pdfPages(pdf: Uint8Array): string[] {
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  }).toString("utf8");
  return text
    .split("\f")
    .map((page) => page.replace(/\s+/g, " ").trim())
    .filter((page, i, all) => page !== "" || i < all.length - 1);
}

/** All of a PDF's text as one line, for "is this on the paper" checks. */
export function pdfText(pdf: Uint8Array): string {
  return pdfPages(pdf).join(" ");
}
