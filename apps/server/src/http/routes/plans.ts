/** Maintenance plans per tier. TODO(issue 5): being written. */
import type { AnyRoute } from "../route.ts";

export const planRoutes: AnyRoute[] = [];
