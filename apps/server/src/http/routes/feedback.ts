/** The feedback inbox. */
import type { AnyRoute } from "../route.ts";

export const feedbackRoutes: AnyRoute[] = [];
