/** Personal email invitations: the form to send them, and every invitation with its delivery status. */
import type { Locale, Store, SurveyInvitation } from "@kexin/contracts";
import { Alert, Card, Divider, Segmented, Table, Tag, Typography, type TableProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { listInvitations } from "../../api/distribution-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { useErrorText } from "../../layout/useErrorText.ts";
import { InviteForm } from "./InviteForm.tsx";
import { RemindButton } from "./RemindButton.tsx";

type Status = SurveyInvitation["status"];
const STATUS_COLORS: Record<Status, string> = { pending: "default", sent: "blue", failed: "red", answered: "green" };
const STATUSES: Status[] = ["pending", "sent", "failed", "answered"];
const PAGE_SIZE = 20;

export function InvitationsSection({ surveyId, languages, stores, isLive, mayDistribute }: {
  surveyId: string;
  languages: Locale[];
  stores: Store[];
  isLive: boolean;
  mayDistribute: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const errorText = useErrorText();
  const [status, setStatus] = useState<Status | "all">("all");
  const [page, setPage] = useState(1);
  const [reloads, setReloads] = useState(0);
  const invitations = useApiData(
    () => listInvitations(surveyId, { page, pageSize: PAGE_SIZE, status: status === "all" ? undefined : status }),
    [surveyId, page, status, reloads],
  );
  const reload = () => setReloads((count) => count + 1);
  const when = (value: string | null) => <span className="kexin-nowrap">{value ? formatDateTime(locale, value) : t("common.none")}</span>;

  const columns: TableProps<SurveyInvitation>["columns"] = [
    {
      key: "customer",
      title: t("distribution.invitations.customer"),
      render: (_, invitation) =>
        invitation.customerId ? (
          <Link to={`/customers/${invitation.customerId}`}>{invitation.customerName ?? t("common.none")}</Link>
        ) : (
          (invitation.customerName ?? t("common.none"))
        ),
    },
    { key: "email", title: t("distribution.invitations.email"), dataIndex: "email" },
    {
      key: "status",
      title: t("distribution.invitations.status"),
      width: 100,
      render: (_, invitation) => (
        <Tag color={STATUS_COLORS[invitation.status]} data-testid={`invitation-status-${invitation.id}`}>
          {t(`distribution.invitationStatus.${invitation.status}`)}
        </Tag>
      ),
    },
    { key: "sentAt", title: t("distribution.invitations.sentAt"), render: (_, invitation) => when(invitation.sentAt) },
    { key: "remindedAt", title: t("distribution.invitations.remindedAt"), render: (_, invitation) => when(invitation.remindedAt) },
    { key: "answeredAt", title: t("distribution.invitations.answeredAt"), render: (_, invitation) => when(invitation.answeredAt) },
    {
      key: "error",
      title: t("distribution.invitations.error"),
      render: (_, invitation) =>
        invitation.error ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: invitation.error }} style={{ maxWidth: 220 }}>
            {invitation.error}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <Card title={t("distribution.invitations.title")}>
      <Typography.Paragraph type="secondary">{t("distribution.invitations.hint")}</Typography.Paragraph>
      {mayDistribute && (
        <>
          <InviteForm surveyId={surveyId} languages={languages} stores={stores} isLive={isLive} onSent={reload} />
          <Divider />
        </>
      )}
      <div className="kexin-section-toolbar">
        <Typography.Title level={5}>{t("distribution.invitations.listTitle")}</Typography.Title>
        <div className="kexin-section-toolbar-actions">
          <Segmented<Status | "all">
            value={status}
            onChange={(next) => {
              setStatus(next);
              setPage(1);
            }}
            options={(["all", ...STATUSES] as const).map((value) => ({ value, label: t(`distribution.invitationStatus.${value}`) }))}
            data-testid="invite-status-filter"
          />
          {mayDistribute && <RemindButton surveyId={surveyId} disabled={!isLive} onReminded={reload} />}
        </div>
      </div>
      {invitations.error ? (
        <Alert type="error" showIcon title={errorText(invitations.error)} />
      ) : (
        <Table<SurveyInvitation>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={invitations.data?.items}
          loading={invitations.isLoading}
          scroll={{ x: 900 }}
          locale={{ emptyText: t("distribution.invitations.empty") }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: invitations.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t("common.total", { count: total }),
            onChange: setPage,
          }}
        />
      )}
    </Card>
  );
}
