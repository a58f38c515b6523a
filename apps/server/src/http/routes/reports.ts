/** Survey reports computed with packages/analytics, and their Excel export. */
import type { AnyRoute } from "../route.ts";

export const reportRoutes: AnyRoute[] = [];
