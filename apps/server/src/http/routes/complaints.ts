/** Complaints, SLAs and recovery. TODO(issue 5): being written. */
import type { AnyRoute } from "../route.ts";

export const complaintRoutes: AnyRoute[] = [];
