/** Email and password; the language can be chosen before signing in. */
import { LockOutlined, MailOutlined } from "@ant-design/icons";
import type { LoginRequest } from "@kexin/contracts";
import { Alert, Button, Card, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { useSession } from "../auth/useSession.ts";
import { LanguageSwitch } from "../layout/LanguageSwitch.tsx";

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [error, setError] = useState<string>();
  const [isSubmitting, setSubmitting] = useState(false);

  async function submit(values: LoginRequest) {
    setSubmitting(true);
    setError(undefined);
    try {
      await signIn(values);
    } catch (caught) {
      const isNetwork = caught instanceof ApiError && caught.code === "network";
      const isRateLimited = caught instanceof ApiError && caught.status === 429;
      setError(isNetwork ? t("errors.network") : isRateLimited && caught instanceof ApiError ? caught.message : t("signIn.failed"));
      setSubmitting(false);
    }
  }

  return (
    <div className="kexin-sign-in">
      <Card style={{ width: 380, boxShadow: "0 8px 24px rgba(0,0,0,0.08)" }}>
        <Space orientation="vertical" size="large" style={{ width: "100%" }}>
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t("signIn.title")}
              </Typography.Title>
              <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
            </div>
            <LanguageSwitch />
          </div>
          {error && <Alert type="error" showIcon title={error} />}
          <Form<LoginRequest> layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="email" label={t("signIn.email")} rules={[{ required: true, message: t("signIn.emailRequired") }, { type: "email" }]}>
              <Input prefix={<MailOutlined />} autoComplete="username" data-testid="login-email" />
            </Form.Item>
            <Form.Item name="password" label={t("signIn.password")} rules={[{ required: true, message: t("signIn.passwordRequired") }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="login-submit">
              {t("signIn.submit")}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
