import { describe, expect, it } from "vitest";
import { sentimentScore } from "./sentiment-score.ts";

describe("sentimentScore", () => {
  it("reads Chinese complaints as negative and praise as positive", () => {
    expect(sentimentScore("服务态度很差，排队太久")).toBeLessThan(-0.5);
    expect(sentimentScore("店员很热情，环境干净")).toBeGreaterThan(0.5);
    expect(sentimentScore("卫生间很脏")).toBeLessThan(-0.3);
    expect(sentimentScore("价格太贵了")).toBeLessThan(-0.3);
    expect(sentimentScore("收银员很不耐烦")).toBeLessThan(-0.3);
    expect(sentimentScore("下次不会再来了")).toBeLessThan(-0.3);
    expect(sentimentScore("还会再来")).toBeGreaterThan(0.3);
  });

  it("turns a sentiment word around after a negator", () => {
    expect(sentimentScore("满意")).toBeGreaterThan(0.3);
    expect(sentimentScore("不满意")).toBeLessThan(-0.3);
    expect(sentimentScore("不干净")).toBeLessThan(-0.3);
    // A negated complaint is mildly positive, never as strong as praise.
    expect(sentimentScore("不贵")).toBeGreaterThan(0);
    expect(sentimentScore("不贵")).toBeLessThan(sentimentScore("便宜实惠"));
    expect(sentimentScore("I am not happy")).toBeLessThan(-0.3);
    expect(sentimentScore("not bad at all")).toBeGreaterThan(0);
  });

  it("weighs intensifiers: stronger with 很/非常/very, softer with 有点/slightly", () => {
    expect(sentimentScore("非常满意")).toBeGreaterThan(sentimentScore("满意"));
    expect(sentimentScore("很不满意")).toBeLessThan(sentimentScore("不满意"));
    expect(sentimentScore("有点贵")).toBeGreaterThan(sentimentScore("贵"));
    expect(sentimentScore("有点贵")).toBeLessThan(0);
    expect(sentimentScore("very friendly")).toBeGreaterThan(sentimentScore("friendly"));
    // 好 before a sentiment word means "so": 好脏 is a complaint, not praise.
    expect(sentimentScore("好脏啊")).toBeLessThan(-0.3);
    expect(sentimentScore("好")).toBeGreaterThan(0);
  });

  it("softens 'not very …' instead of reversing the intensified word", () => {
    const notVery = sentimentScore("不太满意");
    expect(notVery).toBeLessThan(0);
    expect(notVery).toBeGreaterThan(sentimentScore("很不满意"));
  });

  it("reads English feedback", () => {
    expect(sentimentScore("The staff were rude and the checkout was slow")).toBeLessThan(-0.5);
    expect(sentimentScore("Friendly staff, clean store, great prices!")).toBeGreaterThan(0.5);
    expect(sentimentScore("Dirty tables and a long wait.")).toBeLessThan(-0.5);
    expect(sentimentScore("Nobody was friendly.")).toBeLessThan(-0.3);
    expect(sentimentScore("Not only was it clean, it was cheap")).toBeGreaterThan(0.3);
    expect(sentimentScore("don’t like the new layout, it's not clean")).toBeLessThan(0);
  });

  it("lets what follows 但是/but count more than what came before", () => {
    expect(sentimentScore("东西不错，但是排队太久了")).toBeLessThan(-0.3);
    expect(sentimentScore("The food was good but the service was terrible")).toBeLessThan(-0.3);
    expect(sentimentScore("虽然有点贵，但是服务非常周到")).toBeGreaterThan(0.3);
  });

  it("gives 0 when nothing tells, and stays within [−1, 1]", () => {
    expect(sentimentScore("")).toBe(0);
    expect(sentimentScore("今天下午三点到店")).toBe(0);
    expect(sentimentScore("不好意思，请问几点关门")).toBe(0);
    expect(sentimentScore("Order 12345 placed on Monday")).toBe(0);
    const furious = "太差了太差了太差了！".repeat(50) + "垃圾，恶心，骗子，再也不来";
    expect(sentimentScore(furious)).toBeGreaterThanOrEqual(-1);
    expect(sentimentScore(furious)).toBeLessThan(-0.95);
    expect(sentimentScore("非常满意！".repeat(100))).toBeLessThanOrEqual(1);
  });

  it("reads full-width letters and emoji", () => {
    expect(sentimentScore("ＲＵＤＥ staff")).toBeLessThan(-0.3);
    expect(sentimentScore("👍👍")).toBeGreaterThan(0.3);
    expect(sentimentScore("😡")).toBeLessThan(-0.3);
  });

  it("treats hostile markup as plain words", () => {
    expect(sentimentScore("<script>alert('great')</script>")).toBeGreaterThan(0);
    expect(() => sentimentScore("'; drop table feedback; --")).not.toThrow();
  });
});
