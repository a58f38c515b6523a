import { describe, expect, it } from "vitest";
import { cellValue, parseAmount, parseCalendarDate, parseEmail, parseGender, parseMoment, parseTags } from "./parse-cell.ts";

describe("parse-cell", () => {
  it("reads the date formats shop systems write and refuses impossible dates", () => {
    expect(parseCalendarDate("1988-03-12").value).toBe("1988-03-12");
    expect(parseCalendarDate("1979/11/5").value).toBe("1979-11-05");
    expect(parseCalendarDate("1992年7月21日").value).toBe("1992-07-21");
    expect(parseCalendarDate("19900101").value).toBe("1990-01-01");
    expect(parseCalendarDate("1990-01-01 00:00:00").value).toBe("1990-01-01");
    expect(parseCalendarDate("1990-02-30").error).toMatch(/not a date/);
    expect(parseCalendarDate("next tuesday").error).toMatch(/yyyy-mm-dd/);
  });

  it("reads naive times as Beijing time and keeps explicit offsets", () => {
    expect(parseMoment("2024-03-01 14:30").value).toBe("2024-03-01T14:30:00+08:00");
    expect(parseMoment("2024/05/20 09:05:00").value).toBe("2024-05-20T09:05:00+08:00");
    expect(parseMoment("2024-06-01").value).toBe("2024-06-01T00:00:00+08:00");
    expect(parseMoment("2024-06-01T10:00:00Z").value).toBe("2024-06-01T10:00:00Z");
    expect(parseMoment("2024-06-01T10:00:00+0200").value).toBe("2024-06-01T10:00:00+02:00");
    expect(parseMoment("2024-13-01").error).toBeDefined();
    expect(parseMoment("2024-01-01 25:00").error).toBeDefined();
  });

  it("reads amounts with currency signs and thousands separators, never negative ones", () => {
    expect(parseAmount("1,299.00").value).toBe("1299.00");
    expect(parseAmount("¥88").value).toBe("88.00");
    expect(parseAmount("88元").value).toBe("88.00");
    expect(parseAmount("-20").error).toMatch(/negative/);
    expect(parseAmount("abc").error).toMatch(/not an amount/);
    expect(parseAmount("1.234").error).toMatch(/not an amount/);
  });

  it("reads genders in Chinese and English", () => {
    expect(parseGender("女").value).toBe("female");
    expect(parseGender("M").value).toBe("male");
    expect(parseGender("保密").value).toBe("unknown");
    expect(parseGender("x").error).toMatch(/男\/女/);
  });

  it("splits tags on Chinese and ASCII separators", () => {
    expect(parseTags("VIP，茶饮、VIP; 新客").value).toEqual(["VIP", "茶饮", "新客"]);
    expect(parseTags("x".repeat(33)).error).toMatch(/32/);
  });

  it("lower-cases valid emails and refuses others", () => {
    expect(parseEmail("Wang@Example.com").value).toBe("wang@example.com");
    expect(parseEmail("not-an-email").error).toMatch(/not an email/);
  });

  it("strips the apostrophe exports put before formula characters, and nothing else", () => {
    expect(cellValue("'+86 138")).toBe("+86 138");
    expect(cellValue("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(cellValue("'quoted'")).toBe("'quoted'");
    expect(cellValue(undefined)).toBe("");
  });
});
