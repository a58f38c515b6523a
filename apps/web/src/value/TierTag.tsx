/** A customer's tier as a coloured tag: VIP gold, 重要 red, 质优 blue, 普通 grey. */
import type { CustomerTier } from "@kexin/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

export const TIER_COLORS: Record<CustomerTier, string> = { vip: "gold", important: "red", quality: "blue", ordinary: "default" };
export const TIER_CHART_COLORS: Record<CustomerTier, string> = { vip: "#d4b106", important: "#c8102e", quality: "#1677ff", ordinary: "#8c8c8c" };

export function TierTag({ tier, testId }: { tier: CustomerTier | null; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={tier ? TIER_COLORS[tier] : "default"} data-testid={testId} data-tier={tier ?? "none"}>
      {t(`value.tiers.${tier ?? "none"}`)}
    </Tag>
  );
}
