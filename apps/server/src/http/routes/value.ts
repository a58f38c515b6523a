/** Customer value, tiers, Pareto and churn. TODO(issue 5): being written. */
import type { AnyRoute } from "../route.ts";

export const valueRoutes: AnyRoute[] = [];
