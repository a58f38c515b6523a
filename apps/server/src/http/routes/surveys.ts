/** Survey building, versions and templates (dashboard). */
import type { AnyRoute } from "../route.ts";

export const surveyRoutes: AnyRoute[] = [];
