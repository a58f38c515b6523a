import { describe, expect, it } from "vitest";
import { percentAxis } from "./service-figures-chart.ts";

describe("percentAxis", () => {
  it("starts just below the lowest figure, on a multiple of 5", () => {
    expect(percentAxis([96, 98.5, null, 92.3])).toMatchObject({ min: 85, max: 100, interval: 5 });
    expect(percentAxis([99])).toMatchObject({ min: 90 });
  });

  it("starts from 0 when a figure is low, or when there are none", () => {
    expect(percentAxis([40, 97])).toMatchObject({ min: 0, interval: 20 });
    expect(percentAxis([null])).toMatchObject({ min: 0 });
  });
});
