// A minimal .docx writer for tests: paragraphs and tables (cells spanning columns, merged down,
// shaded, with several paragraphs and line breaks), zipped with fflate in memory.
import { strToU8, zipSync } from "fflate";

export interface DocxCell {
  /** Paragraphs split on "\n\n"; single "\n" become line breaks inside a paragraph. */
  text?: string;
  span?: number;
  vMerge?: "restart" | "continue";
  fill?: string;
}

export type DocxBlock = { paragraph: string } | { table: (DocxCell | string)[][]; headerRows?: number };

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function runs(paragraph: string): string {
  return paragraph
    .split("\n")
    .map(
      (line, i) =>
        `${i > 0 ? "<w:r><w:br/></w:r>" : ""}<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`,
    )
    .join("");
}

function cellXml(cell: DocxCell | string): string {
  const c = typeof cell === "string" ? { text: cell } : cell;
  const props = [
    c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : "",
    c.vMerge ? (c.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>") : "",
    c.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.fill}"/>` : "",
  ].join("");
  const paragraphs = (c.text ?? "")
    .split("\n\n")
    .map((p) => `<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>${runs(p)}</w:p>`);
  return `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${props}</w:tcPr>${paragraphs.join("")}</w:tc>`;
}

export function buildDocx(blocks: DocxBlock[]): Uint8Array {
  const body = blocks
    .map((block) => {
      if ("paragraph" in block) return `<w:p>${runs(block.paragraph)}</w:p>`;
      const rows = block.table
        .map(
          (row, r) =>
            `<w:tr>${r < (block.headerRows ?? 0) ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${row.map(cellXml).join("")}</w:tr>`,
        )
        .join("");
      return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>${rows}</w:tbl><w:p/>`;
    })
    .join("");
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return packDocx(document);
}

/** A .docx package around a document.xml, with its content types and relationships. */
export function packDocx(documentXml: string): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": strToU8(documentXml),
  });
}
