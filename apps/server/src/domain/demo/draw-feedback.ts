/**
 * The demo's feedback inbox: one item per saying below, over the eight weeks before the anchor, in Chinese and English, on
 * every channel, about half from known customers — so the inbox, its themes and the closed loop have something to
 * show. Deterministic: every choice and id comes from the generators passed in. Sentiment and themes are read from
 * the text by the same analysis as live feedback; negative feedback from a known customer gets its follow-up task
 * and both appear on the customer's timeline, as createFeedback would leave them.
 */
import type { Random } from "@kexin/analytics";
import { NEGATIVE_SENTIMENT_BELOW } from "@kexin/contracts";
import type { Insertable } from "kysely";
import type { FeedbackChannelValue, FeedbackTable, InteractionsTable, TasksTable } from "../../db/schema.ts";
import { analyseFeedback } from "../feedback/analyse-feedback.ts";
import { excerpt, followUpDedupeKey } from "../feedback/feedback-record.ts";
import { followUpDueAt, followUpTitle } from "../feedback/link-feedback.ts";
import { chance, DAY_MS, integerBetween, pick } from "./draws.ts";

/** What customers say, written for the demo: [channel, text, rating]. */
const SAYINGS: readonly [FeedbackChannelValue, string, number | null][] = [
  ["phone", "周末结账排队太久了，收银台只开了两个", 2],
  ["wechat", "排队排了二十分钟，希望高峰时多开几个收银台", null],
  ["weibo", "今天又是排长队，体验很差", 1],
  ["in_person", "店员很热情，帮我找到了想要的尺码，非常满意", 5],
  ["wechat", "环境干净整洁，试衣间也很宽敞", 5],
  ["phone", "买的牛奶过期了，要求退款", 1],
  ["email", "会员积分一直没有到账，客服也没人回复", 2],
  ["app_store", "小程序下单很方便，配送也及时", 5],
  ["app_store", "App 经常闪退，付款页面打不开", 1],
  ["in_person", "停车场太小，周末找不到车位", 3],
  ["web", "网站上的价格和店里不一样，感觉被坑了", 2],
  ["wechat", "收银员态度很差，问个问题都不耐烦", 1],
  ["phone", "价格有点贵，但是质量不错", 4],
  ["in_person", "卫生间很脏，没人打扫", 2],
  ["wechat", "新品上得很快，导购也很专业", 5],
  ["other", "请问周日几点关门？", null],
  ["email", "The staff were friendly and the store was very clean. Great experience!", 5],
  ["app_store", "Checkout was slow and the queue was long. Please open more counters.", 2],
  ["email", "I was charged twice for the same order, not happy at all.", 1],
  ["web", "Nice selection, fair prices, will come back.", 4],
  ["weibo", "店里音乐太吵了，待不下去", 2],
  ["phone", "退货流程很顺利，谢谢你们", 5],
  ["wechat", "生鲜区的水果不新鲜，有点失望", 2],
  ["in_person", "一般般吧，没什么特别的", 3],
  ["phone", "高峰期排队的人太多，等了很久", 2],
  ["wechat", "导购很耐心，给了很多搭配建议", 5],
  ["in_person", "试衣间排队太久", 2],
  ["email", "Long queue at the fitting rooms on Saturday, but the staff were helpful.", 3],
  ["web", "线上下单到店自提很快，赞", 5],
  ["phone", "会员生日券没有收到", 2],
  ["wechat", "店里空调太冷了", 2],
  ["app_store", "Love the app, easy to find what I need.", 5],
];

/** One item per saying, each said once. */
export const DEMO_FEEDBACK_COUNT = SAYINGS.length;
const WEEKS = 8;

export interface DemoFeedbackContext {
  orgId: string;
  anchorTime: number;
  stores: readonly { id: string; staffIds: readonly string[] }[];
  /** Organisation-wide staff (managers), who may take any store's feedback. */
  managerIds: readonly string[];
  customers: readonly { id: string; homeStoreId: string | null; accountManagerId: string | null }[];
  nextId(): string;
}

export interface DemoFeedback {
  feedback: Insertable<FeedbackTable>[];
  interactions: Insertable<InteractionsTable>[];
  tasks: Insertable<TasksTable>[];
}

/** O(count + customers). */
export function drawFeedback(random: Random, context: DemoFeedbackContext, count = DEMO_FEEDBACK_COUNT): DemoFeedback {
  const drawn: DemoFeedback = { feedback: [], interactions: [], tasks: [] };
  for (let index = 0; index < count; index++) {
    const [channel, body, rating] = SAYINGS[index % SAYINGS.length];
    const store = pick(random, context.stores);
    const regulars = context.customers.filter((customer) => customer.homeStoreId === store.id);
    const customer = chance(random, 0.5) && regulars.length > 0 ? pick(random, regulars) : undefined;
    // Business hours in China (UTC+8): 09:00–21:59.
    const day = context.anchorTime - integerBetween(random, 0, WEEKS * 7 - 1) * DAY_MS;
    const receivedAt = new Date(day + (integerBetween(random, 9, 21) - 8) * 3_600_000 + integerBetween(random, 0, 59) * 60_000);
    const ageInDays = (context.anchorTime - day) / DAY_MS;
    const status = ageInDays > 21 ? "closed" : ageInDays > 7 && chance(random, 0.6) ? "in_progress" : "new";
    const assigneeId = status === "new" ? null : pick(random, [...store.staffIds, ...context.managerIds]);
    const analysis = analyseFeedback(body, rating);
    const id = context.nextId();
    const createdBy = pick(random, store.staffIds.length > 0 ? store.staffIds : context.managerIds);
    drawn.feedback.push({
      id,
      org_id: context.orgId,
      store_id: store.id,
      customer_id: customer?.id ?? null,
      channel,
      source_ref: null,
      author_name: null,
      author_contact: null,
      body,
      rating,
      language: analysis.language,
      sentiment: analysis.sentiment,
      themes: analysis.themes,
      status,
      assignee_id: assigneeId,
      received_at: receivedAt,
      created_by: createdBy,
      created_at: receivedAt,
      updated_at: receivedAt,
    });
    if (!customer) continue;
    const summary = excerpt(body, 120);
    drawn.interactions.push({
      id: context.nextId(),
      org_id: context.orgId,
      customer_id: customer.id,
      store_id: store.id,
      user_id: createdBy,
      kind: "feedback",
      summary: summary.text,
      body: summary.isCut ? body : null,
      occurred_at: receivedAt,
    });
    if (!(analysis.sentiment < NEGATIVE_SENTIMENT_BELOW)) continue;
    const title = followUpTitle(body, analysis.language);
    const isDone = status === "closed";
    drawn.tasks.push({
      id: context.nextId(),
      org_id: context.orgId,
      kind: "follow_up",
      status: isDone ? "done" : "open",
      title,
      detail: body,
      customer_id: customer.id,
      store_id: store.id,
      assignee_id: customer.accountManagerId,
      source_type: "feedback",
      source_id: id,
      dedupe_key: followUpDedupeKey(id),
      due_at: followUpDueAt(receivedAt),
      outcome: isDone ? "resolved" : null,
      closed_at: isDone ? new Date(receivedAt.getTime() + DAY_MS) : null,
      created_at: receivedAt,
    });
    drawn.interactions.push({
      id: context.nextId(),
      org_id: context.orgId,
      customer_id: customer.id,
      store_id: store.id,
      user_id: null,
      kind: "task",
      summary: title,
      body,
      occurred_at: new Date(receivedAt.getTime() + 60_000),
    });
  }
  return drawn;
}
