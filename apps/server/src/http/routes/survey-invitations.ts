/** Personal survey invitations by email: single-use tokens, sending through SMTP, one reminder. */
import type { AnyRoute } from "../route.ts";

export const surveyInvitationRoutes: AnyRoute[] = [];
