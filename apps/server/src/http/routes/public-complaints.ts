/** The public complaint page's API. TODO(issue 5): being written. */
import type { AnyRoute } from "../route.ts";

export const publicComplaintRoutes: AnyRoute[] = [];
