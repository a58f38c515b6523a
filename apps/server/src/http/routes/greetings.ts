/** Greeting templates, occasions and campaigns. TODO(issue 5): being written. */
import type { AnyRoute } from "../route.ts";

export const greetingRoutes: AnyRoute[] = [];
