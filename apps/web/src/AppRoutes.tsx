/** Every page, loaded on demand; signed-out visitors see the sign-in page at whatever address they opened. */
import { lazy, Suspense, type ReactNode } from "react";
import { Route, Routes } from "react-router-dom";
import { can, type Permission } from "./auth/permissions.ts";
import { useMe, useSession } from "./auth/useSession.ts";
import { AppLayout } from "./layout/AppLayout.tsx";
import { PageSpinner } from "./layout/PageSpinner.tsx";
import { ForbiddenPage, NotFoundPage } from "./pages/ErrorPages.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";

const HomePage = lazy(() => import("./pages/HomePage.tsx"));
const CustomersPage = lazy(() => import("./customers/CustomersPage.tsx"));
const CustomerPage = lazy(() => import("./customers/CustomerPage.tsx"));
const ImportPage = lazy(() => import("./imports/ImportPage.tsx"));
const UsersPage = lazy(() => import("./admin/UsersPage.tsx"));
const AuditPage = lazy(() => import("./admin/AuditPage.tsx"));
const JobsPage = lazy(() => import("./admin/JobsPage.tsx"));
const SurveysPage = lazy(() => import("./surveys/SurveysPage.tsx"));
const SurveyBuilderPage = lazy(() => import("./surveys/SurveyBuilderPage.tsx"));
const SurveyDistributionPage = lazy(() => import("./surveys/SurveyDistributionPage.tsx"));
const LinkCardPage = lazy(() => import("./surveys/distribution/LinkCardPage.tsx"));
const SurveyReportPage = lazy(() => import("./reports/SurveyReportPage.tsx"));
const FeedbackPage = lazy(() => import("./feedback/FeedbackPage.tsx"));
const TasksPage = lazy(() => import("./tasks/TasksPage.tsx"));
const ValuePage = lazy(() => import("./value/ValuePage.tsx"));
const ChurnPage = lazy(() => import("./value/ChurnPage.tsx"));
const PlansPage = lazy(() => import("./plans/PlansPage.tsx"));
const GreetingsPage = lazy(() => import("./greetings/GreetingsPage.tsx"));
const ComplaintsPage = lazy(() => import("./complaints/ComplaintsPage.tsx"));
const ComplaintPage = lazy(() => import("./complaints/ComplaintPage.tsx"));

function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return can(me.role, permission) ? children : <ForbiddenPage />;
}

export function AppRoutes() {
  const { state } = useSession();
  if (state.status === "loading") return <PageSpinner />;
  if (state.status === "signed-out") return <SignInPage />;
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="customers" element={<CustomersPage />} />
          <Route path="customers/:customerId" element={<CustomerPage />} />
          <Route path="import" element={<Allowed permission="data.import"><ImportPage /></Allowed>} />
          <Route path="users" element={<Allowed permission="user.admin"><UsersPage /></Allowed>} />
          <Route path="audit" element={<Allowed permission="audit.read"><AuditPage /></Allowed>} />
          <Route path="jobs" element={<Allowed permission="audit.read"><JobsPage /></Allowed>} />
          <Route path="surveys" element={<Allowed permission="survey.read"><SurveysPage /></Allowed>} />
          <Route path="surveys/:surveyId/edit" element={<Allowed permission="survey.read"><SurveyBuilderPage /></Allowed>} />
          <Route path="surveys/:surveyId/distribute" element={<Allowed permission="survey.read"><SurveyDistributionPage /></Allowed>} />
          <Route path="surveys/:surveyId/links/:linkId/card" element={<Allowed permission="survey.read"><LinkCardPage /></Allowed>} />
          <Route path="surveys/:surveyId/report/:reportKind?" element={<Allowed permission="report.read"><SurveyReportPage /></Allowed>} />
          <Route path="feedback" element={<Allowed permission="feedback.read"><FeedbackPage /></Allowed>} />
          <Route path="tasks" element={<Allowed permission="task.read"><TasksPage /></Allowed>} />
          <Route path="value" element={<Allowed permission="value.read"><ValuePage /></Allowed>} />
          <Route path="churn" element={<Allowed permission="value.read"><ChurnPage /></Allowed>} />
          <Route path="plans" element={<Allowed permission="task.read"><PlansPage /></Allowed>} />
          <Route path="greetings" element={<Allowed permission="greeting.read"><GreetingsPage /></Allowed>} />
          <Route path="complaints" element={<Allowed permission="complaint.read"><ComplaintsPage /></Allowed>} />
          <Route path="complaints/:complaintId" element={<Allowed permission="complaint.read"><ComplaintPage /></Allowed>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
