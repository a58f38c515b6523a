/** Search box and filters above the inbox. */
import { TagOutlined } from "@ant-design/icons";
import { FeedbackChannel, FeedbackStatus, SentimentBand } from "@kexin/contracts";
import { Input, Select, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth/useSession.ts";
import { SearchBox } from "../layout/SearchBox.tsx";
import type { InboxQuery } from "./useFeedbackQuery.ts";

export function FeedbackFilters({ query, onChange }: { query: InboxQuery; onChange(change: Partial<InboxQuery>): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [theme, setTheme] = useState(query.theme ?? "");
  useEffect(() => setTheme(query.theme ?? ""), [query.theme]);

  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }}>
      <SearchBox
        value={query.q}
        onSearch={(q) => onChange({ q })}
        placeholder={t("feedback.searchPlaceholder")}
        width={260}
        testId="feedback-search"
      />
      <Select<FeedbackChannel>
        allowClear
        value={query.channel}
        onChange={(channel?: FeedbackChannel) => onChange({ channel })}
        placeholder={t("feedback.allChannels")}
        style={{ width: 140 }}
        options={FeedbackChannel.options.map((channel) => ({ value: channel, label: t(`feedback.channels.${channel}`) }))}
        data-testid="feedback-filter-channel"
      />
      <Select<SentimentBand>
        allowClear
        value={query.sentiment}
        onChange={(sentiment?: SentimentBand) => onChange({ sentiment })}
        placeholder={t("feedback.allSentiments")}
        style={{ width: 130 }}
        options={SentimentBand.options.map((band) => ({ value: band, label: t(`feedback.sentiments.${band}`) }))}
        data-testid="feedback-filter-sentiment"
      />
      <Select<FeedbackStatus>
        allowClear
        value={query.status}
        onChange={(status?: FeedbackStatus) => onChange({ status })}
        placeholder={t("feedback.allStatuses")}
        style={{ width: 130 }}
        options={FeedbackStatus.options.map((status) => ({ value: status, label: t(`feedback.statuses.${status}`) }))}
        data-testid="feedback-filter-status"
      />
      {me.stores.length > 1 && (
        <Select
          allowClear
          value={query.storeId}
          onChange={(storeId?: string) => onChange({ storeId })}
          placeholder={t("feedback.allStores")}
          style={{ width: 160 }}
          options={me.stores.map((store) => ({ value: store.id, label: store.name }))}
          data-testid="feedback-filter-store"
        />
      )}
      <Input
        allowClear
        prefix={<TagOutlined />}
        value={theme}
        onChange={(event) => {
          setTheme(event.target.value);
          if (!event.target.value && query.theme) onChange({ theme: undefined });
        }}
        onPressEnter={() => onChange({ theme: theme.trim() || undefined })}
        onBlur={() => theme.trim() !== (query.theme ?? "") && onChange({ theme: theme.trim() || undefined })}
        placeholder={t("feedback.theme")}
        style={{ width: 150 }}
        data-testid="feedback-filter-theme"
      />
    </Space>
  );
}
