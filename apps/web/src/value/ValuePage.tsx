/** Value and tiers: RFM, CLV, P(alive), tier rules and the Pareto view. TODO(issue 5): being written. */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function ValuePage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("value.title")}</Typography.Title>;
}
