// A Markdown table, as the report and the command line's --breakdown write them.

/** Markdown-safe table cell: no pipes or line breaks from data (file, sheet and directorate names are user input). */
function cell(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ");
}

/** The header, its rule and the rows, one line each. */
export function table(head: string[], rows: string[][]): string {
  const line = (r: string[]) => `| ${r.map(cell).join(" | ")} |`;
  return [line(head), `| ${head.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}
