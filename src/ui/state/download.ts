// Handing bytes the tab made or fetched (a report, a Word document, an evidence file) to the
// browser as a download: one hidden link, clicked once, its object URL kept alive long enough
// for a slow save dialog.
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Saves bytes as a download named `name`; with no type the browser goes by the name's extension. */
export function saveBytes(bytes: Uint8Array, name: string, type?: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], type ? { type } : undefined));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
