/** Tasks: follow-ups to work through (placeholder until its page is built). */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function TasksPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("tasks.title")}</Typography.Title>;
}
