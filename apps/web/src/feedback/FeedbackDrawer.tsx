/**
 * One feedback item: the whole text (rendered as text, never as markup), what Kexin read from it, and — for roles
 * that may — its status, assignee, store and customer, each saved as soon as it is changed.
 */
import { FeedbackStatus, type Feedback, type FeedbackUpdate, type User } from "@kexin/contracts";
import { UserOutlined } from "@ant-design/icons";
import { Alert, App, Button, Descriptions, Drawer, Rate, Select, Skeleton, Space, Tag, Tooltip, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { listUsers } from "../api/admin-api.ts";
import { getFeedback, updateFeedback } from "../api/feedback-api.ts";
import { can } from "../auth/permissions.ts";
import { useMe } from "../auth/useSession.ts";
import { formatDateTime } from "../i18n/format.ts";
import { useLocale } from "../i18n/useLocale.ts";
import { useErrorText } from "../layout/useErrorText.ts";
import { CustomerSearchSelect } from "./CustomerSearchSelect.tsx";
import { ChannelTag, SentimentTag } from "./FeedbackTags.tsx";

const LANGUAGES = ["zh", "en", "und"] as const;
const isKnownLanguage = (language: string): language is (typeof LANGUAGES)[number] => (LANGUAGES as readonly string[]).includes(language);

export function FeedbackDrawer({ id, onClose, onChanged, onTheme }: {
  id: string | undefined;
  onClose(): void;
  onChanged(feedback: Feedback): void;
  onTheme(theme: string): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [feedback, setFeedback] = useState<Feedback>();
  const [error, setError] = useState<unknown>();
  const [users, setUsers] = useState<User[]>([]);
  const [saving, setSaving] = useState<keyof FeedbackUpdate>();
  const canWrite = can(me.role, "feedback.write");

  useEffect(() => {
    setFeedback(undefined);
    setError(undefined);
    if (!id) return;
    let isCurrent = true;
    getFeedback(id)
      .then((loaded) => isCurrent && setFeedback(loaded))
      .catch((caught: unknown) => isCurrent && setError(caught));
    return () => {
      isCurrent = false;
    };
  }, [id]);

  useEffect(() => {
    if (!id || !canWrite || users.length > 0) return;
    listUsers()
      .then((loaded) => setUsers(loaded.filter((user) => !user.isDisabled)))
      .catch(() => setUsers([]));
  }, [id, canWrite, users.length]);

  async function change(update: FeedbackUpdate) {
    if (!feedback) return;
    setSaving(Object.keys(update)[0] as keyof FeedbackUpdate);
    try {
      const saved = await updateFeedback(feedback.id, update);
      setFeedback(saved);
      onChanged(saved);
      void message.success(t("feedback.detail.saved"));
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setSaving(undefined);
    }
  }

  /** Colleagues who could see this item's store (the server checks again). */
  const assignable = users.filter(
    (user) => user.role === "admin" || user.role === "manager" || (feedback?.storeId !== null && user.storeIds.includes(feedback?.storeId ?? "")),
  );
  const followUp = feedback?.followUpTask;

  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={t("feedback.detail.title")} size={560} destroyOnHidden data-testid="feedback-drawer">
      {Boolean(error) && <Alert type="error" showIcon title={errorText(error)} />}
      {!feedback && !error && <Skeleton active />}
      {feedback && (
        <Space orientation="vertical" size="large" style={{ width: "100%" }}>
          <div>
            <Space wrap style={{ marginBottom: 8 }}>
              <ChannelTag channel={feedback.channel} />
              <SentimentTag band={feedback.sentimentBand} score={feedback.sentiment} />
              <Typography.Text type="secondary">{formatDateTime(locale, feedback.receivedAt)}</Typography.Text>
            </Space>
            <Typography.Paragraph className="kexin-pre" style={{ fontSize: 15, marginBottom: 0 }} data-testid="feedback-drawer-body">
              {feedback.body}
            </Typography.Paragraph>
          </div>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 130 } }}>
            <Descriptions.Item label={t("feedback.columns.status")}>
              <Select<Feedback["status"]>
                value={feedback.status}
                disabled={!canWrite}
                loading={saving === "status"}
                onChange={(status) => void change({ status })}
                options={FeedbackStatus.options.map((status) => ({ value: status, label: t(`feedback.statuses.${status}`) }))}
                style={{ width: 160 }}
                data-testid="feedback-status-input"
              />
            </Descriptions.Item>
            <Descriptions.Item label={t("feedback.columns.assignee")}>
              <Select<string>
                allowClear
                value={feedback.assigneeId ?? undefined}
                disabled={!canWrite}
                loading={saving === "assigneeId"}
                placeholder={t("feedback.unassigned")}
                onChange={(assigneeId?: string) => void change({ assigneeId: assigneeId ?? null })}
                options={(assignable.some((user) => user.id === feedback.assigneeId) || !feedback.assigneeId
                  ? assignable.map((user) => ({ value: user.id, label: user.name }))
                  : [{ value: feedback.assigneeId, label: feedback.assigneeName ?? "" }, ...assignable.map((user) => ({ value: user.id, label: user.name }))])}
                style={{ width: 240 }}
                data-testid="feedback-assignee-input"
              />
            </Descriptions.Item>
            <Descriptions.Item label={t("feedback.columns.store")}>
              <Select<string>
                allowClear={me.stores.length > 1}
                value={feedback.storeId ?? undefined}
                disabled={!canWrite}
                loading={saving === "storeId"}
                placeholder={t("feedback.noStore")}
                onChange={(storeId?: string) => void change({ storeId: storeId ?? null })}
                options={me.stores.map((store) => ({ value: store.id, label: store.name }))}
                style={{ width: 240 }}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t("feedback.detail.linkCustomer")}>
              {canWrite ? (
                <Space.Compact style={{ width: "100%" }}>
                  <CustomerSearchSelect
                    key={feedback.customerId ?? "none"}
                    value={feedback.customerId ?? undefined}
                    initial={feedback.customerId ? { id: feedback.customerId, name: feedback.customerName ?? "" } : null}
                    placeholder={t("feedback.form.customerPlaceholder")}
                    onChange={(customerId) => void change({ customerId: customerId ?? null })}
                    testId="feedback-link-customer"
                    style={{ flex: 1, minWidth: 0 }}
                  />
                  {feedback.customerId && (
                    <Tooltip title={t("feedback.detail.openCustomer")}>
                      <Link to={`/customers/${feedback.customerId}`} aria-label={t("feedback.detail.openCustomer")}>
                        <Button icon={<UserOutlined />} />
                      </Link>
                    </Tooltip>
                  )}
                </Space.Compact>
              ) : feedback.customerId ? (
                <Link to={`/customers/${feedback.customerId}`}>{feedback.customerName}</Link>
              ) : (
                t("feedback.anonymous")
              )}
            </Descriptions.Item>
            {(feedback.authorName || feedback.authorContact) && (
              <Descriptions.Item label={t("feedback.detail.author")}>
                {[feedback.authorName, feedback.authorContact].filter(Boolean).join(" · ")}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("feedback.detail.sentimentScore")}>{feedback.sentiment.toFixed(2)}</Descriptions.Item>
            <Descriptions.Item label={t("feedback.columns.themes")}>
              {feedback.themes.length === 0
                ? t("common.none")
                : feedback.themes.map((theme) => (
                    <Tag key={theme} style={{ cursor: "pointer" }} onClick={() => onTheme(theme)}>
                      {theme}
                    </Tag>
                  ))}
            </Descriptions.Item>
            {feedback.rating !== null && (
              <Descriptions.Item label={t("feedback.detail.rating")}>
                <Rate disabled value={feedback.rating} style={{ fontSize: 16 }} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("feedback.detail.language")}>
              {isKnownLanguage(feedback.language) ? t(`feedback.languages.${feedback.language}`) : feedback.language}
            </Descriptions.Item>
            <Descriptions.Item label={t("feedback.detail.followUp")}>
              {followUp
                ? followUp.assigneeName
                  ? t("feedback.detail.followUpOpen", { name: followUp.assigneeName })
                  : t("feedback.detail.followUpStore")
                : t("feedback.detail.noFollowUp")}
            </Descriptions.Item>
            {feedback.sourceRef && <Descriptions.Item label={t("feedback.detail.sourceRef")}>{feedback.sourceRef}</Descriptions.Item>}
            <Descriptions.Item label={t("feedback.detail.createdBy")}>
              {feedback.createdByName ?? t("common.none")} · {formatDateTime(locale, feedback.createdAt)}
            </Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    </Drawer>
  );
}
