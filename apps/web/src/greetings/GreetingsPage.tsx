/**
 * Greetings & letters (问候与信函): templates with a live preview, occasion rules, campaigns to a segment, the
 * letters sent with their status, and the quiet hours. The tab lives in the address (?tab=campaigns).
 */
import { Alert, Skeleton, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { CampaignsPanel } from "./CampaignsPanel.tsx";
import { DeliveriesPanel } from "./DeliveriesPanel.tsx";
import { getGreetingSettings, listCampaigns, listRules, listTemplates } from "./greetings-api.ts";
import { RulesPanel } from "./RulesPanel.tsx";
import { SettingsPanel } from "./SettingsPanel.tsx";
import { TemplatesPanel } from "./TemplatesPanel.tsx";
import "./greetings.css";

const TABS = ["templates", "rules", "campaigns", "deliveries", "settings"] as const;
type Tab = (typeof TABS)[number];

export default function GreetingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const errorText = useErrorText();
  const canWrite = can(me.role, "greeting.write");
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((value) => value === params.get("tab")) ?? "templates";
  const [reloads, setReloads] = useState(0);
  const reload = () => setReloads((count) => count + 1);
  const { data, error } = useApiData(
    async () => {
      const [templates, rules, campaigns, settings] = await Promise.all([listTemplates(), listRules(), listCampaigns(), getGreetingSettings()]);
      return { templates: templates.items, rules: rules.items, campaigns: campaigns.items, settings };
    },
    [reloads],
  );

  return (
    <>
      <PageTitle title={t("greetings.title")} testId="greetings-title" />
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(next) => setParams({ tab: next })}
          data-testid="greetings-tabs"
          items={[
            { key: "templates", label: t("greetings.tabs.templates"), children: <TemplatesPanel templates={data.templates} canWrite={canWrite} onSaved={reload} /> },
            { key: "rules", label: t("greetings.tabs.rules"), children: <RulesPanel rules={data.rules} templates={data.templates} canWrite={canWrite} onChanged={reload} /> },
            {
              key: "campaigns",
              label: t("greetings.tabs.campaigns"),
              children: <CampaignsPanel campaigns={data.campaigns} templates={data.templates} canWrite={canWrite} onChanged={reload} />,
            },
            { key: "deliveries", label: t("greetings.tabs.deliveries"), children: <DeliveriesPanel canWrite={canWrite} /> },
            { key: "settings", label: t("greetings.tabs.settings"), children: <SettingsPanel settings={data.settings} canWrite={canWrite} onSaved={reload} /> },
          ]}
        />
      )}
    </>
  );
}
