/** One timeline of purchases, calls, visits, messages and notes, newest first, with an icon per kind. */
import {
  CheckSquareOutlined,
  FormOutlined,
  NotificationOutlined,
  CommentOutlined,
  CrownOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  SendOutlined,
  ShoppingCartOutlined,
  WarningOutlined,
  WechatOutlined,
} from "@ant-design/icons";
import type { DeliveryStatus, GreetingChannel, TimelineEvent } from "@kexin/contracts";
import type { TFunction } from "i18next";
import { Alert, Button, Empty, Space, Spin, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatMoney } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import type { TimelineState } from "./useTimeline.ts";

const ICONS: Record<TimelineEvent["kind"], { icon: ReactNode; color: string }> = {
  purchase: { icon: <ShoppingCartOutlined />, color: "#c8102e" },
  call: { icon: <PhoneOutlined />, color: "#1677ff" },
  visit: { icon: <EnvironmentOutlined />, color: "#13a8a8" },
  email: { icon: <MailOutlined />, color: "#722ed1" },
  sms: { icon: <MessageOutlined />, color: "#fa8c16" },
  wechat: { icon: <WechatOutlined />, color: "#52c41a" },
  note: { icon: <FileTextOutlined />, color: "#8c8c8c" },
  other: { icon: <CommentOutlined />, color: "#8c8c8c" },
  survey: { icon: <FormOutlined />, color: "#2f54eb" },
  feedback: { icon: <NotificationOutlined />, color: "#eb2f96" },
  task: { icon: <CheckSquareOutlined />, color: "#d4380d" },
  tier: { icon: <CrownOutlined />, color: "#d4b106" },
  message: { icon: <SendOutlined />, color: "#08979c" },
  complaint: { icon: <WarningOutlined />, color: "#cf1322" },
};

const PURCHASE_CHANNELS = ["store", "online", "wechat", "phone"] as const;

/** A purchase's summary is its sales channel: the usual ones in the reader's language, any other as imported. */
function purchaseText(event: TimelineEvent, t: TFunction): string {
  const channel = PURCHASE_CHANNELS.find((known) => known === event.summary);
  return [channel ? t(`timeline.channel.${channel}`) : event.summary, event.itemCount ? t("timeline.items", { count: event.itemCount }) : ""]
    .filter(Boolean)
    .join(" · ");
}

/** A letter's summary is "channel · status · subject"; channel and status are shown in the reader's language. */
function messageText(summary: string, t: TFunction): string {
  const [channel, status, ...subject] = summary.split(" · ") as [GreetingChannel, DeliveryStatus, ...string[]];
  return [t(`greetings.channels.${channel}`), t(`greetings.statuses.${status}`), subject.join(" · ")].filter(Boolean).join(" · ");
}

function EventContent({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  // A tier change's summary is "from→to" in tier keys, shown with the tier names in the reader's language.
  const tierChangeText = event.summary
    .split("→")
    .map((tier) => t(`value.tiers.${tier as "none"}`))
    .join(" → ");
  const details = [
    event.amount !== null ? t("timeline.amount", { amount: formatMoney(locale, event.amount) }) : undefined,
    event.storeName ? t("timeline.at", { store: event.storeName }) : undefined,
    event.actorName ? t("timeline.by", { name: event.actorName }) : undefined,
  ].filter(Boolean);
  return (
    <div data-testid="timeline-item" data-kind={event.kind}>
      <Space size="small" wrap>
        <Typography.Text strong>{t(`kinds.${event.kind}`)}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(locale, event.at)}</Typography.Text>
      </Space>
      <div className="kexin-pre">
        {event.kind === "tier"
          ? tierChangeText
          : event.kind === "message"
            ? messageText(event.summary, t)
            : event.kind === "purchase"
              ? purchaseText(event, t)
              : event.summary}
      </div>
      {event.body && (
        <Typography.Paragraph type="secondary" className="kexin-pre" style={{ marginBottom: 0 }} ellipsis={{ rows: 4, expandable: true }}>
          {event.body}
        </Typography.Paragraph>
      )}
      {details.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{details.join(" · ")}</Typography.Text>}
    </div>
  );
}

export function CustomerTimeline({ timeline }: { timeline: TimelineState }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { items, hasMore, isLoading, error, loadMore } = timeline;

  if (error && items.length === 0) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!isLoading && items.length === 0) return <Empty description={t("timeline.empty")} />;
  return (
    <>
      <Timeline
        items={items.map((event) => ({
          key: event.id,
          icon: <span style={{ color: ICONS[event.kind].color, fontSize: 16 }}>{ICONS[event.kind].icon}</span>,
          content: <EventContent event={event} />,
        }))}
      />
      <div style={{ textAlign: "center" }}>
        {isLoading ? (
          <Spin />
        ) : hasMore ? (
          <Button onClick={loadMore} data-testid="timeline-more">
            {t("common.loadMore")}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("common.noMore")}</Typography.Text>
        )}
      </div>
    </>
  );
}
