/** The segment filter: tiers, stores, tags, purchase recency and kind; every condition given must hold. */
import { CUSTOMER_TIERS, type Segment } from "@kexin/contracts";
import { Form, InputNumber, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { listStores } from "../api/admin-api.ts";
import { useApiData } from "../api/useApiData.ts";

export function SegmentFields({ value, onChange }: { value: Segment; onChange: (segment: Segment) => void }) {
  const { t } = useTranslation();
  const { data: stores } = useApiData(() => listStores(), []);
  const set = (patch: Partial<Segment>) => {
    const next: Segment = { ...value, ...patch };
    for (const key of Object.keys(next) as (keyof Segment)[]) {
      const item = next[key];
      if (item === undefined || item === null || (Array.isArray(item) && item.length === 0)) delete next[key];
    }
    onChange(next);
  };
  return (
    <Space wrap align="start" style={{ width: "100%" }}>
      <Form.Item label={t("greetings.segment.tiers")}>
        <Select
          mode="multiple"
          style={{ minWidth: 200 }}
          value={value.tiers ?? []}
          onChange={(tiers: Segment["tiers"]) => set({ tiers })}
          options={CUSTOMER_TIERS.map((tier) => ({ value: tier, label: t(`greetings.tiers.${tier}`) }))}
          data-testid="segment-tiers"
        />
      </Form.Item>
      <Form.Item label={t("greetings.segment.stores")}>
        <Select
          mode="multiple"
          style={{ minWidth: 200 }}
          value={value.storeIds ?? []}
          loading={!stores}
          onChange={(storeIds: string[]) => set({ storeIds })}
          options={(stores ?? []).map((store) => ({ value: store.id, label: store.name }))}
          data-testid="segment-stores"
        />
      </Form.Item>
      <Form.Item label={t("greetings.segment.tags")}>
        <Select mode="tags" style={{ minWidth: 160 }} value={value.tags ?? []} onChange={(tags: string[]) => set({ tags })} />
      </Form.Item>
      <Form.Item label={t("greetings.segment.purchasedWithinDays")}>
        <InputNumber min={1} max={3650} value={value.purchasedWithinDays} onChange={(days) => set({ purchasedWithinDays: days ?? undefined })} />
      </Form.Item>
      <Form.Item label={t("greetings.segment.notPurchasedForDays")}>
        <InputNumber min={1} max={3650} value={value.notPurchasedForDays} onChange={(days) => set({ notPurchasedForDays: days ?? undefined })} />
      </Form.Item>
      <Form.Item label={t("greetings.segment.kind")}>
        <Select
          allowClear
          style={{ width: 110 }}
          value={value.kind}
          onChange={(kind?: Segment["kind"]) => set({ kind })}
          options={(["person", "company"] as const).map((kind) => ({ value: kind, label: t(`greetings.segment.${kind}`) }))}
        />
      </Form.Item>
    </Space>
  );
}

/** A one-line description of a segment for tables. */
export function useSegmentText(): (segment: Segment) => string {
  const { t } = useTranslation();
  return (segment) => {
    const parts = [
      segment.tiers?.map((tier) => t(`greetings.tiers.${tier}`)).join("/"),
      segment.tags?.length ? `#${segment.tags.join(" #")}` : undefined,
      segment.purchasedWithinDays ? `${t("greetings.segment.purchasedWithinDays")}: ${segment.purchasedWithinDays}` : undefined,
      segment.notPurchasedForDays ? `${t("greetings.segment.notPurchasedForDays")}: ${segment.notPurchasedForDays}` : undefined,
      segment.storeIds?.length ? `${t("greetings.segment.stores")} ×${segment.storeIds.length}` : undefined,
      segment.kind ? t(`greetings.segment.${segment.kind}`) : undefined,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(" · ") : t("greetings.rules.everyone");
  };
}
