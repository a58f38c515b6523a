/** Complaints (投诉): the tickets with their SLA timers, the report, and each store's complaint page and targets. */
import type { Store, User } from "@kexin/contracts";
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { listStores, listUsers } from "../api/admin-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { ComplaintList } from "./ComplaintList.tsx";
import { ComplaintReportPanel } from "./ComplaintReportPanel.tsx";
import { ComplaintSettingsPanel } from "./ComplaintSettingsPanel.tsx";

const NONE: never[] = [];

export default function ComplaintsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "list";
  const { data: stores } = useApiData<Store[]>(() => listStores(), []);
  const { data: users } = useApiData<User[]>(() => (can(me.role, "user.read") ? listUsers() : Promise.resolve([])), []);
  return (
    <>
      <PageTitle title={t("complaints.title")} testId="complaints-title" />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "list" ? {} : { tab: key })}
        destroyOnHidden
        items={[
          { key: "list", label: t("complaints.tabs.list"), children: <ComplaintList stores={stores ?? NONE} users={(users ?? NONE).filter((user) => !user.isDisabled)} /> },
          { key: "report", label: <span data-testid="complaints-tab-report">{t("complaints.tabs.report")}</span>, children: <ComplaintReportPanel /> },
          { key: "settings", label: <span data-testid="complaints-tab-settings">{t("complaints.tabs.settings")}</span>, children: <ComplaintSettingsPanel /> },
        ]}
      />
    </>
  );
}
