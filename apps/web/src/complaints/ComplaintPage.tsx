/** One complaint: timers, replies, notes, escalation, resolution. TODO(issue 5): being written. */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function ComplaintPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("complaints.title")}</Typography.Title>;
}
