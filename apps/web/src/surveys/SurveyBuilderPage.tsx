/** The survey builder (placeholder until its page is built). */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function SurveyBuilderPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("surveys.title")}</Typography.Title>;
}
