/** The signed-in frame: a role-aware side menu, the header with language and account, and the page. */
import {
  AlertOutlined,
  AuditOutlined,
  CrownOutlined,
  FallOutlined,
  FieldTimeOutlined,
  GiftOutlined,
  ScheduleOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  FormOutlined,
  MessageOutlined,
  DashboardOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from "@ant-design/icons";
import { Avatar, Button, Dropdown, Layout, Menu, Space, Typography, type MenuProps } from "antd";
import { Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router-dom";
import { can } from "../auth/permissions.ts";
import { useMe, useSession } from "../auth/useSession.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { PageSpinner } from "./PageSpinner.tsx";

interface NavEntry {
  key: string;
  path: string;
  icon: ReactNode;
  label: string;
  testId: string;
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const location = useLocation();

  const entries: NavEntry[] = [
    { key: "home", path: "/", icon: <DashboardOutlined />, label: t("nav.home"), testId: "nav-home" },
    { key: "customers", path: "/customers", icon: <TeamOutlined />, label: t("nav.customers"), testId: "nav-customers" },
  ];
  if (can(me.role, "survey.read")) {
    entries.push({ key: "surveys", path: "/surveys", icon: <FormOutlined />, label: t("nav.surveys"), testId: "nav-surveys" });
  }
  if (can(me.role, "feedback.read")) {
    entries.push({ key: "feedback", path: "/feedback", icon: <MessageOutlined />, label: t("nav.feedback"), testId: "nav-feedback" });
  }
  if (can(me.role, "task.read")) {
    entries.push({ key: "tasks", path: "/tasks", icon: <CheckSquareOutlined />, label: t("nav.tasks"), testId: "nav-tasks" });
  }
  if (can(me.role, "complaint.read")) {
    entries.push({ key: "complaints", path: "/complaints", icon: <AlertOutlined />, label: t("nav.complaints"), testId: "nav-complaints" });
  }
  if (can(me.role, "value.read")) {
    entries.push({ key: "value", path: "/value", icon: <CrownOutlined />, label: t("nav.value"), testId: "nav-value" });
    entries.push({ key: "churn", path: "/churn", icon: <FallOutlined />, label: t("nav.churn"), testId: "nav-churn" });
  }
  if (can(me.role, "task.read")) {
    entries.push({ key: "plans", path: "/plans", icon: <ScheduleOutlined />, label: t("nav.plans"), testId: "nav-plans" });
  }
  if (can(me.role, "greeting.read")) {
    entries.push({ key: "greetings", path: "/greetings", icon: <GiftOutlined />, label: t("nav.greetings"), testId: "nav-greetings" });
  }
  if (can(me.role, "data.import")) {
    entries.push({ key: "import", path: "/import", icon: <CloudUploadOutlined />, label: t("nav.import"), testId: "nav-import" });
  }
  if (can(me.role, "user.admin")) {
    entries.push({ key: "users", path: "/users", icon: <UsergroupAddOutlined />, label: t("nav.users"), testId: "nav-users" });
  }
  if (can(me.role, "audit.read")) {
    entries.push({ key: "audit", path: "/audit", icon: <AuditOutlined />, label: t("nav.audit"), testId: "nav-audit" });
    entries.push({ key: "jobs", path: "/jobs", icon: <FieldTimeOutlined />, label: t("nav.jobs"), testId: "nav-jobs" });
  }
  const selected = entries.filter((entry) => entry.path !== "/").find((entry) => location.pathname.startsWith(entry.path));
  const items: MenuProps["items"] = entries.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <Link to={entry.path} data-testid={entry.testId}>
        {entry.label}
      </Link>
    ),
  }));

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={64} theme="dark" width={208}>
        <div className="kexin-brand">
          <span className="kexin-brand-mark">客</span>
          <span className="kexin-brand-name">{t("app.name")}</span>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected?.key ?? "home"]} items={items} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="kexin-header">
          <Typography.Text type="secondary" ellipsis>
            {me.organisation.name}
          </Typography.Text>
          <Space size="middle">
            <LanguageSwitch />
            <Dropdown
              trigger={["click"]}
              menu={{
                items: [{ key: "sign-out", icon: <LogoutOutlined />, label: t("app.signOut") }],
                onClick: () => void signOut(),
              }}
            >
              <Button type="text" data-testid="account-menu">
                <Avatar size="small" icon={<UserOutlined />} />
                <span>{me.name}</span>
                <Typography.Text type="secondary">{t(`roles.${me.role}`)}</Typography.Text>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="kexin-content">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
