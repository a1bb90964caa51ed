// A plan workbook laid out like the plans trusts publish: title rows, merged objective headings,
// multi-line and rich-text cells, a lead merged over two actions, RAG words in mixed case, Blue,
// and one malformed row (2.2 has no action text). Shared by the importer's tests and usable by
// browser tests of the import preview (write the bytes to a file and upload it).
import ExcelJS from "exceljs";

export async function publishedStylePlan(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("WRES Action Plan 2024-25");
  sheet.addRow(["Workforce Race Equality Standard (WRES) Action Plan 2024/25"]);
  sheet.mergeCells("A1:H1");
  sheet.addRow(["Monitored quarterly by the Equality, Diversity and Inclusion Steering Group"]);
  sheet.mergeCells("A2:H2");
  sheet.addRow([]);
  sheet.addRow([
    "Action number",
    "What we will do",
    "Responsible lead",
    "Due date",
    "Milestones",
    "Progress",
    "KPIs",
    "RAG status",
  ]);
  sheet.addRow(["Objective 1: Improve representation at senior levels (WRES indicators 1 and 9)"]);
  sheet.mergeCells("A5:H5");
  sheet.addRow([
    1.1,
    "Reverse mentoring for the Board\nwith the race equality network",
    "Chief People Officer\r\nHead of EDI",
    new Date(Date.UTC(2025, 2, 31)),
    "Pairs matched by July\nReview in October",
    "12 pairs matched",
    "20 pairs a year",
    "green",
  ]);
  sheet.getCell("B6").alignment = { wrapText: true };
  sheet.addRow([
    1.2,
    "Diverse shortlisting panels for band 8a and above",
    "Head of Resourcing",
    "Q3 2024/25",
    null,
    "Pool of 40 panel members trained",
    "80% of panels diverse",
    "AMBER",
  ]);
  sheet.addRow([
    1.3,
    "Publish workforce data by ethnicity twice a year",
    null,
    "March 2025",
    null,
    "Published in October",
    null,
    "Blue",
  ]);
  sheet.mergeCells("C7:C8"); // one lead for two actions
  sheet.addRow(["Objective 2: Fair employee relations processes (Indicator 3)"]);
  sheet.mergeCells("A9:H9");
  sheet.addRow([
    "2.1",
    "Cultural ambassadors on every disciplinary case",
    "Head of Employee Relations",
    "Ongoing",
    null,
    null,
    "Relative likelihood below 1.25",
    "Red",
  ]);
  sheet.addRow(["2.2", null, "Head of Employee Relations", "June 2025", null, "Waiting for policy", null, "Amber"]);
  sheet.addRow([
    "2.3",
    { richText: [{ text: "Train investigating officers ", font: { bold: true } }, { text: "(Ind 2 & 3)" }] },
    "Head of Learning",
    "31/12/2024",
    null,
    null,
    null,
    "Complete",
  ]);
  const bytes = await workbook.xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}
