/** The respondent's side: read a published version, save progress, submit. */
import type { AnyRoute } from "../route.ts";

export const publicSurveyRoutes: AnyRoute[] = [];
