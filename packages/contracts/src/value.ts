/**
 * Customer value tiers: VIP客户, 重要客户, 质优客户, 普通客户 — highest first. A customer's tier is the computed one
 * (from the organisation's tier rules over RFM, CLV and profit figures) unless someone set it by hand, with a reason.
 */
import { z } from "zod";

export const CUSTOMER_TIERS = ["vip", "important", "quality", "ordinary"] as const;
export const CustomerTier = z.enum(CUSTOMER_TIERS);
export type CustomerTier = z.infer<typeof CustomerTier>;
