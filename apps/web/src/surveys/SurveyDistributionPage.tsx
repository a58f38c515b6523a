/**
 * Handing one survey out: its public and kiosk links with QR codes and printable cards, and personal email
 * invitations with their delivery status. Everyone who reads surveys sees it; only survey.distribute may change it.
 */
import { ArrowLeftOutlined, BarChartOutlined, EditOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { listStores } from "../api/admin-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { LOCALE_NAMES } from "../i18n/setup-i18n.ts";
import { PageSpinner } from "../layout/PageSpinner.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { InvitationsSection } from "./distribution/InvitationsSection.tsx";
import { LinksSection } from "./distribution/LinksSection.tsx";
import { useSurveyForDistribution } from "./distribution/useSurveyForDistribution.ts";
import { SurveyStatusTag } from "./SurveyStatusTag.tsx";
import "./distribution/distribution.css";

export default function SurveyDistributionPage() {
  const { surveyId = "" } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const errorText = useErrorText();
  const { data, error } = useSurveyForDistribution(surveyId);
  const stores = useApiData(() => listStores(), []);
  const mayDistribute = can(me.role, "survey.distribute");

  const back = (
    <Link to="/surveys">
      <ArrowLeftOutlined /> {t("distribution.back")}
    </Link>
  );
  if (error && !data) return <Alert type="error" showIcon title={errorText(error)} action={back} />;
  if (!data) return <PageSpinner />;
  const { survey, languages } = data;
  const isLive = survey.status === "live";

  return (
    <div className="kexin-distribution">
      {back}
      <div className="kexin-page-title" style={{ marginTop: 8 }}>
        <Space align="center" wrap>
          <Typography.Title level={3} data-testid="distribution-survey-name">
            {survey.name}
          </Typography.Title>
          <SurveyStatusTag status={survey.status} />
          <Tag data-testid="distribution-version">
            {survey.currentVersion === null ? t("distribution.unpublished") : t("distribution.version", { version: survey.currentVersion })}
          </Tag>
          <Typography.Text type="secondary">
            {t("distribution.languages", { languages: languages.map((locale) => LOCALE_NAMES[locale]).join(" / ") })}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Link to={`/surveys/${survey.id}/edit`}>
            <Button icon={<EditOutlined />}>{t("distribution.edit")}</Button>
          </Link>
          {can(me.role, "report.read") && (
            <Link to={`/surveys/${survey.id}/report`}>
              <Button icon={<BarChartOutlined />}>{t("distribution.report")}</Button>
            </Link>
          )}
        </Space>
      </div>
      {survey.status === "draft" && (
        <Alert
          type="warning"
          showIcon
          title={t("distribution.notLive.draftTitle")}
          description={t("distribution.notLive.draft")}
          action={
            can(me.role, "survey.write") && (
              <Link to={`/surveys/${survey.id}/edit`}>
                <Button size="small" type="primary">{t("distribution.notLive.publishFirst")}</Button>
              </Link>
            )
          }
          data-testid="distribution-not-live"
        />
      )}
      {survey.status === "closed" && (
        <Alert type="warning" showIcon title={t("distribution.notLive.closedTitle")} description={t("distribution.notLive.closed")} data-testid="distribution-not-live" />
      )}
      {isLive && survey.hasUnpublishedChanges && survey.currentVersion !== null && (
        <Alert type="info" showIcon title={t("distribution.pendingChanges", { version: survey.currentVersion })} />
      )}
      <LinksSection survey={survey} stores={stores.data ?? []} mayDistribute={mayDistribute} />
      <InvitationsSection
        surveyId={survey.id}
        languages={languages}
        stores={stores.data ?? []}
        isLive={isLive}
        mayDistribute={mayDistribute}
      />
    </div>
  );
}
