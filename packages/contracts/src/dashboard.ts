import { z } from "zod";

export const DashboardSummary = z.object({
  customers: z.number().int(),
  /** Customers with a purchase in the last 90 days. */
  activeCustomers: z.number().int(),
  purchasesLast365Days: z.number().int(),
  revenueLast365Days: z.number(),
  monthly: z.array(
    z.object({ month: z.string(), purchases: z.number().int(), revenue: z.number(), newCustomers: z.number().int() }),
  ),
  byStore: z.array(
    z.object({ storeId: z.string(), storeName: z.string(), customers: z.number().int(), revenue: z.number() }),
  ),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;
