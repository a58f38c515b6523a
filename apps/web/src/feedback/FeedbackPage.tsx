/** The feedback inbox (placeholder until its page is built). */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function FeedbackPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("feedback.title")}</Typography.Title>;
}
