/** The reports of one survey (placeholder until its page is built). */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function SurveyReportPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("reports.title")}</Typography.Title>;
}
