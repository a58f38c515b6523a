/** Churn: customers lost, reasons, lost value and the at-risk list. TODO(issue 5): being written. */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function ChurnPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("value.title")}</Typography.Title>;
}
