import { describe, expect, it } from "vitest";
import { resolveMapping } from "./resolve-mapping.ts";
import { suggestMapping } from "./suggest-mapping.ts";

describe("suggestMapping", () => {
  it("maps the Chinese headers of shop systems onto customer fields", () => {
    const columns = ["客户编号", "客户名称", "手机", "邮箱", "性别(男/女)", "生日", "城市", "门店", "标签", "备注"];
    expect(suggestMapping("customers", columns)).toEqual({
      code: "客户编号", name: "客户名称", phone: "手机", email: "邮箱", gender: "性别(男/女)", birthday: "生日",
      city: "城市", storeCode: "门店", tags: "标签",
    });
  });

  it("maps Chinese transaction headers, the customer code included", () => {
    const columns = ["订单号", "客户编号", "订单日期", "实付金额", "成本", "门店编码", "渠道"];
    expect(suggestMapping("transactions", columns)).toEqual({
      externalId: "订单号", customerCode: "客户编号", occurredAt: "订单日期", amount: "实付金额", cost: "成本",
      storeCode: "门店编码", channel: "渠道",
    });
  });

  it("maps English headers and the field names themselves, whatever their case and spacing", () => {
    expect(suggestMapping("customers", ["Customer Name", "E-mail", "store_code", "Phone Number"])).toEqual({
      name: "Customer Name", email: "E-mail", storeCode: "store_code", phone: "Phone Number",
    });
    expect(suggestMapping("transactions", ["customerCode", "occurredAt", "Amount (CNY)"])).toEqual({
      customerCode: "customerCode", occurredAt: "occurredAt", amount: "Amount (CNY)",
    });
  });
});

describe("resolveMapping", () => {
  it("lets the user override and unmap suggestions", () => {
    expect(resolveMapping("customers", ["姓名", "电话", "手机"], { phone: "电话" })).toEqual({ name: "姓名", phone: "电话" });
    expect(resolveMapping("customers", ["姓名", "手机"], { phone: "" })).toEqual({ name: "姓名" });
  });

  it("names the field when a required one is unmapped, a column is missing or a field unknown", () => {
    expect(() => resolveMapping("customers", ["手机"])).toThrow(expect.objectContaining({ field: "mapping.name" }));
    expect(() => resolveMapping("customers", ["姓名"], { email: "邮件地址" })).toThrow(
      expect.objectContaining({ code: "import.unknown_column", field: "mapping.email" }),
    );
    expect(() => resolveMapping("customers", ["姓名"], { shoeSize: "姓名" })).toThrow(
      expect.objectContaining({ code: "import.unknown_field" }),
    );
  });
});
