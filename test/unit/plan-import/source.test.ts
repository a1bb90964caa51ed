// readPlanFile: which reader a plan file's bytes go to (Excel, Word, CSV), what each hands the parser, and the one
// sentence a file that cannot be read ends in.
import { describe, expect, it } from "vitest";
import { PLAN_MAX_UNCOMPRESSED_BYTES, readPlanFile } from "../../../src/plan/import/source";
import { WorkbookError } from "../../../src/workbook";
import { buildDocx } from "./docx-builder";
import { buildXlsx } from "./xlsx-builder";

/** A compound (OLE) file's signature, with a stream name written as UTF-16LE at byte 600. */
function cfb(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  Array.from(stream).forEach((ch, i) => (bytes[600 + 2 * i] = ch.charCodeAt(0)));
  return bytes;
}

/** The same zip with one entry declaring another uncompressed size in the central directory. */
function declaringSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 46 <= bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
    if (name === entry) {
      view.setUint32(i + 24, size, true);
      return bytes;
    }
  }
  throw new Error(`${entry} is not in the zip`);
}

function failure(name: string, bytes: Uint8Array): WorkbookError {
  try {
    readPlanFile({ name, bytes });
  } catch (error) {
    if (error instanceof WorkbookError) return error;
    throw error;
  }
  throw new Error(`${name} was read`);
}

describe("readPlanFile", () => {
  it("hands an Excel plan's sheets to the parser with their fills, marked as Excel", () => {
    const bytes = buildXlsx([
      {
        name: "Plan",
        rows: [
          ["No", "Action", "RAG"],
          ["1.1", "Diverse panels", { value: "", fill: "#00B050" }],
        ],
      },
      { name: "Notes", rows: [["Written by the EDI lead"]] },
    ]);
    const source = readPlanFile({ name: "plan.xlsx", bytes });
    expect(source.format).toBe("xlsx");
    expect(source.documentText).toEqual([]);
    expect(source.sheets.map((s) => [s.name, s.origin])).toEqual([
      ["Plan", "excel"],
      ["Notes", "excel"],
    ]);
    expect(source.sheets[0]?.rows[1]?.slice(0, 2)).toEqual(["1.1", "Diverse panels"]);
    expect(Object.values(source.sheets[0]?.fills ?? {})).toHaveLength(1);
    expect(Object.keys(source.sheets[1]?.fills ?? {})).toEqual([]);
  });

  it("reads a CSV plan as one sheet without fills", () => {
    const bytes = new TextEncoder().encode("No,Action,RAG\n1.1,Diverse panels,Green\n");
    const source = readPlanFile({ name: "plan.csv", bytes });
    expect(source.format).toBe("csv");
    expect(source.sheets).toHaveLength(1);
    expect(source.sheets[0]?.origin).toBe("excel");
    expect(source.sheets[0]?.rows[1]).toEqual(["1.1", "Diverse panels", "Green"]);
    expect(source.sheets[0]).not.toHaveProperty("fills");
  });

  it("hands a Word plan's tables to the parser as sheets marked as Word, with the paragraphs outside them", () => {
    const bytes = buildDocx([
      { paragraph: "WRES Action Plan 2024/25" },
      {
        table: [
          ["No", "Action", "RAG"],
          ["1.1", "Diverse panels", { text: "Green", fill: "00B050" }],
        ],
      },
    ]);
    const source = readPlanFile({ name: "plan.docx", bytes });
    expect(source.format).toBe("docx");
    expect(source.documentText).toEqual(["WRES Action Plan 2024/25"]);
    expect(source.sheets).toHaveLength(1);
    expect(source.sheets[0]?.origin).toBe("word");
    expect(source.sheets[0]?.rows[1]).toEqual(["1.1", "Diverse panels", "Green"]);
    expect(Object.keys(source.sheets[0]?.fills ?? {})).toHaveLength(1);
  });

  it("refuses an empty file by name", () => {
    const error = failure("empty.xlsx", new Uint8Array(0));
    expect(error.issue.code).toBe("file-empty");
    expect(error.message).toBe("empty.xlsx is empty.");
  });

  it("refuses a workbook that would expand past 64 MB before reading it", () => {
    const plan = buildXlsx([{ name: "Plan", rows: [["No", "Action"]] }]);
    const error = failure(
      "plan.xlsx",
      declaringSize(plan, "xl/worksheets/sheet1.xml", PLAN_MAX_UNCOMPRESSED_BYTES + 1),
    );
    expect(error.issue.code).toBe("file-too-large");
    expect(error.message).toMatch(/^plan\.xlsx would expand to more than 67 MB when opened/);
  });

  it("tells an old Word 97-2003 document from a password-protected one", () => {
    const old = failure("old.doc", cfb("WordDocument"));
    expect(old.issue.code).toBe("file-legacy-doc");
    expect(old.message).toMatch(
      /^old\.doc is an old-format Word 97-2003 document\. Open it in Word and save it as \.docx/,
    );

    const lockedDoc = failure("locked.DOC", cfb("EncryptionInfo"));
    expect(lockedDoc.issue.code).toBe("file-encrypted");
    expect(lockedDoc.message).toMatch(/^locked\.DOC is password-protected\. Remove the password in Word/);

    const lockedDocx = failure("locked.docx", cfb("WordDocument"));
    expect(lockedDocx.issue.code).toBe("file-encrypted");
  });

  it("needs the whole stream name, in UTF-16, to call an old document password-protected", () => {
    expect(failure("old.doc", cfb("EncryptionInf")).issue.code).toBe("file-legacy-doc");
    const ascii = cfb("");
    ascii.set(new TextEncoder().encode("EncryptionInfo"), 600);
    expect(failure("old.doc", ascii).issue.code).toBe("file-legacy-doc");
    const late = cfb("E");
    Array.from("EncryptionInfo").forEach((ch, i) => (late[1000 + 2 * i] = ch.charCodeAt(0)));
    expect(failure("old.doc", late).issue.code).toBe("file-encrypted");
  });

  it("reads the stream name as UTF-16: each character's high byte must be zero", () => {
    const name = Array.from("EncryptionInfo", (ch) => ch.charCodeAt(0));
    const utf16 = (codes: number[]) => {
      const bytes = cfb("");
      codes.forEach((code, i) => {
        bytes[600 + 2 * i] = code & 0xff;
        bytes[601 + 2 * i] = code >> 8;
      });
      return bytes;
    };
    expect(failure("locked.doc", utf16(name)).issue.code).toBe("file-encrypted");
    // "ŅncryptionInfo" and "EncryptionInfŏ": the same low bytes, other characters.
    const firstOther = [name[0]! + 0x100, ...name.slice(1)];
    const lastOther = [...name.slice(0, -1), name.at(-1)! + 0x100];
    expect(failure("old.doc", utf16(firstOther)).issue.code).toBe("file-legacy-doc");
    expect(failure("old.doc", utf16(lastOther)).issue.code).toBe("file-legacy-doc");
  });

  it("finds the stream name whatever the bytes before it", () => {
    const locked = cfb("EncryptionInfo");
    locked.fill(0xff, 8, 600);
    expect(failure("locked.doc", locked).issue.code).toBe("file-encrypted");
  });

  it("calls a damaged Word document damaged, naming Word", () => {
    const broken = buildDocx([{ paragraph: "x" }]).slice(0, 200);
    const error = failure("plan.docx", broken);
    expect(error.issue.code).toBe("file-corrupt");
    expect(error.message).toBe("plan.docx is damaged: it could not be opened as a Word document.");
  });

  it("calls a Word document whose text part is damaged damaged, naming Word", () => {
    const bytes = buildDocx([{ paragraph: "WRES Action Plan 2024/25" }]);
    // The local header of word/document.xml sits just before its name's first occurrence.
    const at = Buffer.from(bytes).indexOf("word/document.xml") - 30;
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true)).toBe(0x04034b50);
    bytes.fill(0, at, at + 4);
    const error = failure("plan.docx", bytes);
    expect(error.issue.code).toBe("file-corrupt");
    expect(error.message).toBe("plan.docx is damaged: it could not be opened as a Word document.");
  });

  it("refuses a Word document that would expand past 64 MB as too large, not as damaged", () => {
    const plan = buildDocx([{ paragraph: "WRES Action Plan 2024/25" }]);
    const error = failure("plan.docx", declaringSize(plan, "word/document.xml", PLAN_MAX_UNCOMPRESSED_BYTES + 1));
    expect(error.issue.code).toBe("file-too-large");
    expect(error.message).toBe("plan.docx would expand to more than 67 MB when opened, which is over the limit.");
  });

  it("leaves a damaged workbook's own message to the workbook reader", () => {
    const broken = buildXlsx([{ name: "Plan", rows: [["x"]] }]).slice(0, 300);
    const error = failure("plan.xlsx", broken);
    expect(error.message).not.toContain("Word");
    expect(error.message).toContain("plan.xlsx");
  });
});
