/** Every API route, in one list: registration and the OpenAPI document both read it. */
import type { AnyRoute } from "../route.ts";
import { auditRoutes } from "./audit.ts";
import { authRoutes } from "./auth.ts";
import { customerRoutes } from "./customers.ts";
import { dashboardRoutes } from "./dashboard.ts";
import { healthRoutes } from "./health.ts";
import { importExportRoutes } from "./import-export.ts";
import { userRoutes } from "./users.ts";
import { surveyRoutes } from "./surveys.ts";
import { surveyDistributionRoutes } from "./survey-distribution.ts";
import { surveyInvitationRoutes } from "./survey-invitations.ts";
import { publicSurveyRoutes } from "./public-surveys.ts";
import { reportRoutes } from "./reports.ts";
import { feedbackRoutes } from "./feedback.ts";
import { taskRoutes } from "./tasks.ts";
import { valueRoutes } from "./value.ts";
import { planRoutes } from "./plans.ts";
import { greetingRoutes } from "./greetings.ts";
import { complaintRoutes } from "./complaints.ts";
import { publicComplaintRoutes } from "./public-complaints.ts";
import { jobRoutes } from "./jobs.ts";

export const allRoutes: AnyRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...dashboardRoutes,
  ...customerRoutes,
  ...importExportRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...surveyRoutes,
  ...surveyDistributionRoutes,
  ...surveyInvitationRoutes,
  ...publicSurveyRoutes,
  ...reportRoutes,
  ...feedbackRoutes,
  ...taskRoutes,
  ...valueRoutes,
  ...planRoutes,
  ...greetingRoutes,
  ...complaintRoutes,
  ...publicComplaintRoutes,
  ...jobRoutes,
];
