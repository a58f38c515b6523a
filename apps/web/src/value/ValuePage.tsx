/**
 * Value and tiers: the tier distribution, the rule editor with its preview matrix, the Pareto view, the priority
 * order and the value settings. Recomputing on demand needs tier.write (a background job; it also runs every night).
 */
import { Alert, Card, Col, Row, Skeleton, Space, Statistic, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDateTime, formatMoney, formatNumber, formatShare } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { ParetoPanel } from "./ParetoPanel.tsx";
import { PriorityPanel } from "./PriorityPanel.tsx";
import { RecomputeButton } from "./RecomputeButton.tsx";
import { TierRuleEditor } from "./TierRuleEditor.tsx";
import { TIER_CHART_COLORS } from "./TierTag.tsx";
import { ValueSettingsPanel } from "./ValueSettingsPanel.tsx";
import { getTierRules, getValueOverview } from "./value-api.ts";

export default function ValuePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const errorText = useErrorText();
  const canWrite = can(me.role, "tier.write");
  const [reloads, setReloads] = useState(0);
  const overview = useApiData(getValueOverview, [reloads]);
  const rules = useApiData(getTierRules, [reloads]);
  const reload = () => setReloads((count) => count + 1);

  const data = overview.data;
  const lastRun = data?.lastRun;
  return (
    <>
      <PageTitle title={t("value.title")} extra={canWrite && <RecomputeButton onDone={reload} />} />
      {overview.error ? (
        <Alert type="error" showIcon title={errorText(overview.error)} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Typography.Text type="secondary" data-testid="value-last-run">
            {lastRun
              ? t("value.lastRun", {
                  at: formatDateTime(locale, lastRun.computedAt),
                  buyers: formatNumber(locale, lastRun.buyers),
                  transactions: formatNumber(locale, lastRun.transactions),
                  seconds: (lastRun.durationMs / 1000).toFixed(1),
                })
              : t("value.neverRun")}
          </Typography.Text>
          {lastRun?.model.note && <Alert type="info" showIcon title={t("value.modelNote", { note: lastRun.model.note })} />}
          <Row gutter={[16, 16]}>
            {data.tiers.map((tier) => (
              <Col xs={24} sm={12} xl={6} key={tier.tier}>
                <Card size="small" style={{ borderTop: `3px solid ${TIER_CHART_COLORS[tier.tier]}` }} data-testid={`tier-card-${tier.tier}`}>
                  <Statistic
                    title={t(`value.tiers.${tier.tier}`)}
                    value={tier.customers}
                    formatter={(value) => <span data-testid={`tier-count-${tier.tier}`}>{formatNumber(locale, Number(value))}</span>}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {tier.overridden > 0 && <div>{t("value.card.overridden", { count: tier.overridden })}</div>}
                    <div>{t("value.card.revenue")}：{formatMoney(locale, tier.revenue, 0)}</div>
                    <div>{t("value.card.grossProfit")}：{formatMoney(locale, tier.grossProfit, 0)}</div>
                    <div>{t("value.card.clv")}：{formatMoney(locale, tier.clv, 0)}</div>
                    <div>{t("value.card.pAlive")}：{tier.averagePAlive === null ? "—" : formatShare(locale, tier.averagePAlive, 0)}</div>
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          {data.withoutTier > 0 && <Alert type="info" showIcon title={t("value.withoutTier", { count: data.withoutTier })} />}
          <Card size="small">
            <Tabs
              items={[
                {
                  key: "rules",
                  label: t("value.tabs.rules"),
                  children: rules.data ? <TierRuleEditor saved={rules.data} canWrite={canWrite} onSaved={reload} /> : <Skeleton active />,
                },
                { key: "pareto", label: t("value.tabs.pareto"), children: <ParetoPanel key={reloads} /> },
                { key: "priority", label: t("value.tabs.priority"), children: <PriorityPanel key={reloads} /> },
                { key: "settings", label: t("value.tabs.settings"), children: <ValueSettingsPanel canWrite={canWrite} /> },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
