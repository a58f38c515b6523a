/** What one send did: invitations created, sent, failed, still queued, and each skipped customer with the reason. */
import { Alert, Space, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { InvitationSendResult } from "../../api/distribution-api.ts";

/** Enough names per reason to check; the rest are counted. */
const SHOWN_NAMES = 10;

type SkipReason = InvitationSendResult["skipped"][number]["reason"];

export function InvitationResult({ result, names, onClose }: {
  result: InvitationSendResult;
  names: Map<string, string>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const queued = result.created - result.sent - result.failed;
  const skippedByReason = new Map<SkipReason, string[]>();
  for (const skip of result.skipped) {
    const customerIds = skippedByReason.get(skip.reason) ?? [];
    customerIds.push(skip.customerId);
    skippedByReason.set(skip.reason, customerIds);
  }
  const type = result.failed > 0 ? "warning" : result.created === 0 ? "info" : "success";
  return (
    <Alert
      type={type}
      showIcon
      closable={{ onClose }}
      title={t("distribution.invitations.resultTitle")}
      data-testid="invite-result"
      description={
        <>
          <Space size="large" wrap className="kexin-invite-counts">
            <Statistic title={t("distribution.invitations.created")} value={result.created} />
            <Statistic title={t("distribution.invitations.sent")} value={result.sent} />
            <Statistic title={t("distribution.invitations.failed")} value={result.failed} />
            <Statistic title={t("distribution.invitations.skipped")} value={result.skipped.length} />
          </Space>
          {queued > 0 && <Typography.Paragraph>{t("distribution.invitations.queued", { count: queued })}</Typography.Paragraph>}
          {skippedByReason.size > 0 && (
            <ul className="kexin-invite-skipped" data-testid="invite-skipped">
              {[...skippedByReason].map(([reason, customerIds]) => (
                <li key={reason}>
                  <Typography.Text strong>
                    {t(`distribution.invitations.skippedReasons.${reason}`)} ({customerIds.length})
                  </Typography.Text>
                  {"  "}
                  <Typography.Text type="secondary">
                    {customerIds.slice(0, SHOWN_NAMES).map((id) => names.get(id) ?? id).join(", ")}
                    {customerIds.length > SHOWN_NAMES ? " …" : ""}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
