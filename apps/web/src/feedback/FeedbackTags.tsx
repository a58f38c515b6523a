/** The small coloured labels of the inbox: channel, sentiment and status. */
import type { FeedbackChannel, FeedbackStatus, SentimentBand } from "@kexin/contracts";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";

const CHANNEL_COLORS: Record<FeedbackChannel, string> = {
  phone: "blue",
  email: "purple",
  wechat: "green",
  weibo: "volcano",
  app_store: "geekblue",
  in_person: "cyan",
  web: "gold",
  other: "default",
};

export const SENTIMENT_COLORS: Record<SentimentBand, string> = { negative: "#cf1322", neutral: "#8c8c8c", positive: "#389e0d" };
const SENTIMENT_TAGS: Record<SentimentBand, string> = { negative: "red", neutral: "default", positive: "green" };
const STATUS_COLORS: Record<FeedbackStatus, string> = { new: "orange", in_progress: "processing", closed: "default" };

export function ChannelTag({ channel }: { channel: FeedbackChannel }) {
  const { t } = useTranslation();
  return <Tag color={CHANNEL_COLORS[channel]}>{t(`feedback.channels.${channel}`)}</Tag>;
}

export function SentimentTag({ band, score }: { band: SentimentBand; score: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={`${t("feedback.detail.sentimentScore")}: ${score.toFixed(2)}`}>
      <Tag color={SENTIMENT_TAGS[band]} data-testid="feedback-sentiment" data-band={band}>
        {t(`feedback.sentiments.${band}`)}
      </Tag>
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`feedback.statuses.${status}`)}</Tag>;
}
