/** A customer's complaints on their page: number, reason, status and the resolution timer, newest first. */
import { Card, Empty, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useApiData } from "../api/useApiData.ts";
import { formatDate } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { listComplaints } from "./complaints-api.ts";
import { ComplaintStatusTag, SlaBadge } from "./SlaBadge.tsx";

const SHOWN = 5;

export function CustomerComplaintsCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { data } = useApiData(() => listComplaints({ customerId, pageSize: SHOWN }), [customerId]);
  if (!data || data.total === 0) return null;
  return (
    <Card title={`${t("complaints.customerCard.title")} (${data.total})`} size="small" data-testid="customer-complaints">
      {data.items.length === 0 ? (
        <Empty description={t("complaints.customerCard.none")} />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(item) => (
            <List.Item>
              <Space wrap>
                <Link to={`/complaints/${item.id}`}>{item.number}</Link>
                <Typography.Text>{item.subject}</Typography.Text>
                <Tag>{t(`complaints.categories.${item.category}`)}</Tag>
                <ComplaintStatusTag status={item.status} />
                {(item.status === "open" || item.status === "in_progress") && <SlaBadge timer={item.resolution} />}
                <Typography.Text type="secondary">{formatDate(locale, item.createdAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
