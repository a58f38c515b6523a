/** Cells of a feedback file that only feedback has: the channel and the star rating. Pure. */
import type { FeedbackChannel } from "@kexin/contracts";
import type { Parsed } from "../imports/parse-cell.ts";

const CHANNELS: Record<string, FeedbackChannel> = {
  phone: "phone", 电话: "phone", 热线: "phone", 客服电话: "phone", 来电: "phone", call: "phone",
  email: "email", "e-mail": "email", mail: "email", 邮件: "email", 邮箱: "email", 电子邮件: "email",
  wechat: "wechat", weixin: "wechat", 微信: "wechat", 公众号: "wechat", 小程序: "wechat",
  weibo: "weibo", 微博: "weibo",
  app_store: "app_store", "app store": "app_store", appstore: "app_store", "google play": "app_store",
  应用商店: "app_store", 应用市场: "app_store", app: "app_store",
  in_person: "in_person", "in person": "in_person", store: "in_person", 到店: "in_person", 店内: "in_person",
  现场: "in_person", 门店: "in_person", 面对面: "in_person", 当面: "in_person",
  web: "web", website: "web", 网站: "web", 官网: "web", 网页: "web", 在线: "web", online: "web",
  other: "other", 其他: "other", 其它: "other",
};

/** A channel from its API name or a usual Chinese or English label; an empty cell is "other". */
export function parseFeedbackChannel(text: string): Parsed<FeedbackChannel> {
  if (!text) return { value: "other" };
  const value = CHANNELS[text.trim().toLowerCase().replace(/\s+/g, " ")];
  return value
    ? { value }
    : { error: `"${text}" is not a channel (use 电话, 邮件, 微信, 微博, 应用商店, 到店, 网站, 其他 or phone, email, wechat, weibo, app_store, in_person, web, other)` };
}

/** A 1–5 star rating: "4", "4.0", "4星", "4分", "★★★★"; an empty cell is no rating. */
export function parseRating(text: string): Parsed<number | null> {
  if (!text) return { value: null };
  const stars = /^[★⭐]{1,5}$/u.test(text) ? [...text].length : undefined;
  const match = /^([1-5])(?:\.0+)?\s*(?:星|分|stars?)?$/i.exec(text.trim());
  const value = stars ?? (match ? Number(match[1]) : undefined);
  return value ? { value } : { error: `"${text}" is not a rating (use a whole number from 1 to 5)` };
}
