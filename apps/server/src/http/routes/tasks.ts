/** Tasks: closed-loop follow-ups and, later, plan calls. */
import type { AnyRoute } from "../route.ts";

export const taskRoutes: AnyRoute[] = [];
