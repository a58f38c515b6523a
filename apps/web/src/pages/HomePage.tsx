/** Home: the organisation's headline figures and two charts, all from GET /api/dashboard/summary. */
import { Alert, Card, Col, Row, Skeleton, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { getDashboardSummary } from "../api/dashboard-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatMoney, formatNumber } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { FollowUpsCard } from "../tasks/FollowUpsCard.tsx";
import { MonthlyChart } from "./MonthlyChart.tsx";
import { StoreChart } from "./StoreChart.tsx";

export default function HomePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const me = useMe();
  const { data: summary, error } = useApiData(getDashboardSummary, []);

  if (error) return <Alert type="error" showIcon title={errorText(error)} />;

  const figures = [
    { key: "customers", title: t("home.customers"), value: summary && formatNumber(locale, summary.customers), testId: "home-customers" },
    { key: "active", title: t("home.activeCustomers"), value: summary && formatNumber(locale, summary.activeCustomers), testId: "home-active-customers" },
    { key: "purchases", title: t("home.purchases"), value: summary && formatNumber(locale, summary.purchasesLast365Days), testId: "home-purchases" },
    { key: "revenue", title: t("home.revenue"), value: summary && formatMoney(locale, summary.revenueLast365Days, 0), testId: "home-revenue" },
  ];

  return (
    <>
      <PageTitle title={t("home.title")} />
      <Row gutter={[16, 16]}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={24} sm={12} xl={6}>
            <Card>
              <Statistic
                title={figure.title}
                loading={!summary}
                valueRender={() => <span data-testid={figure.testId}>{figure.value}</span>}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {can(me.role, "task.read") && (
        <Row style={{ marginTop: 16 }}>
          <Col span={24}>
            <FollowUpsCard />
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={15}>
          <Card title={t("home.monthlyTitle")}>
            {summary ? <MonthlyChart monthly={summary.monthly} /> : <Skeleton active paragraph={{ rows: 8 }} />}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t("home.byStoreTitle")}>
            {summary ? <StoreChart byStore={summary.byStore} /> : <Skeleton active paragraph={{ rows: 8 }} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
