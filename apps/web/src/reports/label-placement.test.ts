import { describe, expect, it } from "vitest";
import { labelWidth, placeLabels, scatterLabelSides, wrapText } from "./label-placement.ts";

describe("placeLabels", () => {
  it("puts a lone label to the right of its point", () => {
    expect(placeLabels([{ x: 100, y: 100, width: 60, height: 14 }])).toEqual(["right"]);
  });

  it("moves a label off a close neighbour's point, and the neighbour's off the label", () => {
    // To the right, the first label would cover the second point: it goes above, and the second one fits right.
    expect(placeLabels([
      { x: 100, y: 100, width: 80, height: 14 },
      { x: 120, y: 104, width: 60, height: 14 },
    ])).toEqual(["top", "right"]);
    // Two points one above the other: the lower label cannot go where the upper one went.
    const sides = placeLabels([
      { x: 100, y: 100, width: 60, height: 14 },
      { x: 100, y: 108, width: 60, height: 14 },
    ]);
    expect(sides[0]).toBe("right");
    expect(sides[1]).not.toBe("right");
  });

  it("keeps labels of points far apart on the right", () => {
    expect(placeLabels([
      { x: 0, y: 0, width: 50, height: 14 },
      { x: 300, y: 200, width: 50, height: 14 },
    ])).toEqual(["right", "right"]);
  });
});

describe("scatterLabelSides", () => {
  it("separates the two close features of a better–worse map", () => {
    const sides = scatterLabelSides(
      [
        { x: 0.21, y: 0.89, name: "手机扫码自助结账" },
        { x: 0.25, y: 0.88, name: "积分当钱花" },
        { x: 0.75, y: 0.87, name: "一小时送货到家" },
      ],
      { min: 0, max: 1 },
      { min: 0, max: 1 },
    );
    // The first label would cover the second point, so it goes elsewhere; the far one stays on the right.
    expect(sides[0]).not.toBe("right");
    expect(sides[2]).toBe("right");
  });
});

describe("labelWidth", () => {
  it("counts Chinese characters wider than Latin letters", () => {
    expect(labelWidth("价格", 10)).toBe(20);
    expect(labelWidth("ab", 10)).toBeCloseTo(11);
  });
});

describe("wrapText", () => {
  it("breaks English at spaces", () => {
    expect(wrapText("Customer satisfaction (CUSA)", 70, 12)).toEqual(["Customer", "satisfaction", "(CUSA)"]);
    expect(wrapText("Image (IMAG)", 200, 12)).toEqual(["Image (IMAG)"]);
  });

  it("breaks Chinese between characters", () => {
    expect(wrapText("顾客满意度指数模型", 48, 12)).toEqual(["顾客满意", "度指数模", "型"]);
  });

  it("keeps a Latin word inside Chinese text whole", () => {
    expect(wrapText("企业形象(IMAG)", 78, 12)).toEqual(["企业形象", "(IMAG)"]);
    expect(wrapText("感知质量(PERQ)", 200, 12)).toEqual(["感知质量(PERQ)"]);
  });
});
