/** Public links, QR codes and personal invitations. */
import type { AnyRoute } from "../route.ts";

export const surveyDistributionRoutes: AnyRoute[] = [];
