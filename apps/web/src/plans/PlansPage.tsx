/**
 * Maintenance plans: one card per tier (VIP客户 first) to edit its actions, a "generate now" button that says how
 * many tasks it created, and the trend of the B2B service figures the calls record. Plans are read by everyone who
 * works tasks; plan.write edits them.
 */
import { ThunderboltOutlined } from "@ant-design/icons";
import type { PlanGeneration } from "@kexin/contracts";
import { Alert, App, Button, Col, Row, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { PlanCard } from "./PlanCard.tsx";
import { listPlans, regeneratePlanTasks } from "./plans-api.ts";
import { ServiceFiguresReport } from "./ServiceFiguresReport.tsx";
import "./plans.css";

export default function PlansPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const mayWrite = can(me.role, "plan.write");
  const [reloads, setReloads] = useState(0);
  const [isGenerating, setGenerating] = useState(false);
  const [generation, setGeneration] = useState<PlanGeneration>();
  const { data, error } = useApiData(() => listPlans(), [reloads]);

  async function regenerate() {
    setGenerating(true);
    try {
      setGeneration(await regeneratePlanTasks());
      setReloads((count) => count + 1);
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setGenerating(false);
    }
  }

  return (
    <>
      <PageTitle
        title={t("plans.title")}
        extra={
          mayWrite && (
            <Button type="primary" icon={<ThunderboltOutlined />} loading={isGenerating} onClick={() => void regenerate()} data-testid="plans-regenerate">
              {t("plans.regenerate")}
            </Button>
          )
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" className="kexin-plan-intro">
          {t("plans.intro")}
        </Typography.Paragraph>
        {generation && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setGeneration(undefined) }}
            title={t("plans.regenerated", {
              from: formatDate(locale, generation.horizonStart),
              to: formatDate(locale, generation.horizonEnd),
              created: generation.created,
              dismissed: generation.dismissed,
              reopened: generation.reopened,
            })}
            data-testid="plans-generation"
          />
        )}
        {!mayWrite && <Alert type="info" showIcon title={t("plans.readOnly")} />}
        {error ? (
          <Alert type="error" showIcon title={errorText(error)} />
        ) : !data ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Row gutter={[16, 16]}>
            {data.items.map((plan) => (
              <Col key={`${plan.id}-${reloads}`} xs={24} xxl={12}>
                <PlanCard plan={plan} isReadOnly={!mayWrite} onSaved={() => setReloads((count) => count + 1)} />
              </Col>
            ))}
          </Row>
        )}
        {can(me.role, "report.read") && <ServiceFiguresReport />}
      </Space>
    </>
  );
}
