import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.ts";
import { BUILTIN_TEMPLATES } from "./builtin-templates.ts";
import { buildMergeFields, letterHints, sampleMergeFields, surnameOf, type MergeSource } from "./merge-fields.ts";
import { compileTemplate, renderTemplate } from "./template-engine.ts";

const source: MergeSource = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "欧阳娜",
  kind: "person",
  gender: "female",
  city: "上海",
  company: null,
  email: "na@example.test",
  phone: null,
  wechat: null,
  preferences: "普洱茶",
  personal_note: "脾气急，结账要快\n问候：女儿今年高考\n内部：曾投诉过送货",
  attributes: { points: 860 },
  consent: { email: true },
  status: "active",
  erased_at: null,
  home_store_id: null,
  store_name: "静安店",
  store_city: "上海",
  tier: "important",
  last_purchase_at: new Date("2026-11-20T16:30:00Z"),
  last_purchase_amount: "1288.5",
  last_purchase_store: "徐汇店",
};
const context = {
  language: "zh-CN" as const,
  occasion: { key: "spring-festival:2027", kind: "spring_festival", date: "2027-02-06" },
  orgName: "可信茶行",
  now: new Date("2027-02-06T01:00:00Z"),
  timeZone: "Asia/Shanghai",
};

async function expectInvalid(promise: Promise<unknown> | (() => unknown), field: string, text: RegExp) {
  const error = await (typeof promise === "function" ? Promise.resolve().then(promise) : promise).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("greeting.template_invalid");
  expect((error as AppError).field).toBe(field);
  expect((error as AppError).message).toMatch(text);
}

describe("template sandbox", () => {
  it("has no file system: include, render and layout of /etc/passwd fail to parse", async () => {
    await expectInvalid(() => compileTemplate({ subject: "x", body: "{% include '/etc/passwd' %}" }), "body", /include/);
    await expectInvalid(() => compileTemplate({ subject: "{% render '/etc/passwd' %}", body: "x" }), "subject", /render/);
    await expectInvalid(() => compileTemplate({ subject: "x", body: "{% layout '/etc/passwd' %}" }), "body", /layout/);
  });

  it("rejects unknown filters and names the field with liquid's message", async () => {
    await expectInvalid(() => compileTemplate({ subject: "x", body: "{{ customer.name | shell }}" }), "body", /undefined filter: shell/);
    await expectInvalid(() => compileTemplate({ subject: "{{ customer.name", body: "x" }), "subject", /not closed/);
  });

  it("stops a template that would run away with memory or time", async () => {
    const loop = compileTemplate({ subject: "x", body: "{% for i in (1..100000000) %}{{ i }}{% endfor %}" });
    await expectInvalid(renderTemplate(loop, {}), "body", /limit/);
  });

  it("refuses output longer than the limit", async () => {
    const long = compileTemplate({ subject: "x", body: "{% for i in (1..3000) %}0123456789{% endfor %}" });
    await expectInvalid(renderTemplate(long, {}), "body", /longer than/);
  });

  it("sees only own properties of the merge fields", async () => {
    const template = compileTemplate({ subject: "x", body: "[{{ customer.constructor }}][{{ customer.__proto__ }}]" });
    const rendered = await renderTemplate(template, { customer: { name: "a" } });
    expect(rendered.text).toBe("[][]");
  });

  it("escapes everything in the HTML part, values and literal text alike", async () => {
    const template = compileTemplate({ subject: "Hi {{ customer.name }}", body: "<b>Dear</b> {{ customer.name }}\n\nbye" });
    const rendered = await renderTemplate(template, { customer: { name: `<script>alert("x")</script>` } });
    expect(rendered.text).toBe(`<b>Dear</b> <script>alert("x")</script>\n\nbye`);
    expect(rendered.html).toContain("<p>&lt;b&gt;Dear&lt;/b&gt; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>");
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.subject).toBe(`Hi <script>alert("x")</script>`);
  });
});

describe("merge fields", () => {
  it("gives name, honorific, salutation, store, last purchase, points, tier and only the marked note lines", () => {
    const fields = buildMergeFields(source, context) as Record<string, Record<string, unknown>>;
    expect(fields.customer).toMatchObject({
      name: "欧阳娜",
      surname: "欧阳",
      honorific: "女士",
      salutation: "欧阳女士",
      tier: "重要客户",
      tier_key: "important",
      points: 860,
    });
    expect(fields.store).toEqual({ name: "静安店", city: "上海" });
    // 16:30 UTC on 20 November is 00:30 on 21 November in Shanghai.
    expect(fields.last_purchase).toEqual({ date: "2026年11月21日", amount: "¥1,288.50", store: "徐汇店" });
    expect(fields.hints).toEqual({ preferences: "普洱茶", note: "女儿今年高考" });
    expect(JSON.stringify(fields)).not.toContain("投诉");
    expect(JSON.stringify(fields)).not.toContain("脾气");
    expect(fields.occasion).toMatchObject({ name: "春节", year: 2027, date: "2027年2月6日" });
  });

  it("uses Mr/Ms in English, no honorific when the gender is unknown or for a company, nil points without a source", () => {
    const english = buildMergeFields({ ...source, name: "John Smith", gender: "male" }, { ...context, language: "en" });
    expect(english.customer).toMatchObject({ honorific: "Mr", salutation: "Mr Smith", tier: "Key customer" });
    const unknown = buildMergeFields({ ...source, gender: "unknown", attributes: {} }, context);
    expect(unknown.customer).toMatchObject({ honorific: "", salutation: "欧阳娜", points: null });
    const company = buildMergeFields({ ...source, kind: "company", name: "上海某某贸易有限公司" }, context);
    expect(company.customer).toMatchObject({ honorific: "", salutation: "上海某某贸易有限公司" });
    const noPurchase = buildMergeFields({ ...source, last_purchase_at: null, store_name: null, tier: null }, context);
    expect(noPurchase.last_purchase).toBeNull();
    expect(noPurchase.store).toBeNull();
    expect(noPurchase.customer).toMatchObject({ tier_key: "ordinary" });
  });

  it("finds surnames and note hints", () => {
    expect(surnameOf("王琳")).toBe("王");
    expect(surnameOf("司马光")).toBe("司马");
    expect(surnameOf("Anna Maria Lopez")).toBe("Lopez");
    expect(letterHints("greeting: loves orchids\nGREETING：new baby")).toBe("loves orchids；new baby");
    expect(letterHints("nothing to share")).toBeNull();
  });
});

describe("built-in templates", () => {
  const purposes = ["thank_you", "spring_festival", "mid_autumn", "national_day", "birthday", "new_product", "after_purchase", "win_back"];
  it.each(["zh-CN", "en"] as const)("covers every required purpose in %s", (language) => {
    const keys = BUILTIN_TEMPLATES.filter((template) => template.language === language).map((template) => template.key);
    for (const purpose of purposes) expect(keys).toContain(purpose);
  });

  it.each(BUILTIN_TEMPLATES.map((template) => [template.key, template.language, template] as const))(
    "%s (%s) renders strictly with every field, and without the optional ones",
    async (_key, language, template) => {
      const compiled = compileTemplate(template);
      const full = await renderTemplate(compiled, sampleMergeFields(language), { isStrict: true });
      expect(full.text).toContain(language === "en" ? "Ms Wang" : "王女士");
      expect(full.text).not.toMatch(/\{\{|\{%/);
      const sparse = await renderTemplate(
        compiled,
        buildMergeFields(
          { ...source, gender: "unknown", attributes: {}, last_purchase_at: null, store_name: null, preferences: null, personal_note: null },
          { ...context, language },
        ),
      );
      expect(sparse.text).toContain("欧阳娜");
      expect(sparse.text).not.toMatch(/undefined|null|NaN/);
    },
  );
});
