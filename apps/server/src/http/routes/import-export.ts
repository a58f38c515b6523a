import type { AnyRoute } from "../route.ts";

export const importExportRoutes: AnyRoute[] = [];
