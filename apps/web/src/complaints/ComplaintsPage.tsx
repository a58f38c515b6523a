/** Complaint tickets with SLA timers. TODO(issue 5): being written. */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function ComplaintsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("complaints.title")}</Typography.Title>;
}
