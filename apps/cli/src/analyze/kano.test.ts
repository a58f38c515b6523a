import { describe, expect, it } from "vitest";
import { runAnalyze, writeTempFiles } from "./cli-test-helpers.ts";
import { type KanoCommandOutput, registerKanoCommand } from "./kano.ts";

const DATA = `id,wifi_f,wifi_d,lounge_f,lounge_d
1,1,5,2,5
2,1,5,3,5
3,1,3,4,5
4,2,5,1,5
5,1,5,,
`;
const PAIRS = JSON.stringify([
  { feature: "Wi-Fi", functional: "wifi_f", dysfunctional: "wifi_d" },
  { feature: "Lounge", functional: "lounge_f", dysfunctional: "lounge_d" },
]);

const run = (args: string[]) => runAnalyze(registerKanoCommand, ["kano", ...args]) as Promise<KanoCommandOutput>;

describe("kexin analyze kano", () => {
  it("prints counts, category, better/worse, strengths and significance per feature", async () => {
    const f = writeTempFiles({ "data.csv": DATA, "pairs.json": PAIRS });
    const out = await run(["--data", f["data.csv"], "--pairs", f["pairs.json"]]);
    const [wifi, lounge] = out.features;
    expect(wifi).toMatchObject({ feature: "Wi-Fi", n: 5, category: "O", categoryName: "performance", categoryLabel: "绩效" });
    expect(wifi.counts).toEqual({ A: 1, O: 3, M: 1, I: 0, R: 0, Q: 0 });
    expect(wifi.better).toBeCloseTo(0.8, 12);
    expect(wifi.worse).toBeCloseTo(-0.8, 12);
    expect(wifi.strengths).toEqual({ total: 1, category: expect.closeTo(0.4, 12) });
    expect(wifi.significance.isSignificant).toBe(false);
    // the blank answers of respondent 5 leave Lounge with 4 pairs: M, M, M, O
    expect(lounge).toMatchObject({ n: 4, category: "M", categoryName: "basic", categoryLabel: "基本" });
  });

  it("rejects answers outside 1–5, missing columns and bad pairs files", async () => {
    const f = writeTempFiles({
      "bad.csv": "id,wifi_f,wifi_d\n1,1,5\n2,6,5\n",
      "pairs.json": JSON.stringify([{ feature: "Wi-Fi", functional: "wifi_f", dysfunctional: "wifi_d" }]),
      "missing.json": JSON.stringify([{ feature: "Wi-Fi", functional: "wifi_f", dysfunctional: "nope" }]),
      "broken.json": JSON.stringify([{ feature: "Wi-Fi" }]),
    });
    await expect(run(["--data", f["bad.csv"], "--pairs", f["pairs.json"]])).rejects.toThrow(/line 3: wifi_f is "6", but Kano answers must be 1–5/);
    await expect(run(["--data", f["bad.csv"], "--pairs", f["missing.json"]])).rejects.toThrow(/has no column "nope"/);
    await expect(run(["--data", f["bad.csv"], "--pairs", f["broken.json"]])).rejects.toThrow(/pair 1 needs a non-empty string "functional"/);
  });
});
