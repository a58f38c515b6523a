import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result status="404" title="404" subTitle={t("app.notFound")} extra={<Link to="/"><Button type="primary">{t("app.backHome")}</Button></Link>} />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result status="403" title="403" subTitle={t("app.forbidden")} extra={<Link to="/"><Button type="primary">{t("app.backHome")}</Button></Link>} />
  );
}
