/**
 * Every word the respondent page says itself, in the three UI languages. The dashboard's i18next would bring a
 * library and the dashboard's catalogue with it; this page needs fifty strings, so they live in one small table.
 * The words on scale points, Kano answers and NPS ends are not here: they come from ../surveys/scale-labels.ts,
 * which the builder's phone preview uses too, so a respondent sees exactly what the survey's author previewed.
 */
import type { Locale } from "@kexin/contracts";

export interface RespondStrings {
  loading: string;
  next: string;
  back: string;
  submit: string;
  sending: string;
  /** {attempt}: the retry number. */
  retrying: string;
  /** {current}, {total}. */
  progress: string;
  required: string;
  requiredNote: string;
  optional: string;
  answerRequired: string;
  answerBothRows: string;
  answerBothKano: string;
  /** {max}. */
  tooManyChoices: string;
  /** {max}. */
  tooLong: string;
  answerInvalid: string;
  pageHasErrors: string;
  submitFailed: string;
  rateLimited: string;
  resumed: string;
  startOver: string;
  thanksTitle: string;
  thanksDefault: string;
  alreadyAnswered: string;
  closed: string;
  notFound: string;
  loadFailed: string;
  retry: string;
  nextCustomer: string;
  /** {seconds}. */
  kioskReset: string;
  expectation: string;
  perception: string;
  /** {feature}. */
  kanoFunctional: string;
  /** {feature}. */
  kanoDysfunctional: string;
  ourBusiness: string;
  /** {max}. */
  chooseUpTo: string;
  /** {count}, {max}. */
  characterCount: string;
  language: string;
  /** {low}, {high}: the two ends of a scale. */
  scaleEnds: string;
}

const zhCN: RespondStrings = {
  loading: "正在加载问卷…",
  next: "下一页",
  back: "上一页",
  submit: "提交",
  sending: "正在提交…",
  retrying: "网络不稳定，正在重试（第 {attempt} 次）…",
  progress: "第 {current} 页，共 {total} 页",
  required: "（必答）",
  requiredNote: "带 * 的题目为必答题",
  optional: "（选填）",
  answerRequired: "请回答这道题",
  answerBothRows: "请为期望和实际感受都打分",
  answerBothKano: "请回答这两个小题",
  tooManyChoices: "最多选择 {max} 项",
  tooLong: "请不要超过 {max} 个字",
  answerInvalid: "这个回答无法提交，请重新选择",
  pageHasErrors: "还有题目需要完成，请查看标出的题目。",
  submitFailed: "提交没有成功，请检查网络后再试。您的回答已保存在本机。",
  rateLimited: "提交太频繁，请稍等片刻再试。",
  resumed: "已恢复上次的进度",
  startOver: "重新开始",
  thanksTitle: "提交成功",
  thanksDefault: "感谢您的宝贵意见！",
  alreadyAnswered: "您已经完成过这份问卷，感谢您的参与！",
  closed: "这份问卷已经结束，感谢您的关注。",
  notFound: "找不到这份问卷，链接可能已失效。",
  loadFailed: "问卷加载失败，请检查网络后重试。",
  retry: "重试",
  nextCustomer: "下一位顾客",
  kioskReset: "{seconds} 秒后返回首页",
  expectation: "期望",
  perception: "实际感受",
  kanoFunctional: "如果提供「{feature}」，您觉得？",
  kanoDysfunctional: "如果不提供「{feature}」，您觉得？",
  ourBusiness: "本店",
  chooseUpTo: "最多选 {max} 项",
  characterCount: "{count}/{max}",
  language: "语言",
  scaleEnds: "{low} — {high}",
};

const en: RespondStrings = {
  loading: "Loading the survey…",
  next: "Next",
  back: "Back",
  submit: "Submit",
  sending: "Sending…",
  retrying: "The connection is unstable, retrying (attempt {attempt})…",
  progress: "Page {current} of {total}",
  required: " (required)",
  requiredNote: "Questions marked * need an answer",
  optional: " (optional)",
  answerRequired: "Please answer this question",
  answerBothRows: "Please rate both what you expected and what you got",
  answerBothKano: "Please answer both parts",
  tooManyChoices: "Choose at most {max}",
  tooLong: "Please keep it under {max} characters",
  answerInvalid: "This answer cannot be sent; please choose again",
  pageHasErrors: "Some questions still need an answer; see the marked ones.",
  submitFailed: "Sending failed. Check your connection and try again; your answers are kept on this device.",
  rateLimited: "Too many attempts; please wait a moment and try again.",
  resumed: "Your earlier progress was restored",
  startOver: "Start over",
  thanksTitle: "Thank you",
  thanksDefault: "Thank you for your feedback!",
  alreadyAnswered: "You have already answered this survey. Thank you for taking part!",
  closed: "This survey has ended. Thank you for your interest.",
  notFound: "This survey cannot be found; the link may no longer work.",
  loadFailed: "The survey could not be loaded. Check your connection and try again.",
  retry: "Try again",
  nextCustomer: "Next customer",
  kioskReset: "Back to the start in {seconds} s",
  expectation: "Expected",
  perception: "Experienced",
  kanoFunctional: "If “{feature}” is offered, how do you feel?",
  kanoDysfunctional: "If “{feature}” is not offered, how do you feel?",
  ourBusiness: "Us",
  chooseUpTo: "Choose up to {max}",
  characterCount: "{count}/{max}",
  language: "Language",
  scaleEnds: "{low} — {high}",
};

const zhTW: RespondStrings = {
  loading: "正在載入問卷…",
  next: "下一頁",
  back: "上一頁",
  submit: "提交",
  sending: "正在提交…",
  retrying: "網路不穩定，正在重試（第 {attempt} 次）…",
  progress: "第 {current} 頁，共 {total} 頁",
  required: "（必答）",
  requiredNote: "帶 * 的題目為必答題",
  optional: "（選填）",
  answerRequired: "請回答這道題",
  answerBothRows: "請為期望和實際感受都評分",
  answerBothKano: "請回答這兩個小題",
  tooManyChoices: "最多選擇 {max} 項",
  tooLong: "請不要超過 {max} 個字",
  answerInvalid: "這個回答無法提交，請重新選擇",
  pageHasErrors: "還有題目需要完成，請查看標出的題目。",
  submitFailed: "提交沒有成功，請檢查網路後再試。您的回答已保存在本機。",
  rateLimited: "提交太頻繁，請稍候片刻再試。",
  resumed: "已恢復上次的進度",
  startOver: "重新開始",
  thanksTitle: "提交成功",
  thanksDefault: "感謝您的寶貴意見！",
  alreadyAnswered: "您已經完成過這份問卷，感謝您的參與！",
  closed: "這份問卷已經結束，感謝您的關注。",
  notFound: "找不到這份問卷，連結可能已失效。",
  loadFailed: "問卷載入失敗，請檢查網路後重試。",
  retry: "重試",
  nextCustomer: "下一位顧客",
  kioskReset: "{seconds} 秒後返回首頁",
  expectation: "期望",
  perception: "實際感受",
  kanoFunctional: "如果提供「{feature}」，您覺得？",
  kanoDysfunctional: "如果不提供「{feature}」，您覺得？",
  ourBusiness: "本店",
  chooseUpTo: "最多選 {max} 項",
  characterCount: "{count}/{max}",
  language: "語言",
  scaleEnds: "{low} — {high}",
};

export const STRINGS: Record<Locale, RespondStrings> = { "zh-CN": zhCN, en, "zh-TW": zhTW };

/** What each language calls itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { "zh-CN": "简体中文", en: "English", "zh-TW": "繁體中文" };

/** Fills {name} placeholders; a placeholder without a value stays as written so a missing one is visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
