import type { AnyRoute } from "../route.ts";

export const dashboardRoutes: AnyRoute[] = [];
