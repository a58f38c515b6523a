/**
 * Invite customers by email: picked one by one, or everyone matching a filter (at most 500 at a time), in one of
 * the survey's languages. Shows what happened to each: sent, failed, still queued, or skipped and why.
 */
import { SendOutlined } from "@ant-design/icons";
import type { Locale, Store } from "@kexin/contracts";
import { Alert, App, Button, Form, Input, Popconfirm, Segmented, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { listCustomers } from "../../api/customers-api.ts";
import { createInvitations, type InvitationSendResult } from "../../api/distribution-api.ts";
import { useApiData } from "../../api/useApiData.ts";
import { formatNumber } from "../../i18n/format.ts";
import { LOCALE_NAMES } from "../../i18n/setup-i18n.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { useErrorText } from "../../layout/useErrorText.ts";
import { collectCustomers, filterQuery, INVITE_FILTER_LIMIT, type CustomerFilter } from "./collect-customers.ts";
import { CustomerPicker, type PickedCustomer } from "./CustomerPicker.tsx";
import { InvitationResult } from "./InvitationResult.tsx";

type Mode = "pick" | "filter";
const ACTIVE_WINDOWS = [30, 90, 180, 365];

function FilterFields({ filter, stores, onChange }: { filter: CustomerFilter; stores: Store[]; onChange(filter: CustomerFilter): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState({ q: filter.q ?? "", tag: filter.tag ?? "" });
  const apply = (key: "q" | "tag") => {
    const value = text[key].trim() || undefined;
    if (value !== filter[key]) onChange({ ...filter, [key]: value });
  };
  return (
    <div className="kexin-invite-filter">
      <Select
        allowClear
        value={filter.storeId}
        onChange={(storeId?: string) => onChange({ ...filter, storeId })}
        placeholder={t("distribution.invitations.anyStore")}
        aria-label={t("distribution.invitations.filterStore")}
        options={stores.map((store) => ({ value: store.id, label: store.name }))}
        data-testid="invite-filter-store"
      />
      <Input
        allowClear
        value={text.tag}
        placeholder={t("distribution.invitations.filterTag")}
        onChange={(event) => setText({ ...text, tag: event.target.value })}
        onBlur={() => apply("tag")}
        onPressEnter={() => apply("tag")}
        data-testid="invite-filter-tag"
      />
      <Select
        allowClear
        value={filter.activeWithinDays}
        onChange={(activeWithinDays?: number) => onChange({ ...filter, activeWithinDays })}
        placeholder={t("distribution.invitations.filterActive")}
        options={ACTIVE_WINDOWS.map((days) => ({ value: days, label: t("distribution.invitations.withinDays", { days }) }))}
        data-testid="invite-filter-active"
      />
      <Input
        allowClear
        value={text.q}
        placeholder={t("distribution.invitations.filterQuery")}
        onChange={(event) => setText({ ...text, q: event.target.value })}
        onBlur={() => apply("q")}
        onPressEnter={() => apply("q")}
        data-testid="invite-filter-query"
      />
    </div>
  );
}

export function InviteForm({ surveyId, languages, stores, isLive, onSent }: {
  surveyId: string;
  languages: Locale[];
  stores: Store[];
  isLive: boolean;
  onSent(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [mode, setMode] = useState<Mode>("pick");
  const [picked, setPicked] = useState<PickedCustomer[]>([]);
  const [filter, setFilter] = useState<CustomerFilter>({});
  const [language, setLanguage] = useState<Locale | undefined>(languages.includes(locale) ? locale : languages[0]);
  const [isSending, setSending] = useState(false);
  const [result, setResult] = useState<{ result: InvitationSendResult; names: Map<string, string> }>();
  const matching = useApiData(
    () => (mode === "filter" ? listCustomers(filterQuery(filter, 1, 1)) : Promise.resolve(undefined)),
    [mode, filter.q, filter.storeId, filter.tag, filter.activeWithinDays],
  );
  const matchCount = matching.data ? Math.min(matching.data.total, INVITE_FILTER_LIMIT) : 0;
  const isOverLimit = (matching.data?.total ?? 0) > INVITE_FILTER_LIMIT || matching.data?.isTotalCapped === true;

  async function send() {
    setSending(true);
    try {
      const customers =
        mode === "pick"
          ? picked.map((customer) => ({ id: customer.value, name: customer.label }))
          : (await collectCustomers(filter, listCustomers)).map((customer) => ({ id: customer.id, name: customer.name }));
      if (customers.length === 0) {
        void message.warning(mode === "pick" ? t("distribution.invitations.pickFirst") : t("distribution.invitations.noMatches"));
        return;
      }
      const sent = await createInvitations(surveyId, { customerIds: customers.map((customer) => customer.id), language });
      setResult({ result: sent, names: new Map(customers.map((customer) => [customer.id, customer.name])) });
      if (mode === "pick") setPicked([]);
      onSent();
    } catch (caught) {
      void message.error(errorText(caught));
    } finally {
      setSending(false);
    }
  }

  const sendButton = (
    <Button
      type="primary"
      icon={<SendOutlined />}
      loading={isSending}
      disabled={mode === "pick" ? picked.length === 0 : matchCount === 0}
      onClick={mode === "pick" ? () => void send() : undefined}
      data-testid="invite-send"
    >
      {isSending ? t("distribution.invitations.sending") : t("distribution.invitations.send")}
    </Button>
  );

  if (!isLive) return <Alert type="info" showIcon title={t("distribution.invitations.notLive")} />;
  return (
    <div className="kexin-invite-form">
      <Form layout="vertical">
        <Form.Item>
          <Segmented<Mode>
            value={mode}
            onChange={setMode}
            options={[
              { value: "pick", label: t("distribution.invitations.modePick") },
              { value: "filter", label: t("distribution.invitations.modeFilter") },
            ]}
            data-testid="invite-mode"
          />
        </Form.Item>
        <Form.Item
          label={t("distribution.invitations.customers")}
          extra={
            mode === "filter" &&
            matching.data &&
            (isOverLimit
              ? t("distribution.invitations.matchingCapped", { limit: INVITE_FILTER_LIMIT })
              : t("distribution.invitations.matching", { total: formatNumber(locale, matching.data.total) }))
          }
        >
          {mode === "pick" ? (
            <CustomerPicker value={picked} onChange={setPicked} />
          ) : (
            <FilterFields filter={filter} stores={stores} onChange={setFilter} />
          )}
        </Form.Item>
        <Space align="end" wrap>
          <Form.Item label={t("distribution.invitations.language")} style={{ marginBottom: 0 }}>
            <Select<Locale>
              value={language}
              onChange={setLanguage}
              style={{ width: 160 }}
              options={languages.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
              data-testid="invite-language"
            />
          </Form.Item>
          {mode === "pick" ? (
            sendButton
          ) : (
            <Popconfirm
              title={t("distribution.invitations.confirmFilter", { total: formatNumber(locale, matchCount) })}
              okText={t("common.confirm")}
              cancelText={t("common.cancel")}
              onConfirm={() => send()}
            >
              {sendButton}
            </Popconfirm>
          )}
        </Space>
      </Form>
      {result && (
        <InvitationResult result={result.result} names={result.names} onClose={() => setResult(undefined)} />
      )}
      {mode === "filter" && matching.error !== undefined && (
        <Typography.Text type="danger">{errorText(matching.error)}</Typography.Text>
      )}
    </div>
  );
}
