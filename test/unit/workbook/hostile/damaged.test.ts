// Damaged zip containers: each refused with one line naming the file, in well under a second of CPU
// (measured 0 to 10 ms), or, where the damage does not touch the data, read exactly.
import { describe, expect, it } from "vitest";
import { readWorkbooks, WorkbookError } from "../../../../src/workbook";
import { entry, sheetXml, workbookWithSheet } from "../../../support/hostile-workbooks";
import { measure } from "../../../support/measure";

const good = workbookWithSheet(
  entry(
    "xl/worksheets/sheet1.xml",
    sheetXml([
      ["Employee Number", "Ethnic Origin", "Pay Band"],
      [1, "A White - British", "Band 5"],
      [2, "H Asian or Asian British - Indian", "Band 6"],
    ]),
  ),
);

/** Sets a little-endian field in every record with the given signature. */
function patch(
  bytes: Uint8Array,
  signature: number,
  offset: number,
  size: 2 | 4,
  value: number,
  last = false,
): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const hits: number[] = [];
  for (let p = 0; p + 4 <= out.length; p++) if (view.getUint32(p, true) === signature) hits.push(p);
  for (const p of last ? hits.slice(-1) : hits) {
    if (size === 2) view.setUint16(p + offset, value, true);
    else view.setUint32(p + offset, value, true);
  }
  return out;
}

const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function refused(name: string, bytes: Uint8Array) {
  const cost = measure(() => readWorkbooks([{ name, bytes }]));
  expect(cost.error).toBeInstanceOf(WorkbookError);
  const issue = (cost.error as WorkbookError).issue;
  expect(issue).toMatchObject({ severity: "error", file: name });
  expect(issue.message.startsWith(name)).toBe(true);
  expect(issue.message).not.toContain("\n");
  expect(cost.cpuMs).toBeLessThan(1_000);
  return issue;
}

describe("damaged containers", () => {
  it("reads the undamaged file (the baseline the cases below damage)", () => {
    const ds = readWorkbooks([{ name: "good.xlsx", bytes: good }]);
    expect(ds.staff.map((s) => [s.personId, s.ethnicity.code])).toEqual([
      ["1", "A"],
      ["2", "H"],
    ]);
  });

  it.each([
    ["to half its length", good.length >> 1],
    ["to 10 bytes", 10],
    ["by its last byte", good.length - 1],
  ])("refuses a file truncated %s", (_what, length) => {
    const issue = refused("truncated.xlsx", good.subarray(0, length));
    expect(issue.code).toBe("file-corrupt");
    expect(issue.message).toContain("the zip container is damaged");
  });

  it("refuses a central directory that starts in the wrong place", () => {
    const issue = refused("cd-offset.xlsx", patch(good, END, 16, 4, 5, true));
    expect(issue.message).toBe(
      "cd-offset.xlsx is not a readable workbook: the zip container is damaged (bad central directory entry).",
    );
  });

  it("refuses a central directory that claims more entries than it has", () => {
    const issue = refused("cd-count.xlsx", patch(patch(good, END, 8, 2, 60_000, true), END, 10, 2, 60_000, true));
    expect(issue.code).toBe("file-corrupt");
  });

  it("refuses entries whose local headers are past the end of the file", () => {
    const issue = refused("offsets.xlsx", patch(good, CENTRAL, 42, 4, 0x7fff_ffff));
    expect(issue.code).toBe("file-corrupt");
  });

  it("refuses a compressed part whose deflate data is damaged, naming the part", () => {
    // The sheet's data sits just before the central directory; overwrite its middle with junk.
    const view = new DataView(good.buffer, good.byteOffset);
    let cd = 0;
    for (let p = good.length - 22; p >= 0; p--) if (view.getUint32(p, true) === END) cd = view.getUint32(p + 16, true);
    const damaged = good.slice();
    for (let p = cd - 40; p < cd - 10; p++) damaged[p] = 0xff;
    const issue = refused("deflate.xlsx", damaged);
    expect(issue.code).toBe("file-corrupt");
    expect(issue.message).toContain("xl/worksheets/sheet1.xml");
  });

  it("reads a file whose CRC fields are wrong but whose data is whole (CRCs are not checked; deflate's own structure catches damage)", () => {
    const ds = readWorkbooks([{ name: "crc.xlsx", bytes: patch(good, CENTRAL, 16, 4, 0xdead_beef) }]);
    expect(ds.staff).toHaveLength(2);
  });
});
