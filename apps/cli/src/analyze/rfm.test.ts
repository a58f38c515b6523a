import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runAnalyze, writeTempFiles } from "./cli-test-helpers.ts";
import { registerRfmCommand, type RfmCommandOutput } from "./rfm.ts";
import { UsageError } from "./usage-error.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const ordersFile = path.resolve(repoRoot, "../shared/data", "rfm-orders/orders.csv");
const hasShared = existsSync(ordersFile);
if (!hasShared) console.warn(`skipping the RFM CLI reference-data test: ${ordersFile} is absent`);

const ORDERS = `customer_id,order_date,revenue
a,2006-12-30,100
b,2006-01-01,10
a,2006-12-01,50
c,2006-06-15,30
d,2006-11-20,70
e,2005-12-31,5
`;

const run = (args: string[]) => runAnalyze(registerRfmCommand, ["rfm", ...args]) as Promise<RfmCommandOutput>;

describe("kexin analyze rfm", () => {
  it("prints breakpoints and scored customers", async () => {
    const orders = writeTempFiles({ "orders.csv": ORDERS })["orders.csv"];
    const out = await run(["--orders", orders, "--analysis-date", "2006-12-31"]);
    expect(Object.keys(out)).toEqual(["breakpoints", "customers"]);
    expect(out.customers.map((c) => c.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(out.customers[0]).toEqual({
      id: "a", recencyDays: 1, frequency: 2, monetary: 150, r: 5, f: 4, m: 5, score: 545, segment: "Potential Loyalist",
    });
    // rfm's "+1" on the breakpoints: frequency 1,1,1,1,2 → breakpoints 2, 2, 2, 2.2, so 2 orders score F = 4;
    // recency breakpoints 34, 136.8, 266, 365.2, so 365 days still scores R = 2.
    expect(out.breakpoints.frequency.map((b) => +b.toFixed(10))).toEqual([2, 2, 2, 2.2]);
    expect(out.customers[4]).toMatchObject({ id: "e", recencyDays: 365, r: 2 });
  });

  it("reads quoted CSV (csv-parse fallback), semicolons and custom column names", async () => {
    const { "quoted.csv": quoted, "semi.csv": semi } = writeTempFiles({
      "quoted.csv": `who,when,amount\n"Smith, J",2006-12-30,"100"\nb,2006-01-01,10\n`,
      "semi.csv": `who;when;amount\nSmith J;2006-12-30;100\nb;2006-01-01;10\n`,
    });
    const args = ["--analysis-date", "2006-12-31", "--customer-col", "who", "--date-col", "when", "--amount-col", "amount"];
    const a = await run(["--orders", quoted, ...args]);
    const b = await run(["--orders", semi, ...args]);
    expect(a.customers.map((c) => c.id)).toEqual(["Smith, J", "b"]);
    expect(a.customers[0]).toMatchObject({ recencyDays: 1, frequency: 1, monetary: 100 });
    expect(b.customers.map((c) => [c.recencyDays, c.score])).toEqual(a.customers.map((c) => [c.recencyDays, c.score]));
  });

  it("rejects bad input with a UsageError naming the problem", async () => {
    const files = writeTempFiles({
      "no-col.csv": "customer,order_date,revenue\na,2006-01-01,1\n",
      "bad-date.csv": "customer_id,order_date,revenue\na,2006-01-01,1\nb,01/02/2006,3\n",
      "bad-amount.csv": "customer_id,order_date,revenue\na,2006-01-01,1\nb,2006-01-02,1\nc,2006-01-03,twelve\n",
      "empty.csv": "customer_id,order_date,revenue\n",
      "quoted-bad.csv": 'customer_id,order_date,revenue\n"a",2006-01-01,x1\n',
    });
    const date = ["--analysis-date", "2006-12-31"];
    await expect(run(["--orders", files["no-col.csv"], ...date])).rejects.toThrow(/has no column "customer_id" \(columns: customer, order_date, revenue\)/);
    await expect(run(["--orders", files["bad-date.csv"], ...date])).rejects.toThrow(/line 3: order_date "01\/02\/2006" is not a date/);
    await expect(run(["--orders", files["bad-amount.csv"], ...date])).rejects.toThrow(/line 4: revenue "twelve" is not a number/);
    await expect(run(["--orders", files["quoted-bad.csv"], ...date])).rejects.toThrow(/line 2: revenue "x1" is not a number/);
    await expect(run(["--orders", files["empty.csv"], ...date])).rejects.toThrow(UsageError);
    await expect(run(["--orders", files["bad-date.csv"], "--analysis-date", "2006-13-01"])).rejects.toThrow(/--analysis-date/);
    await expect(run(["--orders", "/nonexistent/orders.csv", ...date])).rejects.toThrow(/cannot read/);
  });

  it.skipIf(!hasShared)("matches rfm's published scores on rfm_data_orders", async () => {
    const out = await run(["--orders", ordersFile, "--analysis-date", "2006-12-31"]);
    expect(out.customers).toHaveLength(995);
    expect(out.breakpoints.frequency).toEqual([4, 5, 6, 8]);
    expect(out.customers.find((c) => c.id === "Abbey O'Reilly")).toMatchObject({ recencyDays: 205, score: 343, segment: "Potential Loyalist" });
  });
});
