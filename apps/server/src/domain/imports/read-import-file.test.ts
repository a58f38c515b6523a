import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readImportFile } from "./read-import-file.ts";

describe("readImportFile", () => {
  it("numbers rows by their line in the file, past blank lines and quoted line breaks", async () => {
    const csv = "\uFEFF姓名,城市\n王芳,上海\n\n\"李\n强\",北京\n张伟,上海\n";
    const table = await readImportFile(Buffer.from(csv), "a.csv");
    expect(table.columns).toEqual(["姓名", "城市"]);
    expect(table.rows.map((row) => row.line)).toEqual([2, 4, 6]);
  });

  it("reads GBK files as older Chinese Excel versions save them", async () => {
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xcd, 0xf5, 0xb7, 0xbc, 0x0a]); // 姓名\n王芳\n
    const table = await readImportFile(gbk, "gbk.csv");
    expect(table.columns).toEqual(["姓名"]);
    expect(table.rows[0].values).toEqual(["王芳"]);
  });

  it("detects semicolons and tabs as separators", async () => {
    const table = await readImportFile(Buffer.from("name;city\nA;B\n"), "a.csv");
    expect(table.rows[0].values).toEqual(["A", "B"]);
  });

  it("reads the first worksheet of an .xlsx, dates and numbers as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("s");
    sheet.addRow(["姓名", "手机", "生日", "订单日期"]);
    sheet.addRow(["王芳", 13800138001, new Date(Date.UTC(1988, 2, 12)), new Date(Date.UTC(2024, 2, 1, 14, 30))]);
    const table = await readImportFile(Buffer.from(await workbook.xlsx.writeBuffer()), "a.xlsx");
    expect(table.rows).toEqual([{ line: 2, values: ["王芳", "13800138001", "1988-03-12", "2024-03-01 14:30:00"] }]);
  });

  it("refuses other formats and empty files, naming the file", async () => {
    await expect(readImportFile(Buffer.from("x"), "a.xls")).rejects.toMatchObject({ code: "import.unsupported_format", field: "file" });
    await expect(readImportFile(Buffer.from(""), "a.csv")).rejects.toMatchObject({ code: "import.empty_file" });
  });
});
