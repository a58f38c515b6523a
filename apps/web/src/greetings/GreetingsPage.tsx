/** Greeting templates, occasions and campaigns. TODO(issue 5): being written. */
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

export default function GreetingsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t("greetings.title")}</Typography.Title>;
}
