/**
 * The respondent page's screens as DOM: header, loading, messages, thanks, and a page of the survey. They hold no
 * state; respond-app.ts decides which to show and passes in what happens on a tap.
 */
import type { Locale, PublicSurvey } from "@kexin/contracts";
import type { Answers, AnswerValue } from "@kexin/contracts/survey-answers";
import { h, replaceChildren } from "./dom.ts";
import { localize } from "./language.ts";
import { renderQuestion, type QuestionView } from "./render-question.ts";
import { fill, LANGUAGE_NAMES, type RespondStrings } from "./strings.ts";
import { pageProgress, shownPages, visibleQuestions } from "./survey-flow.ts";

/** The survey's title, with a language switch when the survey is written in several languages. */
export function surveyHeader(
  survey: PublicSurvey | null,
  language: Locale,
  strings: RespondStrings,
  onSwitchLanguage: (language: Locale) => void,
): HTMLElement {
  const header = h("header", { class: "survey-header" });
  if (!survey) return header;
  const languages = survey.definition.languages;
  if (languages.length > 1) {
    header.append(
      h(
        "div",
        { class: "language-switch", role: "group", "aria-label": strings.language },
        ...languages.map((option) =>
          h(
            "button",
            {
              type: "button",
              class: "language-button",
              lang: option,
              "aria-pressed": String(option === language),
              onclick: () => onSwitchLanguage(option),
            },
            LANGUAGE_NAMES[option],
          ),
        ),
      ),
    );
  }
  header.append(h("h1", { class: "survey-title" }, localize(survey.definition.title, language, languages)));
  return header;
}

export function loadingScreen(strings: RespondStrings): HTMLElement {
  return h("p", { class: "loading", role: "status" }, strings.loading);
}

export type MessageKind = "notFound" | "closed" | "alreadyAnswered" | "loadFailed" | "rateLimited";

/** A one-line screen (not found, closed, already answered, failed to load), with Retry when retrying can help. */
export function messageScreen(kind: MessageKind, strings: RespondStrings, onRetry: (() => void) | null): HTMLElement {
  return h(
    "section",
    { class: "message", "data-testid": `respond-${kind}` },
    h("p", { class: "message-text", role: "status" }, strings[kind]),
    onRetry ? h("button", { type: "button", class: "button button--primary", onclick: onRetry }, strings.retry) : null,
  );
}

/** Thanks after a stored answer; a kiosk adds its countdown and a Next customer button. */
export function thanksScreen(thanks: string, strings: RespondStrings, onNextCustomer: (() => void) | null): HTMLElement {
  return h(
    "section",
    { class: "thanks", "data-testid": "respond-thanks" },
    h("div", { class: "thanks-mark", "aria-hidden": "true" }, "✓"),
    h("h2", { class: "thanks-title", tabindex: "-1" }, strings.thanksTitle),
    h("p", { class: "thanks-text" }, thanks),
    onNextCustomer ? h("p", { class: "kiosk-countdown", "data-testid": "respond-countdown" }) : null,
    onNextCustomer
      ? h("button", { type: "button", class: "button button--primary", "data-testid": "respond-next-customer", onclick: onNextCustomer }, strings.nextCustomer)
      : null,
  );
}

export interface PageScreenInput {
  survey: PublicSurvey;
  pageIndex: number;
  answers: Answers;
  language: Locale;
  strings: RespondStrings;
  /** Show "已恢复上次的进度" with a Start over button. */
  hasResumed: boolean;
  onAnswer: (questionKey: string, value: AnswerValue | undefined) => void;
  onBack: () => void;
  onNext: () => void;
  onStartOver: () => void;
}

/** A page of the survey, with the parts that change while answering exposed so they can be updated in place. */
export interface PageScreen {
  form: HTMLFormElement;
  views: QuestionView[];
  progress: HTMLElement;
  banner: HTMLElement;
  sendStatus: HTMLElement;
  primaryButton: HTMLButtonElement;
  backButton: HTMLButtonElement;
}

export function pageScreen(input: PageScreenInput): PageScreen {
  const { survey, pageIndex, answers, language, strings } = input;
  const { definition } = survey;
  const fallbacks = definition.languages;
  const page = definition.pages[pageIndex];
  const isFirstPage = shownPages(definition, answers)[0] === pageIndex;
  const visible = new Set(visibleQuestions(definition, pageIndex, answers).map((question) => question.key));

  const views = page.questions.map((question) => {
    const view = renderQuestion(question, {
      language,
      fallbacks,
      strings,
      value: answers[question.key],
      onChange: (value) => input.onAnswer(question.key, value),
    });
    view.setVisible(visible.has(question.key));
    return view;
  });

  const pageTitle = localize(page.title, language, fallbacks);
  const intro = isFirstPage ? localize(definition.intro, language, fallbacks) : "";
  const hasRequired = page.questions.some((question) => question.required);
  const progress = h("div", { class: "progress" });
  const banner = h("p", { class: "form-banner", role: "alert", hidden: true });
  const sendStatus = h("p", { class: "send-status", role: "status" });
  const primaryButton = h("button", { type: "submit", class: "button button--primary", "data-testid": "respond-next" });
  const backButton = h(
    "button",
    { type: "button", class: "button button--secondary", "data-testid": "respond-back", onclick: input.onBack, hidden: isFirstPage },
    strings.back,
  );
  const resumeNotice = input.hasResumed
    ? h(
        "div",
        { class: "notice", role: "status", "data-testid": "respond-resumed" },
        h("span", {}, strings.resumed),
        h("button", { type: "button", class: "link-button", onclick: input.onStartOver }, strings.startOver),
      )
    : null;
  // Without a page title the heading still exists (for focus after Next and for screen readers), saying where one is.
  const heading = h(
    "h2",
    { class: pageTitle ? "page-title" : "page-title visually-hidden", tabindex: "-1" },
    pageTitle || fill(strings.progress, pageProgress(definition, pageIndex, answers)),
  );

  const form = h(
    "form",
    { class: "survey-page", novalidate: true, "data-page": page.key },
    resumeNotice,
    progress,
    intro ? h("p", { class: "survey-intro" }, intro) : null,
    heading,
    hasRequired ? h("p", { class: "required-note" }, strings.requiredNote) : null,
    ...views.map((view) => view.root),
    banner,
    sendStatus,
    h("div", { class: "page-actions" }, backButton, primaryButton),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    input.onNext();
  });
  return { form, views, progress, banner, sendStatus, primaryButton, backButton };
}

/** Fills the progress box: "第 2 页，共 4 页" and a bar; hidden for a one-page survey. */
export function showProgress(box: HTMLElement, current: number, total: number, strings: RespondStrings): void {
  const label = fill(strings.progress, { current, total });
  box.hidden = total < 2;
  replaceChildren(
    box,
    h("span", { class: "progress-text", "aria-hidden": "true" }, label),
    h(
      "div",
      { class: "progress-track", role: "progressbar", "aria-label": label, "aria-valuemin": 0, "aria-valuemax": total, "aria-valuenow": current },
      h("div", { class: "progress-fill", style: `width: ${Math.round((current / total) * 100)}%` }),
    ),
  );
}
