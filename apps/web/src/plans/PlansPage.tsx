/** Maintenance plans per tier. TODO(issue 5): being written. */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function PlansPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("plans.title")}</Typography.Title>;
}
