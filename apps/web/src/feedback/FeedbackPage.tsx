/**
 * The feedback inbox (意见反馈): what customers said on every channel, newest first, with sentiment and themes;
 * searchable and filterable, the top themes as bars, one item at a time in a drawer where it is assigned and
 * closed. Customers' words are shown as text (React escapes them), never as markup.
 */
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import type { FeedbackListItem, FeedbackThemesQuery } from "@kexin/contracts";
import { Alert, App, Button, Space, Table, Tag, Typography, type TableProps } from "antd";
import { useMemo, useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { listFeedback, summarizeFeedbackThemes } from "../api/feedback-api.ts";
import { useApiData } from "../api/useApiData.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { PageTitle } from "../layout/PageTitle.tsx";
import { useErrorText } from "../layout/useErrorText.ts";
import { FeedbackDrawer } from "./FeedbackDrawer.tsx";
import { FeedbackFilters } from "./FeedbackFilters.tsx";
import { FeedbackFormModal } from "./FeedbackFormModal.tsx";
import { FeedbackImportModal } from "./FeedbackImportModal.tsx";
import { ChannelTag, SentimentTag, StatusTag } from "./FeedbackTags.tsx";
import { FeedbackThemeChart } from "./FeedbackThemeChart.tsx";
import { useFeedbackQuery } from "./useFeedbackQuery.ts";

const TOP_THEMES = 12;

export default function FeedbackPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { query, apiQuery, update } = useFeedbackQuery();
  /** Bumped after every change, so the list and the themes reload. */
  const [version, setVersion] = useState(0);
  const [isAdding, setAdding] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const canWrite = can(me.role, "feedback.write");

  const { data: list, error, isLoading } = useApiData(() => listFeedback(apiQuery), [apiQuery, version]);
  // The bars cover every theme of the filtered set except the theme filter itself, so the chart stays put when a
  // bar is clicked and shows which one is chosen.
  const themesQuery = useMemo<FeedbackThemesQuery>(() => {
    const { theme: _theme, page: _page, pageSize: _pageSize, ...filters } = apiQuery;
    void [_theme, _page, _pageSize];
    return { ...filters, limit: TOP_THEMES };
  }, [apiQuery]);
  const { data: themes } = useApiData(() => summarizeFeedbackThemes(themesQuery), [themesQuery, version]);

  const columns: TableProps<FeedbackListItem>["columns"] = [
    {
      key: "receivedAt",
      title: t("feedback.columns.receivedAt"),
      dataIndex: "receivedAt",
      width: 172,
      render: (at: string) => <Typography.Text style={{ whiteSpace: "nowrap" }}>{formatDateTime(locale, at)}</Typography.Text>,
    },
    {
      key: "channel",
      title: t("feedback.columns.channel"),
      dataIndex: "channel",
      width: 104,
      render: (channel: FeedbackListItem["channel"]) => <ChannelTag channel={channel} />,
    },
    {
      key: "body",
      title: t("feedback.columns.body"),
      dataIndex: "excerpt",
      render: (excerpt: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: excerpt }} style={{ marginBottom: 0, minWidth: 220 }} data-testid="feedback-excerpt">
          {excerpt}
        </Typography.Paragraph>
      ),
    },
    {
      key: "sentiment",
      title: t("feedback.columns.sentiment"),
      dataIndex: "sentimentBand",
      width: 88,
      render: (_band: FeedbackListItem["sentimentBand"], item) => <SentimentTag band={item.sentimentBand} score={item.sentiment} />,
    },
    {
      key: "themes",
      title: t("feedback.columns.themes"),
      dataIndex: "themes",
      width: 200,
      render: (terms: string[]) => (
        <Space size={[0, 4]} wrap>
          {/* The theme filtered by comes first, so every row shows why it matched. */}
          {[...terms].sort((a, b) => Number(b === query.theme) - Number(a === query.theme)).slice(0, 3).map((term) => (
            <Tag
              key={term}
              color={term === query.theme ? "blue" : undefined}
              style={{ cursor: "pointer" }}
              onClick={(event) => {
                event.stopPropagation();
                update({ theme: term });
              }}
            >
              {term}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: "customer",
      title: t("feedback.columns.customer"),
      dataIndex: "customerName",
      width: 120,
      render: (_name: string | null, item) =>
        item.customerId ? (
          <Link to={`/customers/${item.customerId}`} onClick={(event) => event.stopPropagation()}>
            {item.customerName}
          </Link>
        ) : (
          <Typography.Text type="secondary">{item.authorName ?? t("feedback.anonymous")}</Typography.Text>
        ),
    },
    {
      key: "store",
      title: t("feedback.columns.store"),
      dataIndex: "storeName",
      width: 120,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t("feedback.noStore")}</Typography.Text>,
    },
    {
      key: "status",
      title: t("feedback.columns.status"),
      dataIndex: "status",
      width: 92,
      render: (status: FeedbackListItem["status"]) => <StatusTag status={status} />,
    },
    {
      key: "assignee",
      title: t("feedback.columns.assignee"),
      dataIndex: "assigneeName",
      width: 110,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t("feedback.unassigned")}</Typography.Text>,
    },
  ];

  const onRow = (item: FeedbackListItem) =>
    ({
      "data-testid": `feedback-row-${item.id}`,
      style: { cursor: "pointer" },
      onClick: () => update({ open: item.id }),
    }) as HTMLAttributes<HTMLElement>;

  return (
    <>
      <PageTitle
        title={t("feedback.title")}
        testId="feedback-title"
        extra={
          canWrite && (
            <Space wrap>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="feedback-import">
                {t("feedback.import")}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="feedback-add">
                {t("feedback.add")}
              </Button>
            </Space>
          )
        }
      />
      <FeedbackFilters query={query} onChange={update} />
      <FeedbackThemeChart summary={themes} selected={query.theme} onSelect={(theme) => update({ theme: theme === query.theme ? undefined : theme })} />
      {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<FeedbackListItem>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={list?.items ?? []}
        onRow={onRow}
        scroll={{ x: 1200 }}
        data-testid="feedback-table"
        onChange={(pagination) => update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t("common.total", { count: total }),
        }}
      />
      <FeedbackDrawer
        id={query.open}
        onClose={() => update({ open: undefined })}
        onChanged={() => setVersion((value) => value + 1)}
        onTheme={(theme) => update({ theme, open: undefined })}
      />
      <FeedbackFormModal
        open={isAdding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void message.success(t("feedback.form.created"));
          setVersion((value) => value + 1);
        }}
      />
      <FeedbackImportModal
        open={isImporting}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          setVersion((value) => value + 1);
        }}
      />
    </>
  );
}
