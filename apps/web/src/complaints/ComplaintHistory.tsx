/** A ticket's history: filed, replies, customer mail, notes, assignments, escalations, resolution, survey. */
import type { Complaint, ComplaintEvent } from "@kexin/contracts";
import { Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";

const COLORS: Partial<Record<ComplaintEvent["kind"], string>> = {
  filed: "blue",
  reply: "green",
  customer_reply: "purple",
  escalated: "red",
  resolved: "green",
  reopened: "orange",
  closed: "gray",
  note: "gray",
};

export function ComplaintHistory({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const title = (event: ComplaintEvent) => {
    switch (event.kind) {
      case "reply":
        return t("complaints.events.reply", { channel: t(`complaints.replyChannels.${event.channel ?? "email"}`) });
      case "assigned":
        return t("complaints.events.assigned", { name: event.body ?? t("complaints.unassigned") });
      case "status":
        return t("complaints.events.status", { status: event.toStatus ? t(`complaints.statuses.${event.toStatus}`) : "" });
      case "escalated":
        return t("complaints.events.escalated", { level: event.level, recipients: event.recipients.join(", ") || "—" });
      case "updated":
        return t("complaints.events.updated", { fields: event.body ?? "" });
      default:
        return t(`complaints.events.${event.kind}`);
    }
  };
  const hasBody = (event: ComplaintEvent) => ["note", "reply", "customer_reply", "resolved", "reopened", "recovery_survey"].includes(event.kind) && event.body;
  return (
    <Timeline
      data-testid="complaint-history"
      items={complaint.events.map((event) => ({
        color: COLORS[event.kind] ?? "blue",
        content: (
          <div data-testid={`complaint-event-${event.kind}`}>
            <Typography.Text strong>{title(event)}</Typography.Text>{" "}
            {event.isDelivered !== null && (
              <Tag color={event.isDelivered ? "green" : "red"}>{t(event.isDelivered ? "complaints.delivery.delivered" : "complaints.delivery.failed")}</Tag>
            )}
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(locale, event.createdAt)}
                {event.actorName ? ` · ${event.actorName}` : ""}
              </Typography.Text>
            </div>
            {hasBody(event) && <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{event.body}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}
